import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { ApiError, describeError } from '../api/ApiError';
import { request } from '../api/client';
import type { FieldError } from '../api/envelope';
import { queryKeys, useAccountId, useDocument } from '../api/queries';
import { documentSchema } from '../api/types';
import { isObject, type JsonObject } from '../forms/jsonSchema';
import { Link, useRouter } from '../router/router';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../ui/states';
import { useToasts } from '../ui/Toasts';
import { caption, referencedIds } from './captions';
import { useCatalog, type Catalog } from './catalog';
import type { ActionNodeData, PathMark } from './canvas/ActionNode';
import { CanvasActionsContext } from './canvas/CanvasActions';
import { FlowCanvas } from './canvas/FlowCanvas';
import { ConflictDialog } from './ConflictDialog';
import { exportFile } from './exportImport';
import { KeyDialog } from './KeyDialog';
import { acceptsChildren, edgeLabel as keyLabelFor, keyOptions, needsKey } from './model/childKeys';
import {
  addAction, canDeleteAlone, deleteBranch, deleteNode, isSkipped, moveBranch, nodePaths, parentIndex, setChildKey,
  setData, setDoc, setSkipped, subtree, toFlow, uidAtPath, type EditorNode, type FlowState,
} from './model/tree';
import { actionLabel, buildPalette, moduleIcon, type PaletteEntry } from './palette';
import { Palette } from './Palette';
import { CallflowPanel } from './panels/CallflowPanel';
import { NodePanel } from './panels/NodePanel';
import { sortProblems, type Warning } from './problems';
import { SimulatePanel, type Endpoint } from './simulate/SimulatePanel';
import { highlightPath, type Trace } from './simulate/trace';
import { savable, useBuilderState } from './useBuilderState';
import { keyLabel, useShortcuts, type Shortcut } from './useShortcuts';
import { useNames } from './useNames';
import './builder.css';

/** The callflow builder for one callflow (`new` for a blank one). */
export default function BuilderPage({ callflowId }: { callflowId: string }) {
  const isNew = callflowId === 'new';
  const callflow = useDocument('callflows', isNew ? undefined : callflowId);
  const catalog = useCatalog();

  if ((!isNew && callflow.isLoading) || catalog.isLoading) return <LoadingState label="Opening the callflow…" />;
  if (callflow.error instanceof ApiError && callflow.error.isNotFound) {
    return (
      <EmptyState icon="flow" title="This callflow does not exist" action={<Link to="/callflows" className="btn">Back to callflows</Link>}>
        It may have been deleted, or the link belongs to another account.
      </EmptyState>
    );
  }
  if (callflow.error) return <ErrorState error={callflow.error} onRetry={() => void callflow.refetch()} />;
  if (catalog.error) return <ErrorState title="The list of actions could not be loaded" error={catalog.error} />;
  const doc = isNew ? { name: '', numbers: [] } : callflow.data!.doc;
  return (
    <ReactFlowProvider>
      <Builder initial={doc} revision={isNew ? null : callflow.data!.revision} callflowId={isNew ? null : callflowId} catalog={catalog} />
    </ReactFlowProvider>
  );
}

type Pending =
  | { kind: 'add'; parent: string; entry: PaletteEntry }
  | { kind: 'move'; uid: string; parent: string }
  | { kind: 'rekey'; uid: string };

type Problems = { fieldErrors: Record<string, FieldError[]>; warnings: Warning[] };

const NO_PROBLEMS: Problems = { fieldErrors: {}, warnings: [] };

