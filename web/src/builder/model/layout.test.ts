import { describe, expect, it } from 'vitest';
import { H_GAP, layoutTree, NODE_HEIGHT, NODE_WIDTH, openingViewport, OPENING_ZOOM, READABLE_ZOOM, ROOT_ID, ROOT_WIDTH } from './layout';
import { fromCallflow, type FlowNode } from './tree';

const leaf = (module: string): FlowNode => ({ module, data: {}, children: {} });
const node = (module: string, children: Record<string, FlowNode>): FlowNode => ({ module, data: {}, children });

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
}

describe('tree layout', () => {
  it('puts the callflow box on top and each level below the one before', () => {
    const state = fromCallflow({ flow: node('user', { _: node('voicemail', { _: leaf('hangup') }) }) });
    const { positions } = layoutTree(state);
    const ys = ['n1', 'n2', 'n3'].map((id) => positions.get(id)!.y);
    expect(positions.get(ROOT_ID)!.y).toBeLessThan(ys[0]);
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
    // a straight chain is a straight line
    expect(new Set(['n1', 'n2', 'n3'].map((id) => positions.get(id)!.x)).size).toBe(1);
  });

  it('centres a parent over its children, in key order, with a gap between siblings', () => {
    const state = fromCallflow({ flow: node('menu', { 1: leaf('user'), 2: leaf('device'), 3: leaf('voicemail') }) });
    const { positions } = layoutTree(state);
    const [p, a, b, c] = ['n1', 'n2', 'n3', 'n4'].map((id) => positions.get(id)!);
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    expect(b.x - a.x).toBe(NODE_WIDTH + H_GAP);
    expect(p.x).toBe((a.x + c.x) / 2);
  });

  it('never overlaps two nodes, however uneven the branches', () => {
    const wide = node('menu', Object.fromEntries(['1', '2', '3', '4'].map((k) => [k, node('user', { _: leaf('voicemail'), USER_BUSY: leaf('play') })])));
    const state = fromCallflow({ flow: node('temporal_route', { a: wide, b: leaf('hangup'), _: node('menu', { 1: wide, 2: leaf('play') }) }) });
    const { positions } = layoutTree(state);
    const all = [...positions.entries()].filter(([id]) => id !== ROOT_ID);
    expect(all.length).toBe(Object.keys(state.nodes).length);
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        expect(overlaps(all[i][1], all[j][1]), `${all[i][0]} and ${all[j][0]}`).toBe(false);
      }
    }
  });

  it('tucks a small branch under a wide neighbour instead of spreading the whole row', () => {
    // the wide grandchildren of the first child must not push the second child past what its own row needs
    const state = fromCallflow({ flow: node('menu', { 1: node('menu', { 1: leaf('a'), 2: leaf('b'), 3: leaf('c') }), 2: leaf('d') }) });
    const { positions } = layoutTree(state);
    const first = positions.get('n2')!;
    const second = positions.get('n6')!;
    expect(second.x - first.x).toBeLessThan(2 * (NODE_WIDTH + H_GAP));
  });

  it('hides a collapsed branch and gives its room back', () => {
    const state = fromCallflow({ flow: node('menu', { 1: node('menu', { 1: leaf('a'), 2: leaf('b'), 3: leaf('c') }), 2: leaf('d') }) });
    const open = layoutTree(state);
    const closed = layoutTree(state, new Set(['n2']));
    expect([...closed.hidden].sort()).toEqual(['n3', 'n4', 'n5']);
    expect(closed.positions.has('n3')).toBe(false);
    expect(closed.width).toBeLessThan(open.width);
  });

  it('lays out a flow a thousand levels deep without running out of stack', () => {
    let flow = leaf('hangup');
    for (let i = 0; i < 1000; i++) flow = node('menu', { 1: flow, 2: leaf('play'), 3: leaf('user') });
    const state = fromCallflow({ flow });
    const { positions } = layoutTree(state);
    expect(positions.size).toBe(Object.keys(state.nodes).length + 1);
  });
});

describe('opening viewport', () => {
  it('fits a small flow, centred', () => {
    const layout = layoutTree(fromCallflow({ flow: node('menu', { 1: leaf('user'), 2: leaf('voicemail') }) }));
    const v = openingViewport(layout, 1000, 700);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // the flow's centre lands on the pane's centre
    expect(v.x + (layout.left + layout.width / 2) * v.zoom).toBeCloseTo(500);
    expect(v.y + (layout.height / 2) * v.zoom).toBeCloseTo(350);
    // and every node is inside the pane
    for (const p of layout.positions.values()) {
      expect(v.x + p.x * v.zoom).toBeGreaterThanOrEqual(0);
      expect(v.x + (p.x + NODE_WIDTH) * v.zoom).toBeLessThanOrEqual(1000);
    }
  });

  it('opens a flow too wide to read on its callflow box, at a readable zoom', () => {
    let wide = node('menu', Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((k) => [k, node('menu', { 1: leaf('a'), 2: leaf('b'), 3: leaf('c'), 4: leaf('d') })])));
    wide = node('menu', { 1: wide, 2: wide, 3: wide });
    const layout = layoutTree(fromCallflow({ flow: wide }));
    const v = openingViewport(layout, 1000, 700);
    expect(v.zoom).toBe(OPENING_ZOOM);
    const root = layout.positions.get(ROOT_ID)!;
    expect(v.x + (root.x + ROOT_WIDTH / 2) * v.zoom).toBeCloseTo(500);
    expect(v.y + root.y * v.zoom).toBeGreaterThanOrEqual(0);
  });
});
