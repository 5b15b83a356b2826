import {
  Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow,
  type Edge, type Node, type NodeChange, type NodeMouseHandler, type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { layoutTree, NODE_HEIGHT, NODE_WIDTH, openingViewport, ROOT_HEIGHT, ROOT_ID, ROOT_WIDTH, type Viewport } from '../model/layout';
import { subtree, type FlowState } from '../model/tree';
import { ActionNode, type ActionNodeData, type ActionNodeType } from './ActionNode';
import { LabelledEdge, type LabelledEdgeType } from './LabelledEdge';
import { RootNode, type RootNodeType } from './RootNode';
import './canvas.css';

const nodeTypes = { action: ActionNode, callflow: RootNode };
const edgeTypes = { labelled: LabelledEdge };

/** The MIME type a palette entry is dragged with. */
export const ACTION_DRAG_TYPE = 'application/x-switchboard-action';

export type CanvasProps = {
  flow: FlowState;
  collapsed: ReadonlySet<string>;
  selected: string | null;
  /** Everything a node shows, by uid. */
  nodeData: (uid: string) => ActionNodeData;
  rootData: RootNodeType['data'];
  edgeLabel: (parent: string, key: string, child: string) => string;
  onPathEdges: ReadonlySet<string>;
  onSelect: (uid: string | null) => void;
  /** A palette entry dropped on a node (`root` for the callflow box), or on empty canvas (null). */
  onDropAction: (entryId: string, target: string | null) => void;
  /** A node dragged onto another one: its branch moves there. */
  onMoveBranch: (uid: string, target: string) => void;
  /** Centre the view on a node; a new token centres again on the same node. */
  focus: { uid: string; token: number } | null;
};

/** The flow laid out as a top-down tree, with zoom, pan, fit, a minimap, drops from the palette and branch moves. */
export function FlowCanvas(props: CanvasProps) {
  const { flow, collapsed, selected, nodeData, rootData, edgeLabel, onPathEdges, onSelect, onDropAction, onMoveBranch, focus } = props;
  const layout = useMemo(() => layoutTree(flow, collapsed), [flow, collapsed]);
  const { setCenter, getZoom, getIntersectingNodes } = useReactFlow();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const dragOrigin = useRef<{ uid: string; members: Set<string> } | null>(null);

  // one object per node, kept while nothing about the node changes, so React Flow and the memoised node
  // components skip it: selecting a node touches two nodes, not three hundred
  const cache = useRef(new Map<string, Node>());
  const laidOut = useMemo<Node[]>(() => {
    const previous = cache.current;
    const next = new Map<string, Node>();
    const keep = (node: Node): Node => {
      const before = previous.get(node.id);
      const same = before && before.data === node.data && before.selected === node.selected && before.className === node.className
        && before.position.x === node.position.x && before.position.y === node.position.y;
      const chosen = same ? before : node;
      next.set(node.id, chosen);
      return chosen;
    };
    const out: Node[] = [];
    out.push(keep({
      id: ROOT_ID, type: 'callflow', position: layout.positions.get(ROOT_ID)!, data: rootData, selected: selected === ROOT_ID,
      draggable: false, width: ROOT_WIDTH, height: ROOT_HEIGHT, className: dropTarget === ROOT_ID ? 'is-drop-target' : undefined,
    } satisfies RootNodeType));
    for (const [uid, position] of layout.positions) {
      if (uid === ROOT_ID) continue;
      out.push(keep({
        id: uid, type: 'action', position, data: nodeData(uid), selected: selected === uid,
        width: NODE_WIDTH, height: NODE_HEIGHT, className: dropTarget === uid ? 'is-drop-target' : undefined,
      } satisfies ActionNodeType));
    }
    cache.current = next;
    return out;
  }, [layout, rootData, nodeData, selected, dropTarget]);

  // while a branch is dragged its nodes follow the pointer; otherwise every node sits where the layout put it
  const [dragged, setDragged] = useState<Map<string, { x: number; y: number }> | null>(null);
  const nodes = useMemo(() => (dragged
    ? laidOut.map((n) => (dragged.has(n.id) ? { ...n, position: dragged.get(n.id)! } : n))
    : laidOut), [laidOut, dragged]);

  const edges = useMemo<Edge[]>(() => {
    const out: LabelledEdgeType[] = [];
    if (flow.root !== null) {
      out.push({ id: `${ROOT_ID}->${flow.root}`, source: ROOT_ID, target: flow.root, type: 'labelled', data: { label: '', key: '', onPath: onPathEdges.has(flow.root) } });
    }
    for (const uid of layout.positions.keys()) {
      if (uid === ROOT_ID || collapsed.has(uid)) continue;
      const node = flow.nodes[uid];
      for (const link of node.children) {
        out.push({
          id: `${uid}->${link.uid}`, source: uid, target: link.uid, type: 'labelled',
          data: { label: edgeLabel(uid, link.key, link.uid), key: link.key, onPath: onPathEdges.has(link.uid) },
        });
      }
    }
    return out;
  }, [flow, layout, collapsed, edgeLabel, onPathEdges]);

  // the canvas is drawn once its pane is measured, already at its opening view (computed from the layout), so a
  // big flow is not first drawn whole and then moved
  const pane = useRef<HTMLDivElement>(null);
  const [opening, setOpening] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    if (opening || !pane.current) return;
    const box = pane.current.getBoundingClientRect();
    setOpening(openingViewport(layout, box.width, box.height));
  }, [opening, layout]);

  const centred = useRef<number | null>(null);
  useEffect(() => {
    if (!focus || focus.token === centred.current) return;
    centred.current = focus.token;
    const position = layout.positions.get(focus.uid);
    if (position) void setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, { zoom: Math.max(getZoom(), 0.8), duration: 300 });
  }, [focus, layout, setCenter, getZoom]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    // only drags move nodes; selection is the builder's, positions come from the layout
    const moves = changes.filter((c) => c.type === 'position' && c.position);
    if (moves.length === 0) return;
    setDragged((current) => {
      const next = new Map(current ?? []);
      for (const c of moves) if (c.type === 'position' && c.position) next.set(c.id, c.position);
      return next;
    });
  }, []);

  const onNodeClick: NodeMouseHandler = useCallback((_, node) => onSelect(node.id), [onSelect]);

  const onNodeDragStart: OnNodeDrag = useCallback((_, node) => {
    if (node.id === ROOT_ID) return;
    dragOrigin.current = { uid: node.id, members: new Set(subtree(flow, node.id)) };
  }, [flow]);

  // the whole branch follows the dragged node
  const onNodeDrag: OnNodeDrag = useCallback((_, node) => {
    const origin = dragOrigin.current;
    if (!origin) return;
    const start = layout.positions.get(node.id)!;
    const dx = node.position.x - start.x;
    const dy = node.position.y - start.y;
    const moved = new Map<string, { x: number; y: number }>();
    for (const id of origin.members) {
      const home = layout.positions.get(id);
      if (home) moved.set(id, { x: home.x + dx, y: home.y + dy });
    }
    setDragged(moved);
    const target = getIntersectingNodes(node).find((n) => !origin.members.has(n.id) && n.id !== ROOT_ID);
    setDropTarget(target?.id ?? null);
  }, [layout, getIntersectingNodes]);

  const onNodeDragStop: OnNodeDrag = useCallback((_, node) => {
    const origin = dragOrigin.current;
    dragOrigin.current = null;
    setDropTarget(null);
    setDragged(null);
    if (!origin) return;
    const target = getIntersectingNodes(node).find((n) => !origin.members.has(n.id) && n.id !== ROOT_ID);
    if (target) onMoveBranch(origin.uid, target.id);
  }, [getIntersectingNodes, onMoveBranch]);

  const targetAt = (e: DragEvent): string | null => {
    const element = (e.target as Element).closest?.('.react-flow__node');
    return element?.getAttribute('data-id') ?? null;
  };

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(ACTION_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    const target = targetAt(e);
    if (target !== dropTarget) setDropTarget(target);
  };

  const onDrop = (e: DragEvent) => {
    const entry = e.dataTransfer.getData(ACTION_DRAG_TYPE);
    if (!entry) return;
    e.preventDefault();
    setDropTarget(null);
    onDropAction(entry, targetAt(e));
  };

  return (
    <div
      ref={pane}
      className="flow-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragLeave={(e) => {
        if (!(e.currentTarget as Element).contains(e.relatedTarget as Element | null)) setDropTarget(null);
      }}
      onKeyDown={(e) => {
        // a node reached with Tab is chosen with Enter or Space, as a click would
        const id = (e.target as Element).closest?.('.react-flow__node')?.getAttribute('data-id');
        if (id && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onSelect(id);
        }
      }}
    >
      {opening && (
      <ReactFlow
        defaultViewport={opening}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={() => onSelect(null)}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={0.05}
        maxZoom={2}
        onlyRenderVisibleElements
        attributionPosition="top-right"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap pannable zoomable position="bottom-right" className="flow-minimap" style={{ width: 160, height: 110 }}
          nodeClassName={(n) => (n.type === 'callflow' ? 'minimap-root' : `minimap-node path-${(n.data as ActionNodeData).path}`)} />
      </ReactFlow>
      )}
    </div>
  );
}
