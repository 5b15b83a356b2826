import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, describeError } from '../../api/ApiError';
import { useRouter } from '../../router/router';
import { Icon, type IconName } from '../../ui/Icon';
import { ErrorState, LoadingState } from '../../ui/states';
import { useToasts } from '../../ui/Toasts';
import { ConfirmDialog } from './ConfirmDialog';
import type { EntityEditor } from './useEntityEditor';

type Props = {
  editor: EntityEditor;
  icon: IconName;
  /** One document of the kind, lower case ("device"). */
  noun: string;
  title: string;
  /** Where the list lives (`/devices`); the panel closes to it and opens saved documents under it. */
  basePath: string;
  /** Checks before saving; a message stops the save and is shown. */
  validate?: () => string | null;
  /** A document that is always there (the account): no Delete, no Close. */
  standalone?: boolean;
  /** Saves more than the document (an upload after the media document exists); gets the saved id. */
  afterSave?: (id: string) => Promise<void>;
  children: ReactNode;
};

/**
 * The editor side of an entity page: title, Save and Delete, unsaved-change tracking (the navigation asks before
 * throwing changes away), the conflict banner when someone else saved first, and the errors the server gave.
 */
export function EditorPanel({ editor, icon, noun, title, basePath, standalone, validate, afterSave, children }: Props) {
  const { navigate, setGuard } = useRouter();
  const toasts = useToasts();
  const [confirming, setConfirming] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  useEffect(() => {
    setGuard(editor.dirty ? () => window.confirm(`The ${noun} has unsaved changes. Leave without saving?`) : null);
    return () => setGuard(null);
  }, [editor.dirty, noun, setGuard]);

  useEffect(() => {
    if (!editor.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editor.dirty]);

  const onSave = () => {
    const problem = validate?.() ?? null;
    setLocalError(problem);
    if (problem || !editor.draft) return;
    editor.save.mutate(editor.draft, {
      onSuccess: async (env) => {
        const id = String((env.data as { id: string }).id);
        try {
          await afterSave?.(id);
          toasts.notify(editor.isNew ? `The ${noun} was created.` : 'Saved.');
        } catch (e) {
          setLocalError(describeError(e));
          toasts.fail(describeError(e));
        }
        if (editor.isNew) {
          setGuard(null);
          navigate(`${basePath}/${encodeURIComponent(id)}`, { replace: true });
        }
      },
    });
  };

  const onDelete = () => editor.remove.mutate(undefined, {
    onSuccess: () => {
      setConfirming(false);
      toasts.notify(`The ${noun} was deleted.`);
      setGuard(null);
      navigate(basePath);
    },
    onError: () => setConfirming(false),
  });

  const close = () => navigate(basePath);
  const failure = editor.save.error ?? editor.remove.error;
  const fieldLevel = failure instanceof ApiError && Object.keys(failure.fieldErrors).length > 0;

  return (
    <section className="editor-panel card" aria-label={title}
      onKeyDown={(e) => { if (e.key === 'Escape' && !standalone && !confirming && !e.defaultPrevented) close(); }}>
      <header className="editor-header">
        <span className="editor-icon"><Icon name={icon} size={18} /></span>
        <h2 className="editor-title">{title}</h2>
        {editor.dirty && <span className="badge badge-warning" title="Not saved yet"><Icon name="info" size={12} />Unsaved</span>}
        <span className="spacer" />
        {!editor.isNew && !standalone && (
          <button type="button" className="btn btn-ghost btn-danger" onClick={() => setConfirming(true)} disabled={editor.loading}>
            <Icon name="trash" />Delete
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onSave}
          disabled={editor.loading || !editor.draft || editor.save.isPending || (!editor.dirty && !editor.isNew)}>
          <Icon name="check" />{editor.save.isPending ? 'Saving…' : editor.isNew ? `Create ${noun}` : 'Save'}
        </button>
        {!standalone && (
          <button type="button" className="btn btn-ghost btn-icon" onClick={close} aria-label="Close the editor">
            <Icon name="x" />
          </button>
        )}
      </header>
      <div className="editor-body">
        {editor.conflict && (
          <div className="banner banner-warning" role="alert">
            <Icon name="alert" />
            <div className="stack" style={{ gap: 6 }}>
              <span>Someone else changed this {noun} after you opened it. Saving now would overwrite their changes.</span>
              <span>
                <button type="button" className="btn btn-sm" onClick={() => void editor.reload()}>
                  <Icon name="refresh" size={14} />Reload their version (your changes are lost)
                </button>
              </span>
            </div>
          </div>
        )}
        {!editor.conflict && failure && !fieldLevel && (
          <div className="banner banner-danger" role="alert"><Icon name="alert" /><span>{describeError(failure)}</span></div>
        )}
        {fieldLevel && (
          <div className="banner banner-danger" role="alert"><Icon name="alert" /><span>Some fields need attention; see the messages next to them.</span></div>
        )}
        {localError && <div className="banner banner-danger" role="alert"><Icon name="alert" /><span>{localError}</span></div>}
        {editor.loadError ? (
          <ErrorState error={editor.loadError} title={`This ${noun} could not be loaded`} onRetry={() => void editor.reload()} />
        ) : editor.loading || !editor.draft ? <LoadingState /> : children}
      </div>
      {confirming && (
        <ConfirmDialog title={`Delete this ${noun}?`} confirmLabel={`Delete ${noun}`} busy={editor.remove.isPending}
          onConfirm={onDelete} onCancel={() => setConfirming(false)}>
          <p><strong>{title}</strong> will be deleted. Callflows that use it will no longer reach it. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