function Builder({ initial, revision, callflowId: initialId, catalog }: { initial: JsonObject; revision: string | null; callflowId: string | null; catalog: Catalog }) {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const { navigate, setGuard } = useRouter();
  const toasts = useToasts();
  const { fitView, zoomIn, zoomOut } = useReactFlow();
  const [callflowId, setCallflowId] = useState(initialId);
  const { state, flow, dirty, canUndo, canRedo, dispatch } = useBuilderState(initial, revision);
  const palette = useMemo(() => buildPalette(catalog.modules), [catalog.modules]);
  const { nameOf } = useNames(flow, catalog);
  const [pending, setPending] = useState<Pending | null>(null);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [conflict, setConflict] = useState<{ theirs: JsonObject; revision: string | null } | null>(null);
  const [panel, setPanel] = useState<'edit' | 'simulate'>('edit');
  const [trace, setTrace] = useState<{ trace: Trace; source: 'simulation' | 'call' } | null>(null);
  const [focus, setFocus] = useState<{ uid: string; token: number } | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const selected = state.selected;

  const apply = useCallback((change: (s: FlowState) => FlowState, options?: { group?: string; select?: string | null }) => {
    try {
      // run once here so a refused change (a key taken, a move into itself) is reported, not thrown in the reducer
      change(flow);
      dispatch({ type: 'apply', change, group: options?.group, select: options?.select });
    } catch (e) {
      toasts.fail(describeError(e));
    }
  }, [dispatch, flow, toasts]);

  // --- what the canvas shows -------------------------------------------------------------------------------
  const paths = useMemo(() => nodePaths(flow), [flow]);
  const parents = useMemo(() => parentIndex(flow), [flow]);
  const sorted = useMemo(() => sortProblems(problems.fieldErrors, problems.warnings), [problems]);
  const lit = useMemo(() => (trace ? highlightPath(flow, trace.trace, callflowId) : null), [flow, trace, callflowId]);

  const dataCache = useRef(new Map<string, ActionNodeData>());
  // a node's words depend only on the node (immutable) and the names known: worked out once per node and names
  const wordsCache = useRef(new WeakMap<EditorNode, { nameOf: typeof nameOf; label: string; caption: string }>());
  const words = useCallback((node: EditorNode) => {
    const known = wordsCache.current.get(node);
    if (known && known.nameOf === nameOf) return known;
    const fresh = {
      nameOf,
      label: actionLabel(palette, catalog.modules, node.module, node.data),
      caption: caption(node.module, node.data, catalog.modules.get(node.module)?.schema, nameOf),
    };
    wordsCache.current.set(node, fresh);
    return fresh;
  }, [nameOf, palette, catalog.modules]);
  const label = useCallback((uid: string) => words(flow.nodes[uid]).label, [flow, words]);

  const nodeData = useCallback((uid: string): ActionNodeData => {
    const node = flow.nodes[uid];
    const info = catalog.modules.get(node.module);
    const { label: nodeLabel, caption: nodeCaption } = words(node);
    const path = paths.get(uid) ?? '';
    const errors = sorted.errors.get(path);
    const warnings = sorted.warnings.get(path);
    let hiddenCount = 0;
    if (state.collapsed.has(uid)) hiddenCount = subtree(flow, uid).length - 1;
    const steps = lit?.steps.get(uid) ?? [];
    const mark: PathMark = steps.length === 0 ? 'none' : lit?.last === uid ? 'end' : 'on';
    const next: ActionNodeData = {
      uid,
      module: node.module,
      label: nodeLabel,
      caption: nodeCaption,
      icon: moduleIcon(node.module, info?.category),
      skipped: isSkipped(node),
      childCount: node.children.length,
      hiddenCount,
      path: mark,
      steps,
      problem: errors ? { level: 'error', text: Object.values(errors).flat().map((e) => e.message).join('; ') }
        : warnings ? { level: 'warning', text: warnings.join('; ') } : undefined,
      terminal: !acceptsChildren(info?.children),
    };
    // the same object when nothing changed, so the node's memo skips re-rendering it
    const before = dataCache.current.get(uid);
    if (before && shallowEqual(before, next)) return before;
    dataCache.current.set(uid, next);
    return next;
  }, [flow, catalog.modules, paths, sorted, state.collapsed, lit, words]);

  const numbers = useMemo(() => (Array.isArray(flow.doc.numbers) ? flow.doc.numbers.filter((n): n is string => typeof n === 'string') : []), [flow.doc.numbers]);
  const patterns = useMemo(() => (Array.isArray(flow.doc.patterns) ? flow.doc.patterns.filter((n): n is string => typeof n === 'string') : []), [flow.doc.patterns]);
  const numbersProblem = [...(sorted.document.numbers ?? []), ...(sorted.document.patterns ?? [])].map((e) => e.message).join('; ') || undefined;
  const rootData = useMemo(() => ({
    name: typeof flow.doc.name === 'string' ? flow.doc.name : '',
    numbers, patterns, empty: flow.root === null, onPath: Boolean(lit && lit.steps.size > 0), numbersProblem,
  }), [flow.doc.name, numbers, patterns, flow.root, lit, numbersProblem]);

  const edgeLabel = useCallback((parent: string, key: string) => {
    const p = flow.nodes[parent];
    return keyLabelFor(p.module, key, nameOf, p.children.length);
  }, [flow, nameOf]);

  // --- editing ----------------------------------------------------------------------------------------------
  const usedKeys = useCallback((uid: string) => new Set(flow.nodes[uid].children.map((c) => c.key)), [flow]);

  /** Where a drop on `target` goes: a key asked for when the parent has keyed branches, else `_`. */
  const placeUnder = useCallback((target: string, onKey: (key: string) => void, ask: () => void) => {
    const parent = flow.nodes[target];
    const x = catalog.modules.get(parent.module)?.children;
    if (!acceptsChildren(x)) {
      toasts.fail(`${label(target)} ends the call: nothing can follow it.`);
      return;
    }
    if (needsKey(x, usedKeys(target))) {
      ask();
      return;
    }
    if (usedKeys(target).has('_')) {
      toasts.fail(`${label(target)} already has a next step. Drop onto the last action of the branch, or move that step first.`);
      return;
    }
    onKey('_');
  }, [flow, catalog.modules, toasts, label, usedKeys]);

  const addEntry = useCallback((entry: PaletteEntry, target: string | null) => {
    const data = structuredClone(entry.data);
    if (target === null || target === 'root') {
      apply((s) => addAction(s, null, '_', entry.module, data).state, { select: `n${flow.nextUid}` });
      return;
    }
    placeUnder(target,
      (key) => apply((s) => addAction(s, target, key, entry.module, data).state, { select: `n${flow.nextUid}` }),
      () => setPending({ kind: 'add', parent: target, entry }));
  }, [apply, placeUnder, flow.nextUid]);

  const pickFromPalette = useCallback((entry: PaletteEntry) => {
    addEntry(entry, selected && selected !== 'root' ? selected : flow.root === null ? null : selected);
  }, [addEntry, selected, flow.root]);

  const onDropAction = useCallback((entryId: string, target: string | null) => {
    const entry = palette.find((e) => e.id === entryId);
    if (!entry) return;
    if (target === null && flow.root !== null) {
      toasts.fail('Drop the action onto the step it should follow.');
      return;
    }
    addEntry(entry, target);
  }, [palette, flow.root, addEntry, toasts]);

  const onMoveBranch = useCallback((uid: string, target: string) => {
    if (parents.get(uid)?.parent === target) return;
    placeUnder(target,
      (key) => apply((s) => moveBranch(s, uid, target, key)),
      () => setPending({ kind: 'move', uid, parent: target }));
  }, [apply, placeUnder, parents]);

  const chooseKey = (key: string) => {
    if (!pending) return;
    if (pending.kind === 'add') {
      const data = structuredClone(pending.entry.data);
      apply((s) => addAction(s, pending.parent, key, pending.entry.module, data).state, { select: `n${flow.nextUid}` });
    } else if (pending.kind === 'move') {
      apply((s) => moveBranch(s, pending.uid, pending.parent, key));
    } else {
      apply((s) => setChildKey(s, pending.uid, key));
    }
    setPending(null);
  };

  const removeSelected = useCallback((branch: boolean) => {
    if (!selected || selected === 'root') return;
    if (!branch && !canDeleteAlone(flow, selected)) {
      toasts.fail('This action has several branches: use Shift+Delete to delete it with its branches.');
      return;
    }
    apply((s) => (branch ? deleteBranch(s, selected) : deleteNode(s, selected)), { select: parents.get(selected)?.parent ?? 'root' });
  }, [selected, flow, apply, toasts, parents]);

  const toggleCollapse = useCallback((uid: string) => dispatch({ type: 'collapse', uid, collapsed: !state.collapsed.has(uid) }), [dispatch, state.collapsed]);
  const canvasActions = useMemo(() => ({ toggleCollapse, editNumbers: () => { setPanel('edit'); dispatch({ type: 'select', uid: 'root' }); } }), [toggleCollapse, dispatch]);

  // --- saving -----------------------------------------------------------------------------------------------
  const save = useMutation({
    mutationFn: async (options: { overwrite?: string | null } = {}) => {
      const body = savable(flow);
      const schema = documentSchema.and(z.looseObject({}));
      return callflowId
        ? request('POST', `/accounts/${accountId}/callflows/${callflowId}`, schema, { body, revision: options.overwrite !== undefined ? options.overwrite : state.revision })
        : request('PUT', `/accounts/${accountId}/callflows`, schema, { body });
    },
    onSuccess: (env) => {
      const saved = env.data as JsonObject & { id: string };
      dispatch({ type: 'saved', doc: saved, revision: env.revision ?? null });
      const warnings = Array.isArray(env.warnings) ? (env.warnings as Warning[]).filter((w) => typeof w?.path === 'string') : [];
      setProblems({ fieldErrors: {}, warnings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.collectionAll(accountId, 'callflows') });
      void queryClient.invalidateQueries({ queryKey: ['collection', accountId, 'search'] });
      queryClient.setQueryData(queryKeys.document(accountId, 'callflows', saved.id), { doc: saved, revision: env.revision ?? null });
      if (!callflowId) {
        setCallflowId(saved.id);
        // the address becomes the callflow's own without reloading the builder (and its undo history)
        window.history.replaceState(window.history.state, '', `/callflows/${encodeURIComponent(saved.id)}`);
      }
      toasts.notify(warnings.length > 0 ? `Saved, with ${warnings.length} warning${warnings.length > 1 ? 's' : ''} on the canvas.` : 'Saved.');
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.isConflict && callflowId) {
        try {
          const theirs = await request('GET', `/accounts/${accountId}/callflows/${callflowId}`, documentSchema);
          setConflict({ theirs: theirs.data as JsonObject, revision: theirs.revision ?? null });
        } catch (e) {
          toasts.fail(describeError(e));
        }
        return;
      }
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        setProblems({ fieldErrors: error.fieldErrors, warnings: [] });
        const first = Object.keys(error.fieldErrors)[0];
        const node = sortProblems(error.fieldErrors, []).errors.keys().next().value;
        setPanel('edit');
        if (node !== undefined) {
          const uid = uidAtPath(flow, node);
          if (uid) {
            dispatch({ type: 'select', uid });
            setFocus({ uid, token: Date.now() });
          }
        } else if (first) {
          dispatch({ type: 'select', uid: 'root' });
        }
        toasts.fail('Not saved: see the marked fields.');
        return;
      }
      toasts.fail(`Not saved: ${describeError(error)}`);
    },
  });

  const keepTheirs = () => {
    if (!conflict) return;
    dispatch({ type: 'replace', doc: conflict.theirs, revision: conflict.revision });
    setConflict(null);
    setProblems(NO_PROBLEMS);
  };
  const keepMine = () => {
    if (!conflict) return;
    const rev = conflict.revision;
    setConflict(null);
    save.mutate({ overwrite: rev });
  };

  // --- leaving with unsaved changes -------------------------------------------------------------------------
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    setGuard(() => window.confirm('This callflow has unsaved changes. Leave without saving them?'));
    return () => {
      window.removeEventListener('beforeunload', warn);
      setGuard(null);
    };
  }, [dirty, setGuard]);

  // --- other actions ----------------------------------------------------------------------------------------
  const copy = useMutation({
    mutationFn: () => request('PUT', `/accounts/${accountId}/callflows`, documentSchema, { query: { copy_from: callflowId }, body: {} }),
    onSuccess: (env) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.collectionAll(accountId, 'callflows') });
      toasts.notify(`Copied as “${String((env.data as JsonObject).name ?? '')}”. Give it a number to use it.`);
      navigate(`/callflows/${encodeURIComponent(env.data.id)}`);
    },
    onError: (e) => toasts.fail(`Not copied: ${describeError(e)}`),
  });

  const remove = useMutation({
    mutationFn: () => request('DELETE', `/accounts/${accountId}/callflows/${callflowId}`, z.unknown(), { revision: state.revision }),
    onSuccess: () => {
      setGuard(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.collectionAll(accountId, 'callflows') });
      toasts.notify('Callflow deleted.');
      navigate('/callflows');
    },
    onError: (e) => toasts.fail(`Not deleted: ${describeError(e)}`),
  });

  const selectRelative = useCallback((direction: 'up' | 'down' | 'left' | 'right') => {
    if (!selected || selected === 'root') {
      if (direction === 'down' && flow.root) dispatch({ type: 'select', uid: flow.root });
      else if (!selected) dispatch({ type: 'select', uid: 'root' });
      return;
    }
    const parent = parents.get(selected);
    let next: string | undefined;
    if (direction === 'up') next = parent?.parent ?? 'root';
    if (direction === 'down' && !state.collapsed.has(selected)) next = flow.nodes[selected].children[0]?.uid;
    if ((direction === 'left' || direction === 'right') && parent) {
      const siblings = flow.nodes[parent.parent].children;
      const index = siblings.findIndex((c) => c.uid === selected);
      next = siblings[index + (direction === 'left' ? -1 : 1)]?.uid;
    }
    if (next) {
      dispatch({ type: 'select', uid: next });
      if (next !== 'root') setFocus({ uid: next, token: Date.now() });
    }
  }, [selected, flow, parents, state.collapsed, dispatch]);

  const shortcuts: Shortcut[] = [
    { keys: 'mod+s', description: 'Save', run: () => save.mutate({}), whileTyping: true },
    { keys: 'mod+z', description: 'Undo', run: () => dispatch({ type: 'undo' }) },
    { keys: 'mod+shift+z', description: 'Redo', run: () => dispatch({ type: 'redo' }) },
    { keys: 'mod+y', description: 'Redo', run: () => dispatch({ type: 'redo' }) },
    { keys: 'Delete', description: 'Delete the selected action', run: () => removeSelected(false) },
    { keys: 'Backspace', description: 'Delete the selected action', run: () => removeSelected(false) },
    { keys: 'shift+Delete', description: 'Delete the selected action and its branch', run: () => removeSelected(true) },
    { keys: 'd', description: 'Disable or enable the selected action', run: () => { if (selected && selected !== 'root') apply((s) => setSkipped(s, selected, !isSkipped(s.nodes[selected]))); } },
    { keys: 'c', description: 'Collapse or expand the selected branch', run: () => { if (selected && selected !== 'root') toggleCollapse(selected); } },
    { keys: 'f', description: 'Fit the flow on screen', run: () => void fitView({ padding: 0.15, duration: 200 }) },
    { keys: '+', description: 'Zoom in', run: () => void zoomIn() },
    { keys: '-', description: 'Zoom out', run: () => void zoomOut() },
    { keys: 't', description: 'Open the test panel', run: () => setPanel(panel === 'simulate' ? 'edit' : 'simulate') },
    { keys: '/', description: 'Search actions', run: () => document.getElementById('palette-search')?.focus() },
    { keys: 'ArrowUp', description: 'Select the parent', run: () => selectRelative('up') },
    { keys: 'ArrowDown', description: 'Select the first child', run: () => selectRelative('down') },
    { keys: 'ArrowLeft', description: 'Select the previous sibling', run: () => selectRelative('left') },
    { keys: 'ArrowRight', description: 'Select the next sibling', run: () => selectRelative('right') },
    { keys: 'Escape', description: 'Deselect', run: () => dispatch({ type: 'select', uid: null }) },
    { keys: 'shift+?', description: 'Show these shortcuts', run: () => setShowHelp(true) },
  ];
  useShortcuts(shortcuts);

  // --- the side panel ---------------------------------------------------------------------------------------
  const endpoints: Endpoint[] = useMemo(() => {
    const seen = new Map<string, Endpoint>();
    for (const node of Object.values(flow.nodes)) {
      const schema = catalog.modules.get(node.module)?.schema;
      for (const ref of referencedIds(schema, node.data)) {
        const kind = ref.collections.find((c) => ['users', 'devices', 'groups'].includes(c));
        if (kind && !seen.has(ref.id)) seen.set(ref.id, { id: ref.id, name: nameOf(ref.id) ?? ref.id, kind: kind.replace(/s$/, '') });
      }
    }
    return [...seen.values()];
  }, [flow.nodes, catalog.modules, nameOf]);

  const stepLabel = useCallback((path: string | null | undefined, module: string) => {
    const uid = path ? uidAtPath(flow, path) : undefined;
    if (uid) {
      const c = caption(flow.nodes[uid].module, flow.nodes[uid].data, catalog.modules.get(flow.nodes[uid].module)?.schema, nameOf);
      return c ? `${label(uid)}: ${c}` : label(uid);
    }
    return catalog.modules.get(module)?.title ?? module;
  }, [flow, catalog.modules, nameOf, label]);

  let side;
  if (panel === 'simulate') {
    side = (
      <SimulatePanel
        flow={toFlow(flow) ?? {}}
        numbers={numbers}
        endpoints={endpoints}
        nameOf={nameOf}
        stepLabel={stepLabel}
        trace={trace?.trace ?? null}
        onTrace={(t, source) => setTrace(t ? { trace: t, source } : null)}
        onStep={(path) => {
          const uid = path ? uidAtPath(flow, path) : undefined;
          if (uid) {
            dispatch({ type: 'select', uid });
            setFocus({ uid, token: Date.now() });
          }
        }}
        onClose={() => setPanel('edit')}
      />
    );
  } else if (selected === 'root') {
    side = (
      <>
        <div className="panel-head">
          <span className="flow-node-icon"><Icon name="phone" size={18} /></span>
          <h2 className="panel-title">Callflow</h2>
          <span className="spacer" />
          <button type="button" className="btn btn-ghost btn-icon" aria-label="Close the editor" onClick={() => dispatch({ type: 'select', uid: null })}><Icon name="x" /></button>
        </div>
        <CallflowPanel
          doc={flow.doc}
          callflowId={callflowId}
          onChange={(doc, group) => apply((s) => setDoc(s, doc), { group })}
          errorsFor={(field) => sorted.document[field] ?? []}
        />
      </>
    );
  } else if (selected && flow.nodes[selected]) {
    const node = flow.nodes[selected];
    const info = catalog.modules.get(node.module);
    const parent = parents.get(selected);
    const path = paths.get(selected) ?? '';
    side = (
      <NodePanel
        key={selected}
        node={node}
        label={label(selected)}
        icon={moduleIcon(node.module, info?.category)}
        info={info}
        branch={parent ? { key: parent.key, label: keyLabelFor(flow.nodes[parent.parent].module, parent.key, nameOf, 2) } : null}
        collapsed={state.collapsed.has(selected)}
        canDeleteAlone={canDeleteAlone(flow, selected)}
        errors={sorted.errors.get(path) ?? {}}
        warnings={sorted.warnings.get(path) ?? []}
        onData={(data) => apply((s) => setData(s, selected, data), { group: `data:${selected}` })}
        onSkip={(skip) => apply((s) => setSkipped(s, selected, skip))}
        onChangeKey={() => setPending({ kind: 'rekey', uid: selected })}
        onCollapse={() => toggleCollapse(selected)}
        onDeleteNode={() => removeSelected(false)}
        onDeleteBranch={() => removeSelected(true)}
        onClose={() => dispatch({ type: 'select', uid: null })}
      />
    );
  } else {
    side = (
      <div className="panel-body panel-hint">
        <EmptyState icon="flow" title={flow.root ? 'Select an action to edit it' : 'Start with an action'}>
          {flow.root
            ? 'Click a step on the canvas, or use the arrow keys. Press ? for every shortcut.'
            : 'Drag an action from the palette onto the callflow box, for example a User to ring someone.'}
        </EmptyState>
        <button type="button" className="btn" onClick={() => canvasActions.editNumbers()}><Icon name="settings" size={14} />Name and numbers</button>
      </div>
    );
  }

  const pendingParent = pending ? (pending.kind === 'rekey' ? parents.get(pending.uid)?.parent : pending.parent) : undefined;
  const title = typeof flow.doc.name === 'string' && flow.doc.name ? flow.doc.name : callflowId ? 'Untitled callflow' : 'New callflow';

  return (
    <CanvasActionsContext.Provider value={canvasActions}>
      <div className="builder">
        <div className="builder-toolbar" role="toolbar" aria-label="Callflow">
          <Link to="/callflows" className="btn btn-ghost btn-icon" aria-label="Back to callflows"><Icon name="chevronLeft" /></Link>
          <div className="builder-title">
            <h1>{title}</h1>
            {dirty && <span className="badge badge-warning" role="status">Unsaved changes</span>}
            {trace && (
              <span className="badge badge-accent">
                {trace.source === 'simulation' ? 'Simulated path' : 'Call path'}{lit && lit.elsewhere > 0 ? ` (+${lit.elsewhere} steps elsewhere)` : ''}
                <button type="button" className="badge-close" aria-label="Clear the path" onClick={() => setTrace(null)}><Icon name="x" size={10} /></button>
              </span>
            )}
          </div>
          <span className="spacer" />
          <button type="button" className="btn btn-ghost btn-icon" aria-label="Undo" title={`Undo (${keyLabel('mod+z')})`} disabled={!canUndo} onClick={() => dispatch({ type: 'undo' })}><Icon name="undo" /></button>
          <button type="button" className="btn btn-ghost btn-icon" aria-label="Redo" title={`Redo (${keyLabel('mod+shift+z')})`} disabled={!canRedo} onClick={() => dispatch({ type: 'redo' })}><Icon name="redo" /></button>
          <button type="button" className="btn btn-ghost btn-icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setShowHelp(true)}><Icon name="info" /></button>
          <span className="toolbar-sep" />
          <button type="button" className={`btn${panel === 'simulate' ? ' is-active' : ''}`} onClick={() => setPanel(panel === 'simulate' ? 'edit' : 'simulate')} aria-pressed={panel === 'simulate'}>
            <Icon name="playCircle" />Test
          </button>
          <button type="button" className="btn" disabled={!callflowId || copy.isPending} title={callflowId ? 'Copy this callflow (without its numbers)' : 'Save it first'}
            onClick={() => { if (!dirty || window.confirm('The copy is made from the saved version; your unsaved changes are not in it. Copy anyway?')) copy.mutate(); }}>
            <Icon name="copy" />Copy
          </button>
          <button type="button" className="btn btn-ghost btn-icon" aria-label="Export as JSON" title="Export as JSON"
            onClick={() => exportFile([{ ...savable(flow), ...(callflowId ? { id: callflowId } : {}) }], title)}><Icon name="download" /></button>
          <button type="button" className="btn btn-ghost btn-icon btn-danger" aria-label="Delete callflow" title="Delete callflow" disabled={!callflowId || remove.isPending}
            onClick={() => { if (window.confirm(`Delete “${title}”? Calls to its numbers will no longer be answered by it.`)) remove.mutate(); }}><Icon name="trash" /></button>
          <button type="button" className="btn btn-primary" name="save" disabled={(!dirty && Boolean(callflowId)) || save.isPending} onClick={() => save.mutate({})}>
            {save.isPending ? <Spinner label="Saving" /> : <Icon name="check" />}{save.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
        <div className="builder-body">
          <Palette entries={palette} canPick={Boolean(selected) || flow.root === null} onPick={pickFromPalette} />
          <FlowCanvas
            flow={flow}
            collapsed={state.collapsed}
            selected={selected}
            nodeData={nodeData}
            rootData={rootData}
            edgeLabel={edgeLabel}
            onPathEdges={lit?.edges ?? EMPTY}
            onSelect={(uid) => dispatch({ type: 'select', uid })}
            onDropAction={onDropAction}
            onMoveBranch={onMoveBranch}
            focus={focus}
          />
          <aside className="builder-panel" aria-label={panel === 'simulate' ? 'Test' : 'Editor'}>{side}</aside>
        </div>
      </div>
      {pending && pendingParent && (
        <KeyDialog
          title={pending.kind === 'rekey' ? 'Which branch should it be on?' : `Which branch of ${label(pendingParent)}?`}
          options={keyOptions(flow.nodes[pendingParent].module, catalog.modules.get(flow.nodes[pendingParent].module)?.children, usedKeys(pendingParent))}
          used={usedKeys(pendingParent)}
          onChoose={chooseKey}
          onCancel={() => setPending(null)}
        />
      )}
      {conflict && <ConflictDialog mine={savable(flow)} theirs={stripServerFields(conflict.theirs)} onKeepMine={keepMine} onKeepTheirs={keepTheirs} onCancel={() => setConflict(null)} />}
      {showHelp && <ShortcutHelp shortcuts={shortcuts} onClose={() => setShowHelp(false)} />}
    </CanvasActionsContext.Provider>
  );
}

const EMPTY: ReadonlySet<string> = new Set();

function stripServerFields(doc: JsonObject): JsonObject {
  const { metadata: _m, id: _id, ...rest } = doc;
  return rest;
}

function shallowEqual(a: ActionNodeData, b: ActionNodeData): boolean {
  const keys = Object.keys(a) as (keyof ActionNodeData)[];
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    if (isObject(x) && isObject(y)) return JSON.stringify(x) === JSON.stringify(y);
    return x === y;
  });
}

function ShortcutHelp({ shortcuts, onClose }: { shortcuts: Shortcut[]; onClose: () => void }) {
  const seen = new Set<string>();
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {shortcuts.filter((s) => { const fresh = !seen.has(s.description); seen.add(s.description); return fresh; }).map((s) => (
            <tr key={s.keys}><td><kbd>{keyLabel(s.keys)}</kbd></td><td>{s.description}</td></tr>
          ))}
          <tr><td><kbd>Tab</kbd> <kbd>Enter</kbd></td><td>Move between steps on the canvas and select one</td></tr>
        </tbody>
      </table>
    </Dialog>
  );
}
