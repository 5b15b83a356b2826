import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function FaxboxesPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="fax" title="Fax boxes" description="Virtual fax machines that send and receive faxes." />;
}
