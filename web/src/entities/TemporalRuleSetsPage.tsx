import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function TemporalRuleSetsPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="clock" title="Time of day sets" description="Rules grouped into one branch, such as all holidays." />;
}
