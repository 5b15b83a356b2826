import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon, type IconName } from '../../ui/Icon';
import { useCanvasActions } from './CanvasActions';

/** How a node takes part in a simulated or traced call. */
export type PathMark = 'none' | 'on' | 'current' | 'end';

export type ActionNodeData = {
  uid: string;
  module: string;
  label: string;
  caption: string;
  icon: IconName;
  skipped: boolean;
  childCount: number;
  /** Nodes hidden under it when collapsed, 0 when open. */
  hiddenCount: number;
  path: PathMark;
  /** The simulated steps that ran this node (1-based), for the badge on the path. */
  steps: number[];
  problem?: { level: 'error' | 'warning'; text: string };
  terminal: boolean;
};

export type ActionNodeType = Node<ActionNodeData, 'action'>;

/** One action on the canvas: icon, action name, what it points to, and its state (disabled, collapsed, on path). */
export const ActionNode = memo(function ActionNode({ data, selected }: NodeProps<ActionNodeType>) {
  const { toggleCollapse } = useCanvasActions();
  const classes = ['flow-node', `path-${data.path}`];
  if (selected) classes.push('is-selected');
  if (data.skipped) classes.push('is-skipped');
  if (data.problem) classes.push(`has-${data.problem.level}`);
  return (
    <div className={classes.join(' ')} data-uid={data.uid} data-module={data.module}
      aria-label={`${data.label}${data.caption ? `: ${data.caption}` : ''}${data.skipped ? ' (disabled)' : ''}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="flow-handle" />
      <div className="flow-node-icon"><Icon name={data.icon} size={18} /></div>
      <div className="flow-node-text">
        <div className="flow-node-label">
          {data.label}
          {data.skipped && <span className="badge badge-warning" title="Disabled: the call skips this action">Disabled</span>}
        </div>
        <div className="flow-node-caption" title={data.caption}>{data.caption || <span className="subtle">Not set up yet</span>}</div>
      </div>
      {data.steps.length > 0 && (
        <span className="flow-node-step" title={`Step ${data.steps.join(', ')} of the call`}>{data.steps.join(',')}</span>
      )}
      {data.problem && (
        <span className={`flow-node-problem is-${data.problem.level}`} title={data.problem.text}>
          <Icon name="alert" size={14} label={data.problem.text} />
        </span>
      )}
      {data.childCount > 0 && (
        <button
          type="button"
          className="flow-node-collapse nodrag"
          onClick={(e) => { e.stopPropagation(); toggleCollapse(data.uid); }}
          aria-label={data.hiddenCount > 0 ? `Expand branch (${data.hiddenCount} hidden)` : 'Collapse branch'}
          title={data.hiddenCount > 0 ? `Expand (${data.hiddenCount} hidden)` : 'Collapse branch'}
        >
          {data.hiddenCount > 0 ? `+${data.hiddenCount}` : <Icon name="minus" size={12} />}
        </button>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="flow-handle" />
    </div>
  );
});
