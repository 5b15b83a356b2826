import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function AccountSettingsPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="settings" title="Account settings" description="Caller ID, music on hold, timezone and the preflow callflow." />;
}
