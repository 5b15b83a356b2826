import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from '../../api/client';
import { queryKeys, useAccountId } from '../../api/queries';
import { documentSchema, type Doc } from '../../api/types';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/states';
import { firstDay, isoDay, lastDay, monthOf, type Day } from './calendar';
import { longDate, MonthGrid } from './CalendarPreview';
import { clock } from './describeRule';
import { upcoming } from './nextOccurrence';
import { parseRule, type RuleFields } from './rule';

const LIST = 8;
const MONTHS_SHOWN = 3;

/** A set matches whenever one of its rules does: their dates together, each with the rules that open it. */
export function SetPreview({ ruleIds, today, timeZone }: { ruleIds: string[]; today: Day; timeZone?: string }) {
  const accountId = useAccountId();
  const docs = useQueries({
    queries: ruleIds.map((id) => ({
      queryKey: queryKeys.document(accountId, 'temporal_rules', id),
      queryFn: ({ signal }: { signal: AbortSignal }) => request('GET', `/accounts/${accountId}/temporal_rules/${id}`, documentSchema, { signal })
        .then((env) => ({ doc: env.data as Doc, revision: env.revision ?? null })),
    })),
  });
  const loaded = docs.map((q) => q.data?.doc).filter((d): d is Doc => d !== undefined);
  const loading = docs.some((q) => q.isLoading);
  const key = loaded.map((d) => d.id).join();
  const { dates, marked } = useMemo(() => {
    const byDay = new Map<Day, string[]>();
    const end = lastDay(monthOf(today) + MONTHS_SHOWN - 1);
    const inView = new Set<Day>();
    for (const doc of loaded) {
      const rule = parseRule(doc as RuleFields, timeZone);
      const hours = rule.windowStart === 0 && rule.windowStop >= 86_400 ? 'all day' : `${clock(rule.windowStart)}–${clock(rule.windowStop)}`;
      for (const d of upcoming(rule, today, LIST)) byDay.set(d, [...(byDay.get(d) ?? []), `${typeof doc.name === 'string' ? doc.name : doc.id} (${hours})`]);
      for (const d of upcoming(rule, firstDay(monthOf(today)), 93)) if (d <= end) inView.add(d);
    }
    return { dates: [...byDay.entries()].sort(([a], [b]) => a - b).slice(0, LIST), marked: inView };
    // the documents' ids name what was loaded; their contents do not change while shown
  }, [key, today, timeZone]);

  return (
    <section className="section" aria-label="Next occurrences">
      <div className="section-header">
        <Icon name="clock" />
        <h3>Next occurrences of the set</h3>
        {loading && <Spinner />}
        <span className="spacer" />
        {timeZone && <span className="subtle">{timeZone}</span>}
      </div>
      <div className="section-body">
        {ruleIds.length === 0 ? <p className="muted">Add rules to the set to see when it matches.</p>
          : dates.length === 0 && !loading ? <p className="muted">None of these rules has an upcoming date.</p> : (
            <ol className="occurrences set-occurrences" data-testid="occurrences">
              {dates.map(([d, rules]) => (
                <li key={d}>
                  <Icon name="check" size={14} />
                  <time dateTime={isoDay(d)}>{longDate(d)}</time>
                  <span className="subtle">{rules.join(', ')}</span>
                </li>
              ))}
            </ol>
          )}
        <div className="month-grids">
          {Array.from({ length: MONTHS_SHOWN }, (_, i) => monthOf(today) + i).map((m) => (
            <MonthGrid key={m} month={m} marked={marked} today={today} />
          ))}
        </div>
      </div>
    </section>
  );
}
