/**
 * Undo and redo over immutable states: every change pushes the state before it. A burst of edits to the same
 * thing (typing in one field) can be merged into one step by giving them the same `group`.
 */
export type History<T> = {
  past: T[];
  present: T;
  future: T[];
  /** The group of the last change, so the next change of the same group replaces it instead of stacking. */
  lastGroup: string | null;
};

export const HISTORY_LIMIT = 300;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastGroup: null };
}

export function commit<T>(history: History<T>, next: T, group: string | null = null): History<T> {
  if (next === history.present) return history;
  if (group !== null && group === history.lastGroup && history.past.length > 0) {
    return { ...history, present: next, future: [] };
  }
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], lastGroup: group };
}

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  const previous = history.past[history.past.length - 1];
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastGroup: null };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next, future: rest, lastGroup: null };
}

export const canUndo = (h: History<unknown>) => h.past.length > 0;
export const canRedo = (h: History<unknown>) => h.future.length > 0;
