import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, commit, HISTORY_LIMIT, redo, startHistory, undo } from './history';
import { addAction, fromCallflow, setData, toCallflow } from './tree';

describe('undo and redo', () => {
  it('walks back and forth through every change', () => {
    let h = startHistory(1);
    h = commit(h, 2);
    h = commit(h, 3);
    expect(h.present).toBe(3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe(3);
    expect(canRedo(h)).toBe(false);
  });

  it('drops the redo branch when a new change is made after an undo', () => {
    let h = commit(commit(startHistory('a'), 'b'), 'c');
    h = commit(undo(h), 'd');
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('merges a burst of edits of one group into one step', () => {
    let h = startHistory('');
    for (const text of ['S', 'Sa', 'Sal', 'Sale', 'Sales']) h = commit(h, text, 'name');
    h = commit(h, 'Sales!', 'other');
    expect(undo(h).present).toBe('Sales');
    expect(undo(undo(h)).present).toBe('');
  });

  it('ignores a change that changes nothing, and keeps a bounded past', () => {
    const start = startHistory(0);
    expect(commit(start, 0)).toBe(start);
    let h = start;
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = commit(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });

  it('restores callflow states exactly, so an undone edit leaves the document as it was', () => {
    const first = fromCallflow({ numbers: ['1'], flow: { module: 'user', data: { id: 'u' }, children: {} } });
    let h = startHistory(first);
    h = commit(h, addAction(h.present, 'n1', '_', 'voicemail', { id: 'v' }).state);
    h = commit(h, setData(h.present, 'n1', { id: 'other' }));
    const undone = undo(undo(h));
    expect(toCallflow(undone.present)).toStrictEqual(toCallflow(first));
    expect(toCallflow(redo(redo(undone)).present)).toStrictEqual(toCallflow(h.present));
  });
});
