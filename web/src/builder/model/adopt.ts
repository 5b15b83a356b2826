import { isObject, type JsonObject } from '../../forms/jsonSchema';
import { fromCallflow, type EditorNode, type FlowState } from './tree';

/**
 * The saved callflow as the server returned it (with the schema defaults it filled in), on the editor's own
 * nodes: same uids wherever the shape is the same, so selection, collapsed branches and the canvas stay put.
 * A different shape (someone else's version) is taken as a new tree.
 */
export function adoptSaved(state: FlowState, saved: JsonObject): FlowState {
  const { flow, ...doc } = saved;
  if (state.root === null || !isObject(flow)) return fromCallflow(saved);
  const nodes: Record<string, EditorNode> = {};
  const walk = (uid: string, node: JsonObject): boolean => {
    const mine = state.nodes[uid];
    const { module, data, children, ...extra } = node;
    if (module !== mine.module) return false;
    const theirs = isObject(children) ? Object.entries(children) : [];
    if (theirs.length !== mine.children.length) return false;
    for (const [key, child] of theirs) {
      const link = mine.children.find((c) => c.key === key);
      if (!link || !isObject(child) || !walk(link.uid, child)) return false;
    }
    nodes[uid] = { ...mine, data: isObject(data) ? data : {}, hasData: data !== undefined, hasChildren: children !== undefined, extra };
    return true;
  };
  if (!walk(state.root, flow)) return fromCallflow(saved);
  return { ...state, doc, nodes };
}
