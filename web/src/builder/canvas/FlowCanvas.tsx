import {
  Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow,
  type Edge, type Node, type NodeChange, type NodeMouseHandler, type OnNodeDrag, applyNodeChanges,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { layoutTree, NODE_HEIGHT, NODE_WIDTH, ROOT_ID, ROOT_WIDTH } from '../model/layout';
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
  /** Fit the view when this changes (a callflow was opened). */
  fitKey: string;
  /** Centre the view on a node; a new token centres again on the same node. */
  focus: { uid: string; token: number } | null;
};

/** The flow laid out as a top-down tree, with zoom, pan, fit, a minimap, drops from the palette and branch moves. */
export function FlowCanvas(props: CanvasProps) {
  const { flow, collapsed, selected, nodeData, rootData, edgeLabel, onPathEdges, onSelect, onDropAction, onMoveBranch, fitKey, focus } = props;
  const layout = useMemo(() => layoutTree(flow, collapsed), [flow, collapsed]);
  const { fitView, setCenter, getZoom, getIntersectingNodes } = useReactFlow();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const dragOrigin = useRef<{ uid: string; members: Set<string> } | null>(null);

  const laidOut = useMemo<Node[]>(() => {
    const out: Node[] = [];
    const rootPos = layout.positions.get(ROOT_ID)!;
    out.push({
      id: ROOT_ID, type: 'callflow', position: rootPos, data: rootData, selected: selected === ROOT_ID,
      draggable: false, width: ROOT_WIDTH, className: dropTarget === ROOT_ID ? 'is-drop-target' : undefined,
    } satisfies RootNodeType);
    for (const [uid, position] of layout.positions) {
      if (uid === ROOT_ID) continue;
      out.push({
        id: uid, type: 'action', position, data: nodeData(uid), selected: selected === uid,
        width: NODE_WIDTH, height: NODE_HEIGHT, className: dropTarget === uid ? 'is-drop-target' : undefined,
      } satisfies ActionNodeType);
    }
    return out;
  }, [layout, rootData, nodeData, selected, dropTarget]);

  const [nodes, setNodes] = useState<Node[]>(laidOut);
  useEffect(() => setNodes(laidOut), [laidOut]);

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

  useEffect(() => {
    // after the first layout of a newly opened callflow
    const timer = window.setTimeout(() => void fitView({ padding: 0.15, maxZoom: 1.1, duration: 0 }), 0);
    return () => window.clearTimeout(timer);
  }, [fitKey, fitView]);

  const centred = useRef<number | null>(null);
  useEffect(() => {
    if (!focus || focus.token === centred.current) return;
    centred.current = focus.token;
    const position = layout.positions.get(focus.uid);
    if (position) void setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, { zoom: Math.max(getZoom(), 0.8), duration: 300 });
  }, [focus, layout, setCenter, getZoom]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    // only drags move nodes; selection is the builder's, positions come from the layout
    const moves = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (moves.length > 0) setNodes((current) => applyNodeChanges(moves, current));
  }, []);

  const onNodeClick: NodeMouseHandler = useCallback((_, node) => onSelect(node.id), [onSelect]);

  const onNodeDragStart: OnNodeDrag = useCallback((_, node) => {
    if (node.id === ROOT_ID) return;
    dragOrigin.current = { uid: node.id, members: new Set(subtree(flow, node.id)) };
  }, [flow]);

  // the whole branch follows the dragged node
  const onNodeDrag: OnNodeDrag = useCallback((_, dragged) => {
    const origin = dragOrigin.current;
    if (!origin) return;
    const start = layout.positions.get(dragged.id)!;
    const dx = dragged.position.x - start.x;
    const dy = dragged.position.y - start.y;
    setNodes((current) => current.map((n) => {
      if (!origin.members.has(n.id) || n.id === dragged.id) return n;
      const home = layout.positions.get(n.id);
      return home ? { ...n, position: { x: home.x + dx, y: home.y + dy } } : n;
    }));
    const target = getIntersectingNodes(dragged).find((n) => !origin.members.has(n.id) && n.id !== ROOT_ID);
    setDropTarget(target?.id ?? null);
  }, [layout, getIntersectingNodes]);

  const onNodeDragStop: OnNodeDrag = useCallback((_, dragged) => {
    const origin = dragOrigin.current;
    dragOrigin.current = null;
    setDropTarget(null);
    if (!origin) return;
    const target = getIntersectingNodes(dragged).find((n) => !origin.members.has(n.id) && n.id !== ROOT_ID);
    setNodes(laidOut);
    if (target) onMoveBranch(origin.uid, target.id);
  }, [getIntersectingNodes, laidOut, onMoveBranch]);

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
      <ReactFlow
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
    </div>
  );
}
