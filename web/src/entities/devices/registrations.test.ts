import { describe, expect, it } from 'vitest';
import { normaliseRegistrations, registrationsOf } from './registrations';

const NOW = Date.UTC(2026, 0, 1);

describe('normaliseRegistrations', () => {
  it('reads a list in KAZOO’s registrations shape', () => {
    const [r] = normaliseRegistrations([{
      username: 'user_abc123', contact: 'sip:user_abc123@10.0.0.5:5060', user_agent: 'Yealink T54W', source_ip: '10.0.0.5',
      source_port: 5060, expires: 300, owner_id: 'dev1',
    }], NOW);
    expect(r).toEqual({
      username: 'user_abc123', deviceId: 'dev1', contact: 'sip:user_abc123@10.0.0.5:5060', userAgent: 'Yealink T54W',
      source: '10.0.0.5:5060', expiresAt: NOW + 300_000,
    });
  });

  it('reads a single object, an object keyed by id, and absolute expiry times', () => {
    expect(normaliseRegistrations({ username: 'a', expires: 1_800_000_000 }, NOW)).toEqual([
      expect.objectContaining({ username: 'a', expiresAt: 1_800_000_000_000 }),
    ]);
    expect(normaliseRegistrations({ x: { Username: 'b', Contact: 'sip:b@h' } }, NOW)).toEqual([
      expect.objectContaining({ username: 'b', contact: 'sip:b@h' }),
    ]);
  });

  it('gives nothing for an empty or odd answer', () => {
    expect(normaliseRegistrations([], NOW)).toEqual([]);
    expect(normaliseRegistrations(null, NOW)).toEqual([]);
    expect(normaliseRegistrations('registered', NOW)).toEqual([]);
  });
});

describe('registrationsOf', () => {
  const all = normaliseRegistrations([
    { username: 'User_A', contact: 'sip:1' },
    { device_id: 'd2', username: 'other', contact: 'sip:2' },
    { username: 'user_c', contact: 'sip:3' },
  ], NOW);

  it('matches by device id, or by SIP user name ignoring case', () => {
    expect(registrationsOf(all, 'd1', 'user_a').map((r) => r.contact)).toEqual(['sip:1']);
    expect(registrationsOf(all, 'd2', 'nobody').map((r) => r.contact)).toEqual(['sip:2']);
    expect(registrationsOf(all, 'd9', undefined)).toEqual([]);
  });
});
