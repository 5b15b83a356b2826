import type { Doc } from '../api/types';
import type { JsonObject } from '../forms/jsonSchema';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import { rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';
import { useAccountDoc } from './common/useAccountDoc';
import type { EntityEditor } from './common/useEntityEditor';
import { dayInZone, GREGORIAN_UNIX_OFFSET, midnightInZone } from './temporal/calendar';
import { CalendarPreview } from './temporal/CalendarPreview';
import { parseRule } from './temporal/rule';
import { SCHEDULE_FIELDS, ScheduleForm, scheduleProblem } from './temporal/ScheduleForm';
import './temporal/temporal.css';

const describe = (row: Doc) => ({ title: rowName(row, '(unnamed rule)') });

export default function TemporalRulesPage({ id }: EntityPageProps) {
  const account = useAccountDoc();
  const timeZone = typeof account.data?.doc.timezone === 'string' ? account.data.doc.timezone : undefined;
  /** A new rule: office hours, Monday to Friday, from today. */
  const blank = (): JsonObject => ({
    cycle: 'weekly',
    interval: 1,
    wdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    time_window_start: 9 * 3600,
    time_window_stop: 17 * 3600,
    start_date: Math.round(midnightInZone(dayInZone(Date.now(), timeZone), timeZone) / 1000) + GREGORIAN_UNIX_OFFSET,
  });
  return (
    <EntityPage
      id={id}
      collection="temporal_rules"
      basePath="/temporal-rules"
      icon="clock"
      noun="time of day rule"
      nounPlural="time of day rules"
      title="Time of day rules"
      subtitle="Opening hours, holidays and other schedules a callflow branches on."
      searchPlaceholder="Search rules by name"
      emptyText="A rule describes when something applies, such as weekdays 9 to 5 or 25 December. Callflows branch on it."
      describe={describe}
      editor={(docId) => account.isLoading ? null : (
        <SchemaEditor collection="temporal_rules" id={docId} basePath="/temporal-rules" icon="clock" hidden={SCHEDULE_FIELDS}
          blank={blank}
          validate={scheduleProblem}
          after={(editor: EntityEditor) => (
            <>
              <ScheduleForm value={editor.draft!} onChange={editor.setDraft} timeZone={timeZone} errors={editor.fieldErrors} />
              <CalendarPreview rule={parseRule(editor.draft!, timeZone)} today={dayInZone(Date.now(), timeZone)} timeZone={timeZone} />
            </>
          )}
        />
      )}
    />
  );
}
