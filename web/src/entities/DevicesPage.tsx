import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function DevicesPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="device" title="Devices" description="Phones, softphones and gateways that register and ring." />;
}
