import { describe, expect, it } from 'vitest';
import { countByFolder, duration, toMessage } from './messages';

describe('voicemail messages', () => {
  it('reads KAZOO’s Gregorian timestamp and millisecond length', () => {
    const m = toMessage({ id: 'm1', folder: 'saved', caller_id_name: 'Alice', caller_id_number: '+14155550100', timestamp: 63_900_000_000, length: 61_400 });
    expect(m).toEqual({ id: 'm1', folder: 'saved', caller: 'Alice', number: '+14155550100', receivedAt: (63_900_000_000 - 62_167_219_200) * 1000, seconds: 61 });
  });

  it('names the caller by number when there is no name, and treats an unknown folder as new', () => {
    const m = toMessage({ id: 'm2', folder: 'weird', caller_id_number: '1001' });
    expect(m.caller).toBe('1001');
    expect(m.number).toBeUndefined();
    expect(m.folder).toBe('new');
    expect(toMessage({ id: 'm3' }).caller).toBe('Unknown caller');
  });

  it('counts per folder and formats durations', () => {
    const all = [toMessage({ id: 'a', folder: 'new' }), toMessage({ id: 'b', folder: 'new' }), toMessage({ id: 'c', folder: 'deleted' })];
    expect(countByFolder(all)).toEqual({ new: 2, saved: 0, deleted: 1 });
    expect(duration(61)).toBe('1:01');
    expect(duration(5)).toBe('0:05');
  });
});
