import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function ConferencesPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="conference" title="Conferences" description="Conference rooms, their numbers and PINs." />;
}
