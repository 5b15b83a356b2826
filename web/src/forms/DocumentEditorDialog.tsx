import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/ApiError';
import { request } from '../api/client';
import { collectionInfo, displayName } from '../api/collections';
import { useAccountId, useDocument, useSchema } from '../api/queries';
import { documentSchema, type Doc } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { ErrorState, LoadingState } from '../ui/states';
import { documentEditorFor, type DocumentEditorProps } from './documentEditors';
import type { JsonObject, JsonSchema } from './jsonSchema';
import { SchemaForm } from './SchemaForm';

/** Create or edit one document in a dialog: the registered editor of its collection, else its schema's form. */
export function DocumentEditorDialog(props: DocumentEditorProps) {
  const Custom = documentEditorFor(props.collection);
  return Custom ? <Custom {...props} /> : <SchemaDocumentEditor {...props} />;
}

/** Fields the server keeps for itself, never shown in a form. */
const SERVER_FIELDS = ['id', 'metadata'];

function SchemaDocumentEditor({ collection, id, onSaved, onClose }: DocumentEditorProps) {
  const info = collectionInfo(collection);
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const schema = useSchema(info.schema);
  const existing = useDocument(collection, id);
  const [draft, setDraft] = useState<JsonObject | null>(id ? null : {});

  useEffect(() => {
    if (existing.data && draft === null) {
      const { id: _id, metadata: _m, ...body } = existing.data.doc;
      setDraft(body);
    }
  }, [existing.data, draft]);

  const save = useMutation({
    mutationFn: async (body: JsonObject) => {
      const env = id
        ? await request('POST', `/accounts/${accountId}/${collection}/${id}`, documentSchema, { body, revision: existing.data?.revision })
        : await request('PUT', `/accounts/${accountId}/${collection}`, documentSchema, { body });
      return env.data as Doc;
    },
    onSuccess: (doc) => {
      void queryClient.invalidateQueries({ queryKey: ['collection', accountId, collection] });
      void queryClient.invalidateQueries({ queryKey: ['document', accountId, collection, doc.id] });
      onSaved(doc);
    },
  });

  const title = id ? `Edit ${info.label.toLowerCase()}${existing.data ? `: ${displayName(existing.data.doc)}` : ''}` : `New ${info.label.toLowerCase()}`;
  const loading = schema.isLoading || (id && existing.isLoading) || draft === null;
  const failed = schema.error ?? existing.error;
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          {save.error !== null && !(save.error instanceof ApiError && Object.keys(fieldErrors).length > 0) && (
            <span className="field-error" role="alert" style={{ marginRight: 'auto' }}>{describeError(save.error)}</span>
          )}
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" disabled={!draft || save.isPending}
            onClick={() => draft && save.mutate(draft)}>
            <Icon name="check" />{save.isPending ? 'Saving…' : id ? 'Save' : `Create ${info.label.toLowerCase()}`}
          </button>
        </>
      }
    >
      {failed ? <ErrorState error={failed} /> : loading ? <LoadingState /> : (
        <SchemaForm
          schema={schema.data as JsonSchema}
          value={draft!}
          onChange={setDraft}
          errors={fieldErrors}
          hidden={SERVER_FIELDS}
        />
      )}
    </Dialog>
  );
}
