import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import { request } from '../api/client';
import { queryKeys } from '../api/queries';
import type { JsonSchema, XChildren } from '../forms/jsonSchema';

/** What the builder knows of one callflow module, all of it read from the server's `callflows.<module>` schema. */
export type ModuleInfo = {
  module: string;
  title: string;
  description: string;
  /** KAZOO palette category (`basic`, `advanced`, `time_of_day`, …). */
  category: string;
  children: XChildren | undefined;
  schema: JsonSchema;
};

export type Catalog = {
  modules: Map<string, ModuleInfo>;
  isLoading: boolean;
  error: unknown;
};

const MODULE_PREFIX = 'callflows.';

/** The query of every schema; the callflow list prefetches it so the builder opens without waiting for it. */
export function schemasQuery(queryClient: QueryClient) {
  return queryOptions({
    queryKey: ['schemas', 'all'],
    queryFn: async ({ signal }) => {
      const env = await request('GET', '/schemas', z.record(z.string(), z.record(z.string(), z.unknown())), { query: { expand: true }, signal });
      for (const [name, schema] of Object.entries(env.data)) queryClient.setQueryData(queryKeys.schema(name), schema);
      return env.data;
    },
    staleTime: Infinity,
  });
}

/**
 * Every schema of the server in one request (`/v2/schemas?expand=true`), kept for the session: the modules the
 * engine supports become the catalog, and each schema also fills the cache `useSchema` reads, so forms of
 * documents open without asking again.
 */
export function useCatalog(): Catalog {
  const all = useQuery(schemasQuery(useQueryClient()));
  const modules = useMemo(() => {
    const map = new Map<string, ModuleInfo>();
    for (const [name, raw] of Object.entries(all.data ?? {})) {
      if (!name.startsWith(MODULE_PREFIX) || name === 'callflows.skel') continue;
      const schema = raw as JsonSchema;
      const module = name.slice(MODULE_PREFIX.length);
      map.set(module, {
        module,
        title: schema.title ?? module,
        description: schema.description ?? '',
        category: schema['x-category'] ?? 'advanced',
        children: schema['x-children'],
        schema,
      });
    }
    return map;
  }, [all.data]);
  return { modules, isLoading: all.isLoading, error: all.error };
}
