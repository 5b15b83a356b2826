import { describe, expect, it } from 'vitest';
import { adoptSaved } from './adopt';
import { addAction, fromCallflow, toCallflow } from './tree';

describe('adopting the saved callflow', () => {
  it('takes the server defaults onto the same nodes', () => {
    const start = fromCallflow({ numbers: ['2001'] });
    const user = addAction(start, null, '_', 'user', { id: 'u' });
    const vm = addAction(user.state, user.uid, '_', 'voicemail', { id: 'v' });
    const saved = {
      id: 'cf1', numbers: ['2001'], patterns: [],
      flow: { module: 'user', data: { id: 'u', timeout: 20 }, children: { _: { module: 'voicemail', data: { id: 'v', action: 'compose' }, children: {} } } },
    };
    const adopted = adoptSaved(vm.state, saved);
    expect(Object.keys(adopted.nodes).sort()).toEqual([user.uid, vm.uid].sort());
    expect(adopted.nodes[vm.uid].data).toEqual({ id: 'v', action: 'compose' });
    expect(toCallflow(adopted)).toStrictEqual(saved);
  });

  it('starts over when the saved shape differs', () => {
    const mine = fromCallflow({ flow: { module: 'user', data: {}, children: {} } });
    const theirs = { flow: { module: 'menu', data: {}, children: { 1: { module: 'play', data: {}, children: {} } } } };
    expect(toCallflow(adoptSaved(mine, theirs))).toStrictEqual(theirs);
  });
});
