import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import type { RefHints, TitleHints } from './common/refs';
import { plural, rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';
import { useAccountDoc } from './common/useAccountDoc';
import { dayInZone } from './temporal/calendar';
import { SetPreview } from './temporal/SetPreview';
import './temporal/temporal.css';

const REFS: RefHints = { 'temporal_rules.[]': 'temporal_rules' };
const TITLES: TitleHints = { temporal_rules: 'Rules', 'temporal_rules.[]': 'Rule' };
const ORDER = ['name', 'temporal_rules'];

const describe = (row: Doc) => ({ title: rowName(row, '(unnamed set)'), subtitle: Array.isArray(row.rules) ? plural(row.rules.length, 'rule') : undefined });

export default function TemporalRuleSetsPage({ id }: EntityPageProps) {
  const account = useAccountDoc();
  const timeZone = typeof account.data?.doc.timezone === 'string' ? account.data.doc.timezone : undefined;
  return (
    <EntityPage
      id={id}
      collection="temporal_rules_sets"
      basePath="/temporal-rule-sets"
      icon="clock"
      noun="time of day set"
      nounPlural="time of day sets"
      title="Time of day sets"
      subtitle="Several time of day rules that act as one, such as all public holidays."
      searchPlaceholder="Search sets by name"
      emptyText="A set groups rules (for example every public holiday) so a callflow can branch on all of them at once."
      describe={describe}
      editor={(docId) => <SchemaEditor collection="temporal_rules_sets" id={docId} basePath="/temporal-rule-sets" icon="clock" order={ORDER} refs={REFS} titles={TITLES}
        after={(editor) => (
          <SetPreview ruleIds={Array.isArray(editor.draft!.temporal_rules) ? (editor.draft!.temporal_rules as unknown[]).filter((r): r is string => typeof r === 'string' && r !== '') : []}
            today={dayInZone(Date.now(), timeZone)} timeZone={timeZone} />
        )} />}
    />
  );
}
