import { useMemo, type ReactNode } from 'react';
import { collectionInfo, displayName } from '../../api/collections';
import { useSchema } from '../../api/queries';
import type { Doc } from '../../api/types';
import type { JsonObject, JsonSchema } from '../../forms/jsonSchema';
import { SchemaForm } from '../../forms/SchemaForm';
import type { IconName } from '../../ui/Icon';
import { ErrorState, LoadingState } from '../../ui/states';
import { EditorPanel } from './EditorPanel';
import { withRefs, withTitles, type RefHints, type TitleHints } from './refs';
import { errorsUnder, pickProperties } from './schemaParts';
import { useEntityEditor, type EntityEditor } from './useEntityEditor';

export type SchemaEditorProps = {
  collection: string;
  id: string;
  basePath: string;
  icon: IconName;
  /** Fields shown first, in this order. */
  order?: string[];
  /** Fields shown above the page's own sections (`before`), in this order: what names the document. */
  lead?: string[];
  /** Fields edited by the page's own sections instead of the generated form. */
  hidden?: string[];
  refs?: RefHints;
  titles?: TitleHints;
  /** A new document's starting values. */
  blank?: () => JsonObject;
  /** Sections above the generated form (credentials, members…). */
  before?: (editor: EntityEditor, schema: JsonSchema) => ReactNode;
  /** Sections below it (messages, preview…). */
  after?: (editor: EntityEditor, schema: JsonSchema) => ReactNode;
  validate?: (draft: JsonObject) => string | null;
  afterSave?: (id: string, editor: EntityEditor) => Promise<void>;
  title?: (doc: JsonObject) => string;
};

/** The editor of one document: its JSON schema's form (with document pickers) inside the panel chrome. */
export function SchemaEditor(props: SchemaEditorProps) {
  const { collection, id, basePath, icon, order, lead = [], hidden, refs, titles, blank, before, after, validate, afterSave, title } = props;
  const info = collectionInfo(collection);
  const schemaQuery = useSchema(info.schema);
  const editor = useEntityEditor(collection, id, blank);
  const schema = useMemo(
    () => (schemaQuery.data ? withTitles(withRefs(schemaQuery.data as JsonSchema, refs ?? {}), titles ?? {}) : undefined),
    [schemaQuery.data, refs, titles],
  );
  const leadSchema = useMemo(() => (schema && lead.length > 0 ? pickProperties(schema, lead) : undefined), [schema, lead]);
  const noun = info.label.toLowerCase();
  const name = editor.draft ? (title ?? ((d: JsonObject) => displayName({ id: '', ...d } as Doc)))(editor.draft) : '';
  const heading = editor.isNew ? `New ${noun}` : name && name !== '(unnamed)' ? name : info.label;

  return (
    <EditorPanel editor={editor} icon={icon} noun={noun} title={heading} basePath={basePath}
      validate={validate && (() => (editor.draft ? validate(editor.draft) : null))}
      afterSave={afterSave && ((savedId) => afterSave(savedId, editor))}>
      {schemaQuery.error ? <ErrorState error={schemaQuery.error} title="The form could not be loaded" /> : !schema || !editor.draft ? <LoadingState /> : (
        <>
          {leadSchema && (
            <SchemaForm schema={leadSchema} value={editor.draft!} onChange={editor.setDraft} order={lead}
              errors={errorsUnder(editor.fieldErrors, lead)} />
          )}
          {before?.(editor, schema)}
          <SchemaForm schema={schema} value={editor.draft!} onChange={editor.setDraft} errors={editor.fieldErrors}
            order={order} hidden={['id', ...lead, ...(hidden ?? [])]} />
          {after?.(editor, schema)}
        </>
      )}
    </EditorPanel>
  );
}
