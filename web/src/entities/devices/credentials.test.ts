import { describe, expect, it } from 'vitest';
import { generateSipPassword, generateSipUsername } from './credentials';

describe('SIP credential generators', () => {
  it('make user names of KAZOO’s shape', () => {
    expect(generateSipUsername()).toMatch(/^user_[a-z0-9]{6}$/);
  });

  it('make 16-character alphanumeric passwords that differ every time', () => {
    const passwords = Array.from({ length: 200 }, generateSipPassword);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(new Set(passwords).size).toBe(200);
  });

  it('use the whole alphabet', () => {
    const seen = new Set(Array.from({ length: 400 }, generateSipPassword).join(''));
    expect(seen.size).toBe(62);
  });
});
