import { useQueries } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { request } from '../api/client';
import { collectionInfo, displayName } from '../api/collections';
import { queryKeys, useAccountId } from '../api/queries';
import { documentListSchema, type Doc } from '../api/types';
import { byName } from '../ui/byName';
import { Icon } from '../ui/Icon';
import { Spinner } from '../ui/states';
import { DocumentEditorDialog } from './DocumentEditorDialog';

export type DocumentPickerProps = {
  /** One collection (`users`), or several a field may point into (`devices`, `users`, `groups`). */
  collections: string[];
  value: string | undefined;
  onChange: (id: string | undefined, collection?: string) => void;
  id?: string;
  invalid?: boolean;
  /** Offer "New …" and "Edit" (a dialog over the current screen). */
  editable?: boolean;
  placeholder?: string;
};

type Option = { id: string; name: string; collection: string; detail?: string };

/**
 * Picks a document by name from one or more collections, searching as one types; "New" and "Edit" open the
 * document's editor in a dialog and pick what was saved.
 */
export function DocumentPicker({ collections, value, onChange, id, invalid, editable = true, placeholder }: DocumentPickerProps) {
  const accountId = useAccountId();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<{ collection: string; id?: string } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const lists = useQueries({
    queries: collections.map((collection) => ({
      queryKey: queryKeys.collection(accountId, collection, { paginate: false }),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request('GET', `/accounts/${accountId}/${collection}`, documentListSchema, { query: { paginate: false }, signal })
          .then((env) => env.data as Doc[]),
    })),
  });
  const loading = lists.some((l) => l.isLoading);
  const failed = lists.find((l) => l.error)?.error;

  const options: Option[] = useMemo(() => lists.flatMap((list, i) => (list.data ?? []).map((doc) => ({
    id: doc.id,
    name: displayName(doc),
    collection: collections[i],
    detail: Array.isArray(doc.numbers) ? (doc.numbers as string[]).join(', ') : typeof doc.mailbox === 'string' ? doc.mailbox : undefined,
  }))).sort((a, b) => byName(a.name, b.name)), [lists, collections]);

  const selected = options.find((o) => o.id === value);
  const shown = options.filter((o) => `${o.name} ${o.detail ?? ''} ${o.id}`.toLowerCase().includes(text.toLowerCase()));

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!box.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const choose = (option: Option | undefined) => {
    onChange(option?.id, option?.collection);
    setOpen(false);
    setText('');
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, shown.length - 1)); }
    if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    if (e.key === 'Enter' && open) { e.preventDefault(); choose(shown[active]); }
    if (e.key === 'Escape' && open) { e.stopPropagation(); setOpen(false); }
  };

  const labels = collections.map((c) => collectionInfo(c).label.toLowerCase());
  const noun = labels.join(' or ');

  return (
    <div className="picker" ref={box}>
      <div className="picker-control">
        <input
          id={id}
          className="input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-invalid={invalid}
          aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
          placeholder={selected ? selected.name : placeholder ?? `Choose a ${noun}`}
          value={open ? text : selected?.name ?? (value ? `${value} (not found)` : '')}
          onFocus={() => { setOpen(true); setActive(0); }}
          onChange={(e) => { setText(e.target.value); setOpen(true); setActive(0); }}
          onKeyDown={onKeyDown}
        />
        {loading && <Spinner />}
        {value && (
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Clear" onClick={() => choose(undefined)}>
            <Icon name="x" size={14} />
          </button>
        )}
        {editable && value && selected && (
          <button type="button" className="btn btn-sm" onClick={() => setEditing({ collection: selected.collection, id: value })}>
            <Icon name="settings" size={14} />Edit
          </button>
        )}
        {editable && (
          collections.length === 1 ? (
            <button type="button" className="btn btn-sm" onClick={() => setEditing({ collection: collections[0] })}>
              <Icon name="plus" size={14} />New
            </button>
          ) : (
            <select className="select picker-new" aria-label={`New ${noun}`} value="" onChange={(e) => e.target.value && setEditing({ collection: e.target.value })}>
              <option value="">+ New…</option>
              {collections.map((c) => <option key={c} value={c}>{collectionInfo(c).label}</option>)}
            </select>
          )
        )}
      </div>
      {open && (
        <ul id={listId} role="listbox" className="picker-list" aria-label={`${noun} choices`}>
          {failed && <li className="field-error" style={{ padding: 8 }}>Could not load the list: {String((failed as Error).message)}</li>}
          {!loading && !failed && shown.length === 0 && (
            <li className="subtle" style={{ padding: 8 }}>
              {options.length === 0 ? `There is no ${noun} yet.${editable ? ' Create one with “New”.' : ''}` : 'Nothing matches.'}
            </li>
          )}
          {shown.slice(0, 200).map((o, i) => (
            <li
              key={`${o.collection}/${o.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={o.id === value}
              className={`picker-option${i === active ? ' is-active' : ''}`}
              onMouseDown={(e) => { e.preventDefault(); choose(o); }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="picker-option-name">{o.name}</span>
              {o.detail && <span className="subtle mono">{o.detail}</span>}
              {collections.length > 1 && <span className="badge">{collectionInfo(o.collection).label}</span>}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <DocumentEditorDialog
          collection={editing.collection}
          id={editing.id}
          onClose={() => setEditing(null)}
          onSaved={(doc) => { setEditing(null); onChange(doc.id, editing.collection); }}
        />
      )}
    </div>
  );
}
