import type { EntityPageProps } from '../shell/EntityPageProps';
import { CallflowListPage } from '../callflows/CallflowListPage';

/** Feature-code callflows (`featurecode` set: *72, *97, …), listed apart from the others and opened in the builder. */
export default function FeatureCodesPage(_props: EntityPageProps) {
  return <CallflowListPage kind="featurecodes" />;
}
