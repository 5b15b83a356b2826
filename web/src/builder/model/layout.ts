import type { FlowState } from './tree';

export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 72;
export const ROOT_WIDTH = 300;
export const ROOT_HEIGHT = 96;
/** Room between siblings, and between a parent and its children (the edge label sits in it). */
export const H_GAP = 28;
export const V_GAP = 84;

export type Position = { x: number; y: number };

export type Layout = {
  /** Top-left corner of every visible node; the callflow's own box is `root`. */
  positions: Map<string, Position>;
  /** Nodes hidden inside a collapsed branch. */
  hidden: Set<string>;
  /** Left edge of the leftmost node; the root box is centred on x = 0. */
  left: number;
  width: number;
  height: number;
};

export const ROOT_ID = 'root';

/**
 * A tidy top-down tree: each branch gets the width its widest level needs, children sit side by side under
 * their parent in key order, and a parent is centred over its children. The callflow box is on top. Collapsed
 * branches count as one node. Linear in the number of nodes.
 *
 * Each subtree is laid out as a contour (the left and right edge at every depth), and a sibling is shifted right
 * only as far as the contours need, so a narrow branch tucks under a wide neighbour's empty space.
 */
export function layoutTree(state: FlowState, collapsed: ReadonlySet<string> = new Set()): Layout {
  const positions = new Map<string, Position>();
  const hidden = new Set<string>();
  const rowHeight = NODE_HEIGHT + V_GAP;
  const rootTop = 0;
  const firstRowTop = ROOT_HEIGHT + V_GAP;

  positions.set(ROOT_ID, { x: -ROOT_WIDTH / 2, y: rootTop });
  if (state.root === null) return { positions, hidden, left: -ROOT_WIDTH / 2, width: ROOT_WIDTH, height: ROOT_HEIGHT };

  const offsets = new Map<string, number>();

  // post-order without recursion, so a very deep flow cannot overflow the stack
  const order: string[] = [];
  const stack = [state.root];
  while (stack.length > 0) {
    const uid = stack.pop()!;
    order.push(uid);
    if (collapsed.has(uid)) continue;
    for (const link of state.nodes[uid].children) stack.push(link.uid);
  }
  const shapes = new Map<string, Shape>();
  for (let i = order.length - 1; i >= 0; i--) {
    const uid = order[i];
    const node = state.nodes[uid];
    const children = collapsed.has(uid) ? [] : node.children.map((c) => c.uid);
    const half = NODE_WIDTH / 2;
    if (children.length === 0) {
      shapes.set(uid, { left: [-half], right: [half] });
      continue;
    }
    // place children left to right, each as close as its contour allows
    let merged: Shape | null = null;
    const childOffsets: number[] = [];
    for (const child of children) {
      const shape = shapes.get(child)!;
      let offset = 0;
      if (merged) {
        const depth = Math.min(merged.right.length, shape.left.length);
        offset = -Infinity;
        for (let d = 0; d < depth; d++) offset = Math.max(offset, merged.right[d] - shape.left[d] + H_GAP);
      }
      childOffsets.push(offset);
      merged = merged ? mergeShapes(merged, shape, offset) : { left: [...shape.left], right: [...shape.right] };
      shapes.delete(child);
    }
    // centre the parent over its first and last child
    const centre = (childOffsets[0] + childOffsets[childOffsets.length - 1]) / 2;
    children.forEach((child, index) => offsets.set(child, childOffsets[index] - centre));
    const below = merged!;
    shapes.set(uid, {
      left: [-half, ...below.left.map((x) => x - centre)],
      right: [half, ...below.right.map((x) => x - centre)],
    });
  }

  // pre-order: absolute x from the offsets
  let minX = -ROOT_WIDTH / 2;
  let maxX = ROOT_WIDTH / 2;
  let maxDepth = 0;
  const place = [{ uid: state.root, x: 0, depth: 0 }];
  while (place.length > 0) {
    const { uid, x, depth } = place.pop()!;
    positions.set(uid, { x: x - NODE_WIDTH / 2, y: firstRowTop + depth * rowHeight });
    minX = Math.min(minX, x - NODE_WIDTH / 2);
    maxX = Math.max(maxX, x + NODE_WIDTH / 2);
    maxDepth = Math.max(maxDepth, depth);
    const node = state.nodes[uid];
    if (collapsed.has(uid)) {
      for (const link of node.children) markHidden(state, link.uid, hidden);
      continue;
    }
    for (const link of node.children) place.push({ uid: link.uid, x: x + offsets.get(link.uid)!, depth: depth + 1 });
  }
  return { positions, hidden, left: minX, width: maxX - minX, height: firstRowTop + (maxDepth + 1) * rowHeight - V_GAP };
}

function mergeShapes(a: Shape, b: Shape, offset: number): Shape {
  const depth = Math.max(a.left.length, b.left.length);
  const left: number[] = [];
  const right: number[] = [];
  for (let d = 0; d < depth; d++) {
    left.push(d < a.left.length ? a.left[d] : b.left[d] + offset);
    right.push(d < b.right.length ? b.right[d] + offset : a.right[d]);
  }
  return { left, right };
}

type Shape = { left: number[]; right: number[] };

function markHidden(state: FlowState, uid: string, hidden: Set<string>) {
  const stack = [uid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    hidden.add(current);
    for (const link of state.nodes[current].children) stack.push(link.uid);
  }
}

export type Viewport = { x: number; y: number; zoom: number };

/** Below this zoom a node's text cannot be read; a flow that would need less opens at OPENING_ZOOM instead. */
export const READABLE_ZOOM = 0.4;
export const OPENING_ZOOM = 0.7;
const MAX_FIT_ZOOM = 1.5;
const FIT_PADDING = 0.1;

/**
 * Where the canvas opens: the whole flow, centred, when it is readable so; else the callflow box at the top
 * centre at a readable zoom (the minimap shows the rest). Computed from the layout, so the canvas is drawn once
 * at the right place instead of fitted after a first drawing of every node.
 */
export function openingViewport(layout: Layout, paneWidth: number, paneHeight: number): Viewport {
  const fit = Math.min(paneWidth * (1 - 2 * FIT_PADDING) / layout.width, paneHeight * (1 - 2 * FIT_PADDING) / layout.height, MAX_FIT_ZOOM);
  if (fit >= READABLE_ZOOM) {
    return { zoom: fit, x: paneWidth / 2 - (layout.left + layout.width / 2) * fit, y: paneHeight / 2 - (layout.height / 2) * fit };
  }
  const root = layout.positions.get(ROOT_ID)!;
  return { zoom: OPENING_ZOOM, x: paneWidth / 2 - (root.x + ROOT_WIDTH / 2) * OPENING_ZOOM, y: paneHeight * FIT_PADDING / 2 - root.y * OPENING_ZOOM };
}
