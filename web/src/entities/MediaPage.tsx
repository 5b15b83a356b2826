import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function MediaPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="music" title="Media" description="Recorded prompts and text-to-speech played to callers." />;
}
