import { describe, expect, it } from 'vitest';
import { matchPath } from './router';

describe('matchPath', () => {
  it('captures named segments and decodes them', () => {
    expect(matchPath('/callflows/:id', '/callflows/abc%20d')).toEqual({ id: 'abc d' });
  });

  it('ignores a trailing slash and refuses other shapes', () => {
    expect(matchPath('/users', '/users/')).toEqual({});
    expect(matchPath('/users', '/users/1')).toBeNull();
    expect(matchPath('/users/:id', '/devices/1')).toBeNull();
  });
});
