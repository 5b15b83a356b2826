import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function UsersPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="user" title="Users" description="People in the account, their extensions, caller ID and call forwarding." />;
}
