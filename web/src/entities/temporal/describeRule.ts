import { WEEKDAYS, type Rule } from './rule';

export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Seconds after midnight as `09:30` (`24:00` for the end of the day). */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function ordinalDay(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function list(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** One sentence a person can check a rule against: "Every 2 weeks on Mon and Wed, 09:00–17:00". */
export function describeRule(rule: Rule, startText: string): string {
  const every = (unit: string) => (rule.interval === 1 ? `Every ${unit}` : `Every ${rule.interval} ${unit}s`);
  const weekdays = list(rule.wdays.map((w) => WEEKDAY_SHORT[w - 1]));
  const onWeekday = () => {
    const names = list(rule.wdays.map((w) => WEEKDAYS[w - 1].replace(/^./, (c) => c.toUpperCase())));
    return rule.ordinal === 'every' ? `every ${names}` : `the ${rule.ordinal} ${names}`;
  };
  let when: string;
  switch (rule.cycle) {
    case 'date': when = `On ${startText} only`; break;
    case 'daily': when = every('day'); break;
    case 'weekly': when = rule.wdays.length === 7 ? every('week') + ', every day' : `${every('week')} on ${weekdays}`; break;
    case 'monthly': when = rule.days.length > 0
      ? `${every('month')} on the ${list(rule.days.map(ordinalDay))}`
      : `${every('month')} on ${onWeekday()}`; break;
    case 'yearly': when = rule.days.length > 0
      ? `${every('year')} on ${MONTHS[rule.month - 1] ?? '?'} ${list(rule.days.map(String))}`
      : `${every('year')} on ${onWeekday()} of ${MONTHS[rule.month - 1] ?? '?'}`; break;
    default: return 'No repeat chosen: this rule is never active by time.';
  }
  const hours = rule.windowStart === 0 && rule.windowStop >= 86_400 ? 'all day' : `${clock(rule.windowStart)}–${clock(rule.windowStop)}`;
  return `${when}, ${hours}`;
}
