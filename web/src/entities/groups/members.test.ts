import { describe, expect, it } from 'vitest';
import { moveMember, toEndpoints, toMembers } from './members';

describe('group members', () => {
  const endpoints = {
    d1: { type: 'device', weight: 2, delay: 5, timeout: 30 },
    u1: { type: 'user', weight: 1, custom: 'kept' },
    u2: { type: 'user' },
  };

  it('orders members by weight, those without one last in stored order', () => {
    expect(toMembers(endpoints).map((m) => m.id)).toEqual(['u1', 'd1', 'u2']);
  });

  it('writes the order back as weights 1..n and keeps unknown fields', () => {
    const members = moveMember(toMembers(endpoints), 2, -2);
    expect(toEndpoints(members)).toEqual({
      u2: { type: 'user', weight: 1 },
      u1: { type: 'user', weight: 2, custom: 'kept' },
      d1: { type: 'device', weight: 3, delay: 5, timeout: 30 },
    });
  });

  it('ignores moves past either end', () => {
    const members = toMembers(endpoints);
    expect(moveMember(members, 0, -1)).toBe(members);
    expect(moveMember(members, 2, 1)).toBe(members);
  });

  it('reads a missing or odd endpoints value as no members', () => {
    expect(toMembers(undefined)).toEqual([]);
    expect(toMembers([1, 2])).toEqual([]);
  });
});
