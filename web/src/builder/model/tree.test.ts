import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addAction, canDeleteAlone, deleteBranch, deleteNode, fromCallflow, moveBranch, nodePaths, parentOf, setChildKey,
  setData, setSkipped, subtree, toCallflow, toFlow, uidAtPath, type FlowState,
} from './tree';

// the examples live in the shared reference folder next to the repository (<repo>/../shared)
const examples = new URL('../../../../../shared/reference/kazoo-examples/', import.meta.url);
const files = readdirSync(examples).filter((f) => f.endsWith('.json')).sort();

function load(name: string) {
  return JSON.parse(readFileSync(new URL(name, examples), 'utf8'));
}

function byPath(state: FlowState, path: string): string {
  const uid = uidAtPath(state, path);
  if (!uid) throw new Error(`no node at ${path}`);
  return uid;
}

describe('tree ↔ flow conversion', () => {
  it('finds the ten KAZOO examples', () => {
    expect(files).toHaveLength(10);
  });

  it.each(files)('round-trips %s unchanged, unknown fields included', (file) => {
    const original = load(file);
    const state = fromCallflow(structuredClone(original));
    expect(toCallflow(state)).toStrictEqual(original);
    // and through JSON, as it is sent to the server
    expect(JSON.parse(JSON.stringify(toCallflow(state)))).toStrictEqual(original);
  });

  it('keeps unknown node fields, a missing data or children key, and unknown document fields', () => {
    const doc = {
      name: 'odd',
      ui_metadata: { origin: 'elsewhere' },
      flow: { module: 'play', remote_execution: true, children: { _: { module: 'hangup', data: {} } } },
    };
    const state = fromCallflow(structuredClone(doc));
    expect(toCallflow(state)).toStrictEqual(doc);
  });

  it('keeps a callflow without a flow as it is', () => {
    expect(toCallflow(fromCallflow({ name: 'empty', numbers: ['1'] }))).toStrictEqual({ name: 'empty', numbers: ['1'] });
  });

  it('addresses nodes as KAZOO paths, the way the simulator and the validator report them', () => {
    const state = fromCallflow(load('07_auto_attendant_menu.json'));
    const paths = [...nodePaths(state).values()];
    expect(paths).toContain('flow');
    expect(paths).toContain('flow.children.1');
    expect(paths).toContain('flow.children.timeout');
    expect(state.nodes[byPath(state, 'flow.children.2')].module).toBe('ring_group');
  });
});

describe('editing the tree', () => {
  const base = () => fromCallflow({ numbers: ['2001'], flow: { module: 'user', data: { id: 'u1' }, children: {} } });

  it('adds the first action of an empty flow, and a new first action above the old one', () => {
    const empty = fromCallflow({ numbers: ['2001'] });
    const { state } = addAction(empty, null, '_', 'user', { id: 'u1' });
    expect(toFlow(state)).toStrictEqual({ module: 'user', data: { id: 'u1' }, children: {} });
    const above = addAction(state, null, '_', 'play', { id: 'm1' }).state;
    expect(toFlow(above)).toStrictEqual({
      module: 'play', data: { id: 'm1' }, children: { _: { module: 'user', data: { id: 'u1' }, children: {} } },
    });
  });

  it('adds a child under a key and refuses a key already taken', () => {
    const { state, uid } = addAction(base(), 'n1', '_', 'voicemail', { id: 'v1' });
    expect(parentOf(state, uid)).toEqual({ parent: 'n1', key: '_' });
    expect(toCallflow(state).flow).toStrictEqual({
      module: 'user', data: { id: 'u1' }, children: { _: { module: 'voicemail', data: { id: 'v1' }, children: {} } },
    });
    expect(() => addAction(state, 'n1', '_', 'hangup', {})).toThrow(/already has/);
  });

  it('moves a branch with everything under it, never into itself', () => {
    let s = base();
    const menu = addAction(s, 'n1', '_', 'menu', {});
    s = menu.state;
    const one = addAction(s, menu.uid, '1', 'play', {});
    s = one.state;
    const deep = addAction(s, one.uid, '_', 'hangup', {});
    s = deep.state;
    expect(() => moveBranch(s, menu.uid, deep.uid, '_')).toThrow(/into itself/);
    const moved = moveBranch(s, one.uid, 'n1', 'USER_BUSY');
    expect(parentOf(moved, one.uid)).toEqual({ parent: 'n1', key: 'USER_BUSY' });
    expect(parentOf(moved, deep.uid)).toEqual({ parent: one.uid, key: '_' });
    expect(moved.nodes[menu.uid].children).toEqual([]);
  });

  it('deletes a whole branch, or one node whose only child takes its place', () => {
    let s = base();
    const a = addAction(s, 'n1', '_', 'play', {});
    s = a.state;
    const b = addAction(s, a.uid, '_', 'voicemail', { id: 'v' });
    s = b.state;
    const alone = deleteNode(s, a.uid);
    expect(parentOf(alone, b.uid)).toEqual({ parent: 'n1', key: '_' });
    expect(alone.nodes[a.uid]).toBeUndefined();
    const branch = deleteBranch(s, a.uid);
    expect(Object.keys(branch.nodes)).toEqual(['n1']);
    const rootGone = deleteNode(s, 'n1');
    expect(rootGone.root).toBe(a.uid);
  });

  it('refuses to delete alone a node with several branches', () => {
    const s = fromCallflow(load('07_auto_attendant_menu.json'));
    expect(canDeleteAlone(s, s.root!)).toBe(false);
    expect(() => deleteNode(s, s.root!)).toThrow(/several branches/);
    expect(subtree(s, s.root!)).toHaveLength(Object.keys(s.nodes).length);
  });

  it('disables a node with skip_module and enables it again without leaving the key behind', () => {
    const s = setSkipped(base(), 'n1', true);
    expect(s.nodes.n1.data).toEqual({ id: 'u1', skip_module: true });
    expect(setSkipped(s, 'n1', false).nodes.n1.data).toEqual({ id: 'u1' });
  });

  it('renames an edge and edits data without touching other nodes', () => {
    let s = fromCallflow(load('07_auto_attendant_menu.json'));
    const one = byPath(s, 'flow.children.1');
    const two = byPath(s, 'flow.children.2');
    const before = s.nodes[two];
    s = setChildKey(s, one, '5');
    expect(() => setChildKey(s, one, '2')).toThrow(/already has/);
    s = setData(s, one, { id: 'someone-else' });
    expect(s.nodes[two]).toBe(before);
    expect((toCallflow(s).flow as { children: Record<string, { data: unknown }> }).children['5'].data).toEqual({ id: 'someone-else' });
  });
});
