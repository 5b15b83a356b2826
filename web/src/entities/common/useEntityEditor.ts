import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/ApiError';
import { request } from '../../api/client';
import { queryKeys, useAccountId } from '../../api/queries';
import { anySchema, documentSchema, type Doc } from '../../api/types';
import type { JsonObject } from '../../forms/jsonSchema';

/** Fields the server keeps for itself; they are never edited nor sent back. */
const SERVER_FIELDS = new Set(['id', 'metadata']);

export function editableBody(doc: Doc): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !SERVER_FIELDS.has(key)));
}

export type EntityEditor = ReturnType<typeof useEntityEditor>;

/** Where a document lives when it is not `/accounts/{account}/{collection}/{id}` (the account document itself). */
export type DocumentTarget = { path: string; key: readonly unknown[] };

/**
 * One document being edited: loads it (or starts blank for `new`), keeps the draft and whether it changed, saves
 * with If-Match so someone else's newer revision answers 409 instead of being overwritten, and deletes.
 */
export function useEntityEditor(collection: string, id: string, blank: () => JsonObject = () => ({}), target?: DocumentTarget) {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const isNew = id === 'new';
  const path = target?.path ?? `/accounts/${accountId}/${collection}/${id}`;
  const key = target?.key ?? queryKeys.document(accountId, collection, id);
  const existing = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => request('GET', path, documentSchema, { signal })
      .then((env) => ({ doc: env.data as Doc, revision: env.revision ?? null })),
    enabled: !isNew,
  });
  const [draft, setDraft] = useState<JsonObject | null>(() => (isNew ? blank() : null));
  const [saved, setSaved] = useState<JsonObject | null>(() => (isNew ? draft : null));
  const [revision, setRevision] = useState<string | null>(null);

  useEffect(() => {
    if (existing.data && draft === null) {
      const body = editableBody(existing.data.doc);
      setDraft(body);
      setSaved(body);
      setRevision(existing.data.revision);
    }
  }, [existing.data, draft]);

  const invalidateList = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['collection', accountId, collection] });
    void queryClient.invalidateQueries({ queryKey: ['collection', accountId, 'search'] });
  }, [queryClient, accountId, collection]);

  const save = useMutation({
    mutationFn: async (body: JsonObject) => isNew
      ? request('PUT', `/accounts/${accountId}/${collection}`, documentSchema, { body })
      : request('POST', path, documentSchema, { body, revision }),
    onSuccess: (env) => {
      const doc = env.data as Doc;
      const body = editableBody(doc);
      setDraft(body);
      setSaved(body);
      setRevision(env.revision ?? null);
      queryClient.setQueryData(isNew ? queryKeys.document(accountId, collection, doc.id) : key, { doc, revision: env.revision ?? null });
      invalidateList();
    },
  });

  const remove = useMutation({
    mutationFn: () => request('DELETE', path, anySchema, { revision }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: key });
      invalidateList();
    },
  });

  /** Throws the draft away and loads what the server has now (after a 409, or to undo). */
  const reload = useCallback(async () => {
    save.reset();
    remove.reset();
    if (isNew) {
      setDraft(blank());
      return;
    }
    const fresh = await existing.refetch();
    if (fresh.data) {
      const body = editableBody(fresh.data.doc);
      setDraft(body);
      setSaved(body);
      setRevision(fresh.data.revision);
    }
  }, [save, remove, isNew, existing, blank]);

  const dirty = useMemo(() => draft !== null && JSON.stringify(draft) !== JSON.stringify(saved), [draft, saved]);
  const failure = save.error ?? remove.error;
  const conflict = failure instanceof ApiError && failure.isConflict;
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  return {
    accountId,
    collection,
    id,
    isNew,
    doc: existing.data?.doc,
    draft,
    setDraft: setDraft as (next: JsonObject) => void,
    dirty,
    revision,
    loading: !isNew && (existing.isLoading || (draft === null && !existing.error)),
    loadError: existing.error,
    save,
    remove,
    reload,
    conflict,
    fieldErrors,
  };
}
