import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function CarriersPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="globe" title="Carriers" description="Outbound and inbound carriers (resources)." />;
}
