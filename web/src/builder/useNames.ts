import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { request } from '../api/client';
import { displayName } from '../api/collections';
import { queryKeys, useAccountId } from '../api/queries';
import { documentListSchema, type Doc } from '../api/types';
import { isObject } from '../forms/jsonSchema';
import type { Catalog } from './catalog';
import { referencedIds } from './captions';
import type { FlowState } from './model/tree';

/**
 * Names of the documents the flow points to: from the callflow's `metadata` (what the server sent with it), and,
 * for ids it does not cover (just picked, or rule keys), from the collections the schemas say they live in.
 */
export function useNames(flow: FlowState, catalog: Catalog) {
  const accountId = useAccountId();
  const metadata = isObject(flow.doc.metadata) ? flow.doc.metadata : {};
  const missing = useMemo(() => {
    const collections = new Set<string>();
    for (const node of Object.values(flow.nodes)) {
      const schema = catalog.modules.get(node.module)?.schema;
      for (const ref of referencedIds(schema, node.data)) {
        if (!isObject(metadata[ref.id])) ref.collections.forEach((c) => collections.add(c));
      }
      if (node.module === 'temporal_route' && node.children.some((c) => c.key.length > 8 && !isObject(metadata[c.key]))) {
        collections.add('temporal_rules');
        collections.add('temporal_rules_sets');
      }
    }
    return [...collections].sort();
  }, [flow.nodes, catalog.modules, metadata]);

  const lists = useQueries({
    queries: missing.map((collection) => ({
      queryKey: queryKeys.collection(accountId, collection, { paginate: false }),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request('GET', `/accounts/${accountId}/${collection}`, documentListSchema, { query: { paginate: false }, signal })
          .then((env) => env.data as Doc[]),
    })),
  });
  const loadedKey = lists.map((l) => l.dataUpdatedAt).join(',');
  const book = useMemo(() => {
    const names = new Map<string, { name: string; type?: string }>();
    for (const list of lists) for (const doc of list.data ?? []) names.set(doc.id, { name: displayName(doc) });
    for (const [id, entry] of Object.entries(metadata)) {
      if (isObject(entry) && typeof entry.name === 'string') names.set(id, { name: entry.name, type: typeof entry.pvt_type === 'string' ? entry.pvt_type : undefined });
    }
    return names;
  }, [metadata, loadedKey]); // lists change identity every render; their data is tracked by loadedKey

  const nameOf = useCallback((id: string) => book.get(id)?.name, [book]);
  return { nameOf, typeOf: (id: string) => book.get(id)?.type };
}
