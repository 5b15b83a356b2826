import type { FieldError } from '../../api/envelope';
import { SchemaForm } from '../../forms/SchemaForm';
import type { JsonObject } from '../../forms/jsonSchema';
import { Link } from '../../router/router';
import { Icon, type IconName } from '../../ui/Icon';
import type { ModuleInfo } from '../catalog';
import { isSkipped, type EditorNode } from '../model/tree';

type NodePanelProps = {
  node: EditorNode;
  label: string;
  icon: IconName;
  info: ModuleInfo | undefined;
  /** How the node is reached from its parent ("Press 1"), or null for the first action. */
  branch: { key: string; label: string } | null;
  collapsed: boolean;
  canDeleteAlone: boolean;
  /** Server errors and warnings for this node, keyed by dotted path under its `data`. */
  errors: Record<string, FieldError[]>;
  warnings: string[];
  onData: (data: JsonObject) => void;
  onSkip: (skipped: boolean) => void;
  onChangeKey: () => void;
  onCollapse: () => void;
  onDeleteNode: () => void;
  onDeleteBranch: () => void;
  onClose: () => void;
};

/** The selected action: a form for its data (from its module's schema), its branch, and what can be done to it. */
export function NodePanel(props: NodePanelProps) {
  const { node, label, icon, info, branch, collapsed, errors, warnings } = props;
  const skipped = isSkipped(node);
  const target = node.module === 'callflow' && typeof node.data.id === 'string' ? node.data.id : null;
  return (
    <>
      <div className="panel-head">
        <span className="flow-node-icon"><Icon name={icon} size={18} /></span>
        <div style={{ minWidth: 0 }}>
          <h2 className="panel-title">{label}</h2>
          <div className="subtle mono">{node.module}</div>
        </div>
        <span className="spacer" />
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Close the editor" onClick={props.onClose}><Icon name="x" /></button>
      </div>
      <div className="panel-body">
        {info?.description && <p className="muted">{info.description}</p>}
        {branch && (
          <div className="row panel-branch">
            <span className="subtle">Reached by</span>
            <span className="badge badge-accent">{branch.label || 'the previous step'}</span>
            <span className="spacer" />
            <button type="button" className="btn btn-sm" onClick={props.onChangeKey}>Change</button>
          </div>
        )}
        {target && (
          <Link to={`/callflows/${encodeURIComponent(target)}`} className="btn btn-sm" style={{ alignSelf: 'flex-start' }}>
            <Icon name="external" size={14} />Open this callflow
          </Link>
        )}
        <label className="checkbox switch">
          <input type="checkbox" name="skip_module" checked={skipped} onChange={(e) => props.onSkip(e.target.checked)} />
          Disabled <span className="subtle">(calls skip it and go on to its next step)</span>
        </label>
        {warnings.map((w) => <div key={w} className="banner banner-warning"><Icon name="alert" />{w}</div>)}
        {info ? (
          <SchemaForm schema={info.schema} value={node.data} onChange={props.onData} errors={errors} hidden={['skip_module']} order={['id', 'action']} />
        ) : (
          <div className="banner banner-warning"><Icon name="alert" />The server has no schema for “{node.module}”; its data is kept as it is.</div>
        )}
      </div>
      <div className="panel-foot">
        {node.children.length > 0 && (
          <button type="button" className="btn btn-sm" onClick={props.onCollapse}>
            <Icon name={collapsed ? 'expand' : 'collapse'} size={14} />{collapsed ? 'Expand branch' : 'Collapse branch'}
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="btn btn-sm btn-danger" disabled={!props.canDeleteAlone} onClick={props.onDeleteNode}
          title={props.canDeleteAlone ? 'Delete this action; its next step takes its place (Delete)' : 'It has several branches: delete the branch instead'}>
          <Icon name="trash" size={14} />Delete
        </button>
        {node.children.length > 0 && (
          <button type="button" className="btn btn-sm btn-danger" onClick={props.onDeleteBranch} title="Delete it and everything under it (Shift+Delete)">
            <Icon name="trash" size={14} />Delete branch
          </button>
        )}
      </div>
    </>
  );
}
