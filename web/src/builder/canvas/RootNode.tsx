import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatNumber } from '../../callflows/listing';
import { Icon } from '../../ui/Icon';
import { useCanvasActions } from './CanvasActions';

export type RootNodeData = { name: string; numbers: string[]; patterns: string[]; empty: boolean; onPath: boolean; numbersProblem?: string };
export type RootNodeType = Node<RootNodeData, 'callflow'>;

/** The callflow itself, on top of its flow: its name and the numbers that reach it. */
export const RootNode = memo(function RootNode({ data, selected }: NodeProps<RootNodeType>) {
  const { editNumbers } = useCanvasActions();
  const none = data.numbers.length === 0 && data.patterns.length === 0;
  return (
    <div className={`flow-root${selected ? ' is-selected' : ''}${data.onPath ? ' path-on' : ''}${data.numbersProblem ? ' has-error' : ''}`} data-uid="root">
      <div className="flow-root-title"><Icon name="phone" size={16} />{data.name || 'Untitled callflow'}</div>
      <div className="flow-root-numbers">
        {data.numbers.slice(0, 6).map((n) => <span key={n} className="number-chip">{formatNumber(n)}</span>)}
        {data.patterns.slice(0, 3).map((p) => <span key={p} className="number-chip number-chip-pattern">{p}</span>)}
        {data.numbers.length + data.patterns.length > 9 && <span className="subtle">+{data.numbers.length + data.patterns.length - 9}</span>}
        <button type="button" className={`btn btn-sm nodrag${none ? ' btn-primary' : ' btn-ghost'}`} onClick={(e) => { e.stopPropagation(); editNumbers(); }}>
          <Icon name={none ? 'plus' : 'settings'} size={12} />{none ? 'Add a number' : 'Numbers'}
        </button>
      </div>
      {data.numbersProblem && <div className="field-error">{data.numbersProblem}</div>}
      {data.empty && <div className="flow-root-hint">Drag an action from the palette onto this box to start.</div>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="flow-handle" />
    </div>
  );
});
