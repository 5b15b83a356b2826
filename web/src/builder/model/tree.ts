import { isObject, type JsonObject } from '../../forms/jsonSchema';

/** A node as KAZOO stores it: `{module, data, children: {<key>: node}}`, plus any field we do not know. */
export type FlowNode = JsonObject & { module: string; data?: JsonObject; children?: Record<string, FlowNode> };

export type ChildLink = { key: string; uid: string };

/**
 * A node of the editor's tree. Nodes are kept flat by uid so an edit copies one path, not the tree, and so undo
 * can keep every past state cheaply. `extra` holds the node's unknown fields; `hasData`/`hasChildren` remember
 * whether the keys existed, so an untouched flow serialises back exactly as it came.
 */
export type EditorNode = {
  uid: string;
  module: string;
  data: JsonObject;
  hasData: boolean;
  children: ChildLink[];
  hasChildren: boolean;
  extra: JsonObject;
};

/** A callflow in the editor: its document fields (all but `flow`), and its flow as a tree of nodes. */
export type FlowState = {
  doc: JsonObject;
  root: string | null;
  nodes: Readonly<Record<string, EditorNode>>;
  nextUid: number;
};

export function fromCallflow(callflow: JsonObject): FlowState {
  const { flow, ...doc } = callflow;
  const state: FlowState = { doc, root: null, nodes: {}, nextUid: 1 };
  if (!isObject(flow)) {
    if (flow !== undefined) state.doc = callflow;
    return state;
  }
  const nodes: Record<string, EditorNode> = {};
  let counter = 1;
  const visit = (node: JsonObject): string => {
    const uid = `n${counter++}`;
    const { module, data, children, ...extra } = node;
    const links: ChildLink[] = [];
    nodes[uid] = {
      uid,
      module: typeof module === 'string' ? module : '',
      data: isObject(data) ? data : {},
      hasData: data !== undefined,
      children: links,
      hasChildren: children !== undefined,
      extra: typeof module === 'string' ? extra : { ...extra, module },
    };
    if (isObject(children)) {
      for (const [key, child] of Object.entries(children)) {
        if (isObject(child)) links.push({ key, uid: visit(child) });
      }
    }
    return uid;
  };
  state.root = visit(flow);
  return { ...state, nodes, nextUid: counter };
}

export function toFlow(state: FlowState, uid: string | null = state.root): FlowNode | undefined {
  if (uid === null) return undefined;
  const node = state.nodes[uid];
  const out: FlowNode = { module: node.module } as FlowNode;
  if (node.hasData || Object.keys(node.data).length > 0) out.data = node.data;
  if (node.hasChildren || node.children.length > 0) {
    const children: Record<string, FlowNode> = {};
    for (const link of node.children) children[link.key] = toFlow(state, link.uid)!;
    out.children = children;
  }
  return Object.assign(out, node.extra);
}

/** The whole callflow document as it would be saved (with `metadata` still in it if it came with it). */
export function toCallflow(state: FlowState): JsonObject {
  const flow = toFlow(state);
  return flow === undefined ? { ...state.doc } : { ...state.doc, flow };
}

export function parentOf(state: FlowState, uid: string): { parent: string; key: string } | null {
  for (const node of Object.values(state.nodes)) {
    const link = node.children.find((c) => c.uid === uid);
    if (link) return { parent: node.uid, key: link.key };
  }
  return null;
}

/** Parent of every node, computed once for operations that need many look-ups. */
export function parentIndex(state: FlowState): Map<string, { parent: string; key: string }> {
  const index = new Map<string, { parent: string; key: string }>();
  for (const node of Object.values(state.nodes)) {
    for (const link of node.children) index.set(link.uid, { parent: node.uid, key: link.key });
  }
  return index;
}

/** The node and everything under it, depth first. */
export function subtree(state: FlowState, uid: string): string[] {
  const out: string[] = [];
  const stack = [uid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    out.push(current);
    const node = state.nodes[current];
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i].uid);
  }
  return out;
}

/** KAZOO's address of a node in the document: `flow`, `flow.children.1.children._`, … */
export function nodePaths(state: FlowState): Map<string, string> {
  const paths = new Map<string, string>();
  if (state.root === null) return paths;
  const walk = (uid: string, path: string) => {
    paths.set(uid, path);
    for (const link of state.nodes[uid].children) walk(link.uid, `${path}.children.${link.key}`);
  };
  walk(state.root, 'flow');
  return paths;
}

export function uidAtPath(state: FlowState, path: string): string | undefined {
  for (const [uid, p] of nodePaths(state)) if (p === path) return uid;
  return undefined;
}

