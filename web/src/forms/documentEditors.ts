import type { ComponentType } from 'react';
import type { Doc } from '../api/types';

/**
 * What opens when a document is created or edited from a picker (inside the builder, without leaving the canvas).
 * By default a form generated from the collection's schema; an entity page may register a richer editor for its
 * collection with {@link registerDocumentEditor}, and every picker uses it from then on.
 */
export type DocumentEditorProps = {
  collection: string;
  /** The document to edit; none to create one. */
  id?: string;
  /** Called with the saved document (its new id when created). */
  onSaved: (doc: Doc) => void;
  onClose: () => void;
};

const editors = new Map<string, ComponentType<DocumentEditorProps>>();

export function registerDocumentEditor(collection: string, editor: ComponentType<DocumentEditorProps>): void {
  editors.set(collection, editor);
}

export function documentEditorFor(collection: string): ComponentType<DocumentEditorProps> | undefined {
  return editors.get(collection);
}
