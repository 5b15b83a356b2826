import { z } from 'zod';
import { isObject, type JsonObject } from '../forms/jsonSchema';

/**
 * Callflows as a JSON file in the import format of `PUT /v2/accounts/{id}/import` (`{"documents": [...]}`, each
 * with `pvt_type`), so an export imports back here or into another account as it is.
 */
export function exportBundle(callflows: JsonObject[]): JsonObject {
  return {
    exported_at: new Date().toISOString(),
    documents: callflows.map((cf) => {
      const { metadata: _m, ...doc } = cf;
      return { ...doc, pvt_type: 'callflow' };
    }),
  };
}

export function exportFile(callflows: JsonObject[], name: string): void {
  const blob = new Blob([JSON.stringify(exportBundle(callflows), null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'callflows'}.json`;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The documents of a file to import: our bundle (`{documents}`), KAZOO's (`{data: [...]}` as Crossbar answers,
 * or a plain array), or one KAZOO document as KAZOO stores it (`_id`, `pvt_type`). The server tells the types
 * of documents without `pvt_type` from their fields.
 */
export function documentsToImport(json: unknown): JsonObject[] {
  const list = Array.isArray(json) ? json
    : isObject(json) && Array.isArray(json.documents) ? json.documents
    : isObject(json) && Array.isArray(json.data) ? json.data
    : isObject(json) && isObject(json.data) ? [json.data]
    : isObject(json) ? [json]
    : null;
  if (!list) throw new Error('The file holds no JSON object or list of documents.');
  const docs = list.filter(isObject);
  if (docs.length === 0) throw new Error('The file holds no document.');
  return docs;
}

/** The server's report: counts, and one row per document in the order sent. */
export const importReportSchema = z.looseObject({
  created: z.number(),
  updated: z.number(),
  rejected: z.number(),
  documents: z.array(z.looseObject({
    index: z.number(),
    id: z.string().nullish(),
    type: z.string().nullish(),
    status: z.string(),
    message: z.string().nullish(),
    errors: z.unknown().optional(),
  })),
});
export type ImportReport = z.infer<typeof importReportSchema>;
