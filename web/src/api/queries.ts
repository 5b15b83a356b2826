import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request, type Query } from './client';
import { anySchema, documentListSchema, documentSchema, schemaNamesSchema, type Doc } from './types';
import { useAuth } from '../auth/AuthContext';

/** The account the screens work in: the signed-in one, or the sub-account the user switched into. */
export function useAccountId(): string {
  const { session } = useAuth();
  if (!session) throw new Error('useAccountId needs a signed-in session');
  return session.actingAccountId;
}

export const queryKeys = {
  collection: (accountId: string, collection: string, query?: Query) => ['collection', accountId, collection, query ?? {}] as const,
  collectionAll: (accountId: string, collection: string) => ['collection', accountId, collection] as const,
  document: (accountId: string, collection: string, id: string) => ['document', accountId, collection, id] as const,
  schema: (name: string) => ['schema', name] as const,
};

/** Every document of a collection (`paginate=false`), for pickers. */
export function useCollection(collection: string, query?: Query, enabled = true) {
  const accountId = useAccountId();
  return useQuery({
    queryKey: queryKeys.collection(accountId, collection, { paginate: false, ...query }),
    queryFn: ({ signal }) => request('GET', `/accounts/${accountId}/${collection}`, documentListSchema,
      { query: { paginate: false, ...query }, signal }).then((env) => env.data as Doc[]),
    enabled,
  });
}

/** A collection page by page (`start_key` → `next_start_key`), for infinite scroll. */
export function usePagedCollection(collection: string, query: Query, pageSize = 50) {
  const accountId = useAccountId();
  return useInfiniteQuery({
    queryKey: queryKeys.collection(accountId, collection, { ...query, page_size: pageSize }),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) => {
      const env = await request('GET', `/accounts/${accountId}/${collection}`, documentListSchema,
        { query: { ...query, page_size: pageSize, start_key: pageParam }, signal });
      return { rows: env.data as Doc[], next: env.next_start_key == null ? undefined : String(env.next_start_key) };
    },
    getNextPageParam: (last) => last.next,
  });
}

export function useDocument(collection: string, id: string | undefined) {
  const accountId = useAccountId();
  return useQuery({
    queryKey: queryKeys.document(accountId, collection, id ?? ''),
    queryFn: ({ signal }) => request('GET', `/accounts/${accountId}/${collection}/${id}`, documentSchema, { signal })
      .then((env) => ({ doc: env.data as Doc, revision: env.revision ?? null })),
    enabled: Boolean(id),
  });
}

/** A JSON schema by name (`callflows.menu`, `users`, …); schemas do not change while the server runs. */
export function useSchema(name: string | undefined) {
  return useQuery({
    queryKey: queryKeys.schema(name ?? ''),
    queryFn: ({ signal }) => request('GET', `/schemas/${name}`, z.record(z.string(), anySchema), { signal })
      .then((env) => env.data),
    enabled: Boolean(name),
    staleTime: Infinity,
  });
}

export function useSchemaNames() {
  return useQuery({
    queryKey: ['schema-names'],
    queryFn: ({ signal }) => request('GET', '/schemas', schemaNamesSchema, { signal }).then((env) => env.data),
    staleTime: Infinity,
  });
}
