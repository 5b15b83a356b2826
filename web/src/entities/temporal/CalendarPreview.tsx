import { useMemo } from 'react';
import { Icon } from '../../ui/Icon';
import { dayOf, firstDay, isoDay, lastDay, monthOf, parts, weekday, type Day } from './calendar';
import { clock, describeRule, MONTHS, WEEKDAY_SHORT } from './describeRule';
import { upcoming } from './nextOccurrence';
import type { Rule } from './rule';

const LIST = 8;
const MONTHS_SHOWN = 3;

export const longDate = (day: Day) => {
  const { year, month, date } = parts(day);
  return `${WEEKDAY_SHORT[weekday(day) - 1]} ${date} ${MONTHS[month - 1].slice(0, 3)} ${year}`;
};

/**
 * When the rule is next active, computed in the browser with the same rules routing uses (spec §8): a sentence, the
 * next dates with their hours, and three months with those days marked (filled, bold and ticked, so colour is
 * never the only cue).
 */
export function CalendarPreview({ rule, today, timeZone }: { rule: Rule; today: Day; timeZone?: string }) {
  const dates = useMemo(() => upcoming(rule, today, LIST), [rule, today]);
  const inView = useMemo(() => {
    const end = lastDay(monthOf(today) + MONTHS_SHOWN - 1);
    return new Set(upcoming(rule, firstDay(monthOf(today)), 93).filter((d) => d <= end));
  }, [rule, today]);
  const hours = rule.windowStart === 0 && rule.windowStop >= 86_400 ? 'all day' : `${clock(rule.windowStart)}–${clock(rule.windowStop)}`;

  return (
    <section className="section" aria-label="Next occurrences">
      <div className="section-header">
        <Icon name="clock" />
        <h3>Next occurrences</h3>
        <span className="spacer" />
        {timeZone && <span className="subtle">{timeZone}</span>}
      </div>
      <div className="section-body">
        <p className="rule-sentence">{describeRule(rule, longDate(rule.start))}.</p>
        {rule.enabled !== null && (
          <div className="banner banner-warning"><Icon name="alert" />
            <span>This rule is forced {rule.enabled ? 'on: it matches at every hour of every day' : 'off: it never matches'} until set back to “Based on time”. The dates below are its schedule.</span>
          </div>
        )}
        {dates.length === 0 ? (
          <p className="muted">This schedule has no upcoming dates{rule.cycle === 'date' ? ': its date has passed' : ''}.</p>
        ) : (
          <ol className="occurrences" data-testid="occurrences">
            {dates.map((d) => (
              <li key={d}>
                <Icon name="check" size={14} />
                <time dateTime={isoDay(d)}>{longDate(d)}</time>
                <span className="subtle">{hours}</span>
                {d === today && <span className="badge badge-accent">Today</span>}
              </li>
            ))}
          </ol>
        )}
        <div className="month-grids">
          {Array.from({ length: MONTHS_SHOWN }, (_, i) => monthOf(today) + i).map((m) => (
            <MonthGrid key={m} month={m} marked={inView} today={today} />
          ))}
        </div>
      </div>
    </section>
  );
}

export function MonthGrid({ month, marked, today }: { month: number; marked: Set<Day>; today: Day }) {
  const first = firstDay(month);
  const { year, month: m } = parts(first);
  const blanks = weekday(first) - 1;
  const count = lastDay(month) - first + 1;
  return (
    <table className="month-grid">
      <caption>{MONTHS[m - 1]} {year}</caption>
      <thead><tr>{WEEKDAY_SHORT.map((w) => <th key={w} scope="col" abbr={w}>{w.slice(0, 2)}</th>)}</tr></thead>
      <tbody>
        {Array.from({ length: Math.ceil((blanks + count) / 7) }, (_, row) => (
          <tr key={row}>
            {Array.from({ length: 7 }, (_, col) => {
              const n = row * 7 + col - blanks + 1;
              if (n < 1 || n > count) return <td key={col} />;
              const day = dayOf(year, m, n);
              const on = marked.has(day);
              return (
                <td key={col} className={`${on ? 'is-on' : ''}${day === today ? ' is-today' : ''}`}
                  aria-label={`${n}${on ? ', active' : ''}${day === today ? ', today' : ''}`}>
                  {n}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
