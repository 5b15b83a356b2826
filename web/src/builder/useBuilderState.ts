import { useMemo, useReducer } from 'react';
import type { JsonObject } from '../forms/jsonSchema';
import { adoptSaved } from './model/adopt';
import { canRedo, canUndo, commit, redo, startHistory, undo, type History } from './model/history';
import { fromCallflow, toCallflow, type FlowState } from './model/tree';

/** The callflow being edited, its undo history, and what was last saved (to know when there are changes). */
export type BuilderState = {
  history: History<FlowState>;
  savedSnapshot: string;
  revision: string | null;
  collapsed: ReadonlySet<string>;
  /** A node uid, `root` for the callflow itself, or nothing. */
  selected: string | null;
};

type Action =
  | { type: 'apply'; change: (state: FlowState) => FlowState; group?: string; select?: string | null }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; uid: string | null }
  | { type: 'collapse'; uid: string; collapsed: boolean }
  | { type: 'saved'; doc: JsonObject; revision: string | null }
  | { type: 'replace'; doc: JsonObject; revision: string | null };

/** The document as it is sent: what the server adds on reads (`metadata`, `id`) is not part of an edit. */
export function savable(state: FlowState): JsonObject {
  const { metadata: _metadata, id: _id, ...body } = toCallflow(state);
  return body;
}

const snapshot = (state: FlowState) => JSON.stringify(savable(state));

function reducer(state: BuilderState, action: Action): BuilderState {
  switch (action.type) {
    case 'apply': {
      const next = action.change(state.history.present);
      const history = commit(state.history, next, action.group ?? null);
      const selected = action.select !== undefined ? action.select : state.selected;
      return { ...state, history, selected: selected && selected !== 'root' && !next.nodes[selected] ? null : selected };
    }
    case 'undo':
    case 'redo': {
      const history = action.type === 'undo' ? undo(state.history) : redo(state.history);
      const present = history.present;
      return { ...state, history, selected: state.selected && state.selected !== 'root' && !present.nodes[state.selected] ? null : state.selected };
    }
    case 'select':
      return state.selected === action.uid ? state : { ...state, selected: action.uid };
    case 'collapse': {
      const collapsed = new Set(state.collapsed);
      if (action.collapsed) collapsed.add(action.uid);
      else collapsed.delete(action.uid);
      return { ...state, collapsed };
    }
    case 'saved': {
      // the server's copy (with its defaults) replaces the present without a new undo step
      const present = adoptSaved(state.history.present, action.doc);
      return { ...state, history: { ...state.history, present }, savedSnapshot: snapshot(present), revision: action.revision };
    }
    case 'replace': {
      const present = fromCallflow(action.doc);
      return { history: startHistory(present), savedSnapshot: snapshot(present), revision: action.revision, collapsed: new Set(), selected: null };
    }
  }
}

export function initialBuilderState(doc: JsonObject, revision: string | null): BuilderState {
  const present = fromCallflow(doc);
  return {
    history: startHistory(present),
    savedSnapshot: snapshot(present),
    revision,
    collapsed: new Set(),
    selected: null,
  };
}

export function useBuilderState(doc: JsonObject, revision: string | null) {
  const [state, dispatch] = useReducer(reducer, undefined, () => initialBuilderState(doc, revision));
  const flow = state.history.present;
  const dirty = useMemo(() => snapshot(flow) !== state.savedSnapshot, [flow, state.savedSnapshot]);
  return {
    state,
    flow,
    dirty,
    canUndo: canUndo(state.history),
    canRedo: canRedo(state.history),
    dispatch,
  };
}

export type BuilderDispatch = ReturnType<typeof useBuilderState>['dispatch'];
