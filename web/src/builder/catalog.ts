import { useQueries } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../api/client';
import { queryKeys, useSchemaNames } from '../api/queries';
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

/** Every module the engine supports (one schema each), loaded once and kept for the session. */
export function useCatalog(): Catalog {
  const names = useSchemaNames();
  const modules = (names.data ?? []).filter((n) => n.startsWith(MODULE_PREFIX) && n !== 'callflows.skel');
  const schemas = useQueries({
    combine: toCatalog,
    queries: modules.map((name) => ({
      queryKey: queryKeys.schema(name),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request('GET', `/schemas/${name}`, z.record(z.string(), z.unknown()), { signal }).then((env) => env.data),
      staleTime: Infinity,
    })),
  });
  return {
    modules: schemas.modules,
    isLoading: names.isLoading || schemas.pending,
    error: names.error ?? schemas.error,
  };
}

type SchemaResult = { data?: Record<string, unknown>; error: unknown; isPending: boolean };

/** Module infos keyed by module name (from each schema's `$id`, `callflows.<module>`). */
function toCatalog(results: SchemaResult[]) {
  const modules = new Map<string, ModuleInfo>();
  for (const result of results) {
    if (!result.data) continue;
    const schema = result.data as JsonSchema;
    const module = (schema.$id ?? '').slice(MODULE_PREFIX.length);
    if (!module) continue;
    modules.set(module, {
      module,
      title: schema.title ?? module,
      description: schema.description ?? '',
      category: schema['x-category'] ?? 'advanced',
      children: schema['x-children'],
      schema,
    });
  }
  return {
    modules,
    pending: results.some((r) => r.isPending) && !results.some((r) => r.error),
    error: results.find((r) => r.error)?.error ?? null,
  };
}
