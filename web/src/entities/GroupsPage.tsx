import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function GroupsPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="users" title="Groups" description="Sets of users and devices that ring together." />;
}
