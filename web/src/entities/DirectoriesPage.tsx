import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function DirectoriesPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="book" title="Directories" description="Dial-by-name directories." />;
}
