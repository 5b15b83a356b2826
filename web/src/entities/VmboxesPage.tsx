import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function VmboxesPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="voicemail" title="Voicemail boxes" description="Mailboxes, their PINs, greetings and e-mail delivery." />;
}