function withNode(state: FlowState, node: EditorNode): FlowState {
  return { ...state, nodes: { ...state.nodes, [node.uid]: node } };
}

function newNode(state: FlowState, module: string, data: JsonObject): [FlowState, EditorNode] {
  const uid = `n${state.nextUid}`;
  const node: EditorNode = { uid, module, data, hasData: true, children: [], hasChildren: true, extra: {} };
  return [{ ...state, nextUid: state.nextUid + 1 }, node];
}

/** Adds a new action: as the flow's first node when `parent` is null (the old first node becomes its `_` child). */
export function addAction(state: FlowState, parent: string | null, key: string, module: string, data: JsonObject): { state: FlowState; uid: string } {
  const [next, node] = newNode(state, module, data);
  if (parent === null) {
    const first = next.root === null ? node : { ...node, children: [{ key: '_', uid: next.root }] };
    return { state: { ...withNode(next, first), root: node.uid }, uid: node.uid };
  }
  const p = next.nodes[parent];
  if (p.children.some((c) => c.key === key)) throw new Error(`${p.module} already has a "${key}" branch`);
  const withChild = withNode(next, node);
  return { state: withNode(withChild, { ...p, children: [...p.children, { key, uid: node.uid }] }), uid: node.uid };
}

/** Moves a node and its branch under another node, as its `key` child. */
export function moveBranch(state: FlowState, uid: string, newParent: string, key: string): FlowState {
  if (subtree(state, uid).includes(newParent)) throw new Error('A branch cannot move into itself');
  const target = state.nodes[newParent];
  if (target.children.some((c) => c.key === key && c.uid !== uid)) throw new Error(`${target.module} already has a "${key}" branch`);
  const detached = detach(state, uid);
  const t = detached.nodes[newParent];
  return withNode(detached, { ...t, children: [...t.children, { key, uid }] });
}

function detach(state: FlowState, uid: string): FlowState {
  if (state.root === uid) return { ...state, root: null };
  const at = parentOf(state, uid);
  if (!at) return state;
  const p = state.nodes[at.parent];
  return withNode(state, { ...p, children: p.children.filter((c) => c.uid !== uid) });
}

/** Removes a node and everything under it. */
export function deleteBranch(state: FlowState, uid: string): FlowState {
  const gone = new Set(subtree(state, uid));
  const detached = detach(state, uid);
  const nodes = Object.fromEntries(Object.entries(detached.nodes).filter(([id]) => !gone.has(id)));
  return { ...detached, nodes };
}

/** Whether a node can go on its own: its branch (if any) is one child that takes its place. */
export function canDeleteAlone(state: FlowState, uid: string): boolean {
  return state.nodes[uid].children.length <= 1;
}

/** Removes one node; its only child (if any) takes its place, under the same key. */
export function deleteNode(state: FlowState, uid: string): FlowState {
  const node = state.nodes[uid];
  if (node.children.length > 1) throw new Error('This action has several branches; delete its whole branch instead');
  const heir = node.children[0]?.uid;
  const nodes = { ...state.nodes };
  delete nodes[uid];
  if (state.root === uid) return { ...state, nodes, root: heir ?? null };
  const at = parentOf(state, uid)!;
  const p = nodes[at.parent];
  nodes[at.parent] = {
    ...p,
    children: heir ? p.children.map((c) => (c.uid === uid ? { key: c.key, uid: heir } : c)) : p.children.filter((c) => c.uid !== uid),
  };
  return { ...state, nodes };
}

export function setData(state: FlowState, uid: string, data: JsonObject): FlowState {
  return withNode(state, { ...state.nodes[uid], data, hasData: true });
}

/** Disables a node without deleting it (KAZOO's `skip_module`: the call goes straight on to its `_` child). */
export function setSkipped(state: FlowState, uid: string, skipped: boolean): FlowState {
  const { skip_module: _old, ...rest } = state.nodes[uid].data;
  return setData(state, uid, skipped ? { ...rest, skip_module: true } : rest);
}

export function isSkipped(node: EditorNode): boolean {
  return node.data.skip_module === true;
}

/** Changes the key a node hangs under (its edge label). */
export function setChildKey(state: FlowState, uid: string, key: string): FlowState {
  const at = parentOf(state, uid);
  if (!at) return state;
  const p = state.nodes[at.parent];
  if (p.children.some((c) => c.key === key && c.uid !== uid)) throw new Error(`${p.module} already has a "${key}" branch`);
  return withNode(state, { ...p, children: p.children.map((c) => (c.uid === uid ? { key, uid } : c)) });
}

export function setDoc(state: FlowState, doc: JsonObject): FlowState {
  return { ...state, doc };
}
