import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';

export type LabelledEdgeData = { label: string; onPath: boolean; key: string };
export type LabelledEdgeType = Edge<LabelledEdgeData, 'labelled'>;

/** A parent-to-child line with the child key in words ("Press 1", "Busy") on it; thicker and dashed on the path. */
export const LabelledEdge = memo(function LabelledEdge(props: EdgeProps<LabelledEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const [path, , labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 24 });
  const onPath = data?.onPath ?? false;
  return (
    <>
      <BaseEdge id={id} path={path} className={onPath ? 'flow-edge path-on' : 'flow-edge'} />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={`flow-edge-label${onPath ? ' path-on' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${targetX}px, ${(labelY + targetY) / 2 + 6}px)` }}
            data-key={data.key}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
