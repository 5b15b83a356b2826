import type { FieldError } from '../api/envelope';

export type Warning = { path: string; code: string; message: string };

/** The node part of a document path: `flow.children.1.data.timeout` → `flow.children.1`. */
export function nodePathOf(path: string): string | null {
  if (path !== 'flow' && !path.startsWith('flow.')) return null;
  const data = path.indexOf('.data');
  if (data >= 0 && (path.length === data + 5 || path[data + 5] === '.')) return path.slice(0, data);
  const parts = path.split('.');
  // flow(.children.<key>)* — cut whatever follows the last whole node address
  let end = 1;
  while (parts[end] === 'children' && parts[end + 1] !== undefined) end += 2;
  return parts.slice(0, end).join('.');
}

export type NodeProblems = {
  /** Errors under each node path, re-keyed relative to the node's `data` (for its form). */
  errors: Map<string, Record<string, FieldError[]>>;
  warnings: Map<string, string[]>;
  /** Errors of the document's own fields (numbers, patterns, name). */
  document: Record<string, FieldError[]>;
};

/** Sorts the server's validation errors and save warnings onto the nodes (and fields) they concern. */
export function sortProblems(fieldErrors: Record<string, FieldError[]>, warnings: Warning[]): NodeProblems {
  const errors = new Map<string, Record<string, FieldError[]>>();
  const byNode = new Map<string, string[]>();
  const document: Record<string, FieldError[]> = {};
  for (const [path, list] of Object.entries(fieldErrors)) {
    const node = nodePathOf(path);
    if (node === null) {
      document[path] = list;
      continue;
    }
    const rest = path.slice(node.length).replace(/^\.data\.?/, '').replace(/^\./, '');
    const mine = errors.get(node) ?? {};
    mine[rest] = [...(mine[rest] ?? []), ...list];
    errors.set(node, mine);
  }
  for (const w of warnings) {
    const node = nodePathOf(w.path);
    if (node === null) continue;
    byNode.set(node, [...(byNode.get(node) ?? []), w.message]);
  }
  return { errors, warnings: byNode, document };
}
