import type { EntityPageProps } from '../shell/EntityPageProps';
import { PlaceholderPage } from '../ui/PlaceholderPage';

export default function TemporalRulesPage(_props: EntityPageProps) {
  return <PlaceholderPage icon="clock" title="Time of day rules" description="Opening hours, holidays and other calendar rules." />;
}
