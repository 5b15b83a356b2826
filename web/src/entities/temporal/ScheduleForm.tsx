import { useId } from 'react';
import type { FieldError } from '../../api/envelope';
import { FieldErrorText } from '../../forms/FieldErrors';
import { setKey, type JsonObject } from '../../forms/jsonSchema';
import { dayInZone, GREGORIAN_UNIX_OFFSET, isoDay, midnightInZone, parseIsoDay } from './calendar';
import { clock, MONTHS, WEEKDAY_SHORT } from './describeRule';
import { CYCLES, ORDINALS, WEEKDAYS, type Cycle } from './rule';

type Props = {
  value: JsonObject;
  onChange: (next: JsonObject) => void;
  timeZone: string | undefined;
  errors: Record<string, FieldError[]>;
};

const CYCLE_LABELS: Record<Cycle, string> = { date: 'One date', daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', yearly: 'Yearly' };
const UNITS: Partial<Record<Cycle, string>> = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' };
export const SCHEDULE_FIELDS = ['cycle', 'interval', 'days', 'wdays', 'ordinal', 'month', 'start_date', 'time_window_start', 'time_window_stop', 'enabled'];

/**
 * The schedule of a time of day rule as a person thinks of it: how it repeats (KAZOO's cycles), on which days, from
 * when, and between which times — with "forced on/off" as KAZOO's `enabled`.
 */
export function ScheduleForm({ value, onChange, timeZone, errors }: Props) {
  const ids = { interval: useId(), start: useId(), from: useId(), to: useId(), month: useId(), ordinal: useId(), weekday: useId() };
  const cycle = (typeof value.cycle === 'string' ? value.cycle : undefined) as Cycle | undefined;
  const interval = typeof value.interval === 'number' ? value.interval : 1;
  const wdays = Array.isArray(value.wdays) ? (value.wdays as string[]) : [];
  const days = Array.isArray(value.days) ? (value.days as number[]) : [];
  const byDays = days.length > 0 || value.ordinal === undefined;
  const windowStart = typeof value.time_window_start === 'number' ? value.time_window_start : 0;
  const windowStop = typeof value.time_window_stop === 'number' ? value.time_window_stop : 86_400;
  const allDay = windowStart === 0 && windowStop >= 86_400;
  const set = (key: string, v: unknown) => onChange(setKey(value, key, v));
  const setMany = (changes: Record<string, unknown>) =>
    onChange(Object.entries(changes).reduce((acc, [k, v]) => setKey(acc, k, v), value));
  const errorsOf = (key: string) => errors[key] ?? [];

  const startDay = typeof value.start_date === 'number'
    ? dayInZone((value.start_date - GREGORIAN_UNIX_OFFSET) * 1000, timeZone) : undefined;
  const toggleWeekday = (name: string, single: boolean) => {
    if (single) return set('wdays', [name]);
    const next = wdays.includes(name) ? wdays.filter((w) => w !== name) : [...wdays, name];
    set('wdays', WEEKDAYS.filter((w) => next.includes(w)));
  };
  const toggleDay = (day: number) => {
    const next = days.includes(day) ? days.filter((d) => d !== day) : [...days, day];
    set('days', next.length ? next.sort((a, b) => a - b) : undefined);
  };
  const toSeconds = (text: string) => {
    const m = /^(\d{2}):(\d{2})$/.exec(text);
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 : undefined;
  };

  const enabledState = value.enabled === true ? 'on' : value.enabled === false ? 'off' : 'schedule';

  return (
    <div className="schedule-form">
      <div className="field">
        <span className="field-label">Active</span>
        <div className="segmented" role="group" aria-label="Active">
          {([['schedule', 'Based on time'], ['on', 'Forced on'], ['off', 'Forced off']] as const).map(([key, label]) => (
            <button key={key} type="button" aria-pressed={enabledState === key}
              onClick={() => set('enabled', key === 'on' ? true : key === 'off' ? false : undefined)}>{label}</button>
          ))}
        </div>
        <span className="field-help">Forcing a rule on or off overrides its schedule until you set it back.</span>
      </div>

      <div className="field">
        <span className="field-label">Repeats</span>
        <div className="segmented" role="group" aria-label="Repeats">
          {CYCLES.map((c) => (
            <button key={c} type="button" aria-pressed={cycle === c} onClick={() => set('cycle', c)}>{CYCLE_LABELS[c]}</button>
          ))}
        </div>
        <FieldErrorText errors={errorsOf('cycle')} />
      </div>

      {cycle && UNITS[cycle] && (
        <div className="field">
          <label className="field-label" htmlFor={ids.interval}>Every</label>
          <div className="row">
            <input id={ids.interval} className="input input-sm" type="number" min={1} value={interval}
              onChange={(e) => set('interval', e.target.value === '' ? undefined : Math.max(1, Math.trunc(Number(e.target.value))))} />
            <span>{UNITS[cycle]}{interval === 1 ? '' : 's'}</span>
          </div>
          <FieldErrorText errors={errorsOf('interval')} />
        </div>
      )}

      {cycle === 'weekly' && (
        <div className="field">
          <span className="field-label">On</span>
          <WeekdayPicker selected={wdays} onToggle={(w) => toggleWeekday(w, false)} label="Weekdays" />
          <FieldErrorText errors={errorsOf('wdays')} />
        </div>
      )}

      {cycle === 'yearly' && (
        <div className="field">
          <label className="field-label" htmlFor={ids.month}>Month</label>
          <select id={ids.month} className="select" value={typeof value.month === 'number' ? value.month : 1}
            onChange={(e) => set('month', Number(e.target.value))}>
            {MONTHS.map((m, i) => <option key={m} value={i + 1}>{m}</option>)}
          </select>
          <FieldErrorText errors={errorsOf('month')} />
        </div>
      )}

      {(cycle === 'monthly' || cycle === 'yearly') && (
        <div className="field">
          <span className="field-label">On</span>
          <div className="segmented" role="group" aria-label="On days of the month or a weekday">
            <button type="button" aria-pressed={byDays} onClick={() => setMany({ ordinal: undefined, days: days.length ? days : [1], wdays: undefined })}>Days of the month</button>
            <button type="button" aria-pressed={!byDays} onClick={() => setMany({ days: undefined, ordinal: 'first', wdays: [wdays[0] ?? 'monday'] })}>A weekday</button>
          </div>
          {byDays ? (
            <div className="month-days" role="group" aria-label="Days of the month">
              {Array.from({ length: 31 }, (_, i) => i + 1).map((d) => (
                <button key={d} type="button" className="day-toggle" aria-pressed={days.includes(d)} onClick={() => toggleDay(d)}>{d}</button>
              ))}
            </div>
          ) : (
            <div className="row">
              <label className="visually-hidden" htmlFor={ids.ordinal}>Which</label>
              <select id={ids.ordinal} className="select" style={{ width: 'auto' }} value={String(value.ordinal)}
                onChange={(e) => set('ordinal', e.target.value)}>
                {ORDINALS.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
              <label className="visually-hidden" htmlFor={ids.weekday}>Weekday</label>
              <select id={ids.weekday} className="select" style={{ width: 'auto' }} value={wdays[0] ?? 'monday'}
                onChange={(e) => toggleWeekday(e.target.value, true)}>
                {WEEKDAYS.map((w) => <option key={w} value={w}>{w.replace(/^./, (c) => c.toUpperCase())}</option>)}
              </select>
            </div>
          )}
          <FieldErrorText errors={[...errorsOf('days'), ...errorsOf('ordinal'), ...errorsOf('wdays')]} />
        </div>
      )}

      <div className="field-row">
        <div className="field">
          <label className="field-label" htmlFor={ids.start}>{cycle === 'date' ? 'Date' : 'Starting'}</label>
          <input id={ids.start} className="input" type="date" value={startDay === undefined ? '' : isoDay(startDay)}
            onChange={(e) => {
              const day = parseIsoDay(e.target.value);
              set('start_date', day === null ? undefined : Math.round(midnightInZone(day, timeZone) / 1000) + GREGORIAN_UNIX_OFFSET);
            }} />
          <span className="field-help">In the account's time zone{timeZone ? ` (${timeZone})` : ''}.</span>
          <FieldErrorText errors={errorsOf('start_date')} />
        </div>
      </div>

      <div className="field">
        <span className="field-label">Hours</span>
        <label className="checkbox">
          <input type="checkbox" checked={allDay}
            onChange={(e) => setMany(e.target.checked
              ? { time_window_start: undefined, time_window_stop: undefined }
              : { time_window_start: 9 * 3600, time_window_stop: 17 * 3600 })} />
          All day
        </label>
        {!allDay && (
          <div className="row">
            <label htmlFor={ids.from} className="subtle">From</label>
            <input id={ids.from} className="input" style={{ width: 'auto' }} type="time" step={60} value={clock(windowStart)}
              onChange={(e) => set('time_window_start', toSeconds(e.target.value))} aria-invalid={windowStop < windowStart} />
            <label htmlFor={ids.to} className="subtle">to</label>
            <input id={ids.to} className="input" style={{ width: 'auto' }} type="time" step={60} value={clock(Math.min(windowStop, 86_340))}
              onChange={(e) => set('time_window_stop', toSeconds(e.target.value))} aria-invalid={windowStop < windowStart} />
          </div>
        )}
        {windowStop < windowStart && (
          <span className="field-error" role="alert">The end is before the start. A period over midnight needs two rules, one each side of it.</span>
        )}
        <FieldErrorText errors={[...errorsOf('time_window_start'), ...errorsOf('time_window_stop')]} />
      </div>
    </div>
  );
}

function WeekdayPicker({ selected, onToggle, label }: { selected: string[]; onToggle: (name: string) => void; label: string }) {
  return (
    <div className="weekday-picker" role="group" aria-label={label}>
      {WEEKDAYS.map((w, i) => (
        <button key={w} type="button" className="day-toggle" aria-pressed={selected.includes(w)} onClick={() => onToggle(w)}
          aria-label={w}>{WEEKDAY_SHORT[i]}</button>
      ))}
    </div>
  );
}

/** What a rule must have before it is saved; the server checks types, this checks sense. */
export function scheduleProblem(value: JsonObject): string | null {
  const wdays = Array.isArray(value.wdays) ? value.wdays : [];
  const days = Array.isArray(value.days) ? value.days : [];
  if (!value.cycle) return 'Choose how the rule repeats.';
  if (value.cycle === 'weekly' && wdays.length === 0) return 'Please select at least one day of the week.';
  if ((value.cycle === 'monthly' || value.cycle === 'yearly') && days.length === 0 && wdays.length === 0) {
    return 'Choose the days of the month, or a weekday.';
  }
  const start = typeof value.time_window_start === 'number' ? value.time_window_start : 0;
  const stop = typeof value.time_window_stop === 'number' ? value.time_window_stop : 86_400;
  if (stop < start) return 'The hours end before they start. A period over midnight needs two rules.';
  return null;
}
