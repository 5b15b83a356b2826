import { describe, expect, it } from 'vitest';
import { dayInZone, dayOf, isoDay, midnightInZone, weekday } from './calendar';

describe('calendar', () => {
  it('numbers weekdays the ISO way', () => {
    expect(weekday(dayOf(2024, 3, 18))).toBe(1);
    expect(weekday(dayOf(2024, 3, 17))).toBe(7);
    expect(weekday(dayOf(1969, 12, 31))).toBe(3);
  });

  it('reads the date of an instant in a zone', () => {
    const instant = Date.UTC(2024, 2, 15, 3, 0, 0); // 23:00 on the 14th in New York
    expect(isoDay(dayInZone(instant, 'America/New_York'))).toBe('2024-03-14');
    expect(isoDay(dayInZone(instant, 'UTC'))).toBe('2024-03-15');
  });

  it('finds local midnight, also on the day clocks go forward', () => {
    expect(midnightInZone(dayOf(2024, 1, 15), 'America/New_York')).toBe(Date.UTC(2024, 0, 15, 5));
    expect(midnightInZone(dayOf(2024, 7, 15), 'America/New_York')).toBe(Date.UTC(2024, 6, 15, 4));
    expect(midnightInZone(dayOf(2024, 3, 10), 'America/New_York')).toBe(Date.UTC(2024, 2, 10, 5));
    expect(midnightInZone(dayOf(2024, 3, 31), 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 30, 23));
  });
});
