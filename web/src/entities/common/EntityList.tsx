import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, describeError } from '../../api/ApiError';
import { request } from '../../api/client';
import { useAccountId, usePagedCollection } from '../../api/queries';
import { anySchema, type Doc } from '../../api/types';
import { Link, useRouter } from '../../router/router';
import { Icon, type IconName } from '../../ui/Icon';
import { InfiniteSentinel } from '../../ui/InfiniteSentinel';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../ui/states';
import { useToasts } from '../../ui/Toasts';
import { useDebounced } from '../../ui/useDebounced';
import { ConfirmDialog } from './ConfirmDialog';

export type RowView = { title: string; subtitle?: ReactNode; meta?: ReactNode; icon?: IconName };

export type EntityListProps = {
  collection: string;
  basePath: string;
  selectedId?: string;
  icon: IconName;
  noun: string;
  nounPlural: string;
  describe: (row: Doc) => RowView;
  emptyText: ReactNode;
  searchPlaceholder: string;
  /** Extra listing filters (`filter_*`, `has_key`) sent with every page. */
  filters?: Record<string, string>;
};

type Sort = 'name-asc' | 'name-desc';

/**
 * The list side of an entity page: a search box that asks the server (`/search`, by name and number), sorting,
 * infinite scroll on `next_start_key`, selection with a confirmed bulk delete, and the empty, loading and error states.
 */
export function EntityList(props: EntityListProps) {
  const { collection, basePath, selectedId, icon, noun, nounPlural, describe, emptyText, searchPlaceholder, filters } = props;
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const { navigate } = useRouter();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Sort>('name-asc');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const search = useDebounced(text.trim());
  // a server without KAZOO's /search is searched in the browser, over the rows loaded so far
  const [serverSearch, setServerSearch] = useState(true);
  const onServer = search !== '' && serverSearch;
  const query = useMemo(
    () => (onServer ? { ...filters, t: collection, q: 'name_and_number', v: search } : { ...filters }),
    [onServer, search, collection, filters],
  );
  const list = usePagedCollection(onServer ? 'search' : collection, query);
  useEffect(() => {
    if (onServer && list.error instanceof ApiError && list.error.isNotFound) setServerSearch(false);
  }, [onServer, list.error]);
  const rows = useMemo(() => {
    const needle = serverSearch ? '' : search.toLowerCase();
    const all = (list.data?.pages.flatMap((p) => p.rows) ?? []).map((row) => ({ row, view: describe(row) }))
      .filter(({ view }) => !needle || `${view.title} ${typeof view.subtitle === 'string' ? view.subtitle : ''}`.toLowerCase().includes(needle));
    const sign = sort === 'name-asc' ? 1 : -1;
    return all.sort((a, b) => sign * a.view.title.localeCompare(b.view.title, undefined, { numeric: true, sensitivity: 'base' }));
  }, [list.data, describe, sort, search, serverSearch]);
  const more = useCallback(() => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [list]);

  const toggle = (id: string) => setSelected((now) => {
    const next = new Set(now);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const allShown = rows.length > 0 && rows.every(({ row }) => selected.has(row.id));

  const deleteSelected = async () => {
    setDeleting(true);
    const failures = new Map<string, string>();
    for (const id of selected) {
      try {
        await request('DELETE', `/accounts/${accountId}/${collection}/${encodeURIComponent(id)}`, anySchema);
      } catch (e) {
        failures.set(id, `${rows.find((r) => r.row.id === id)?.view.title ?? id}: ${describeError(e)}`);
      }
    }
    setDeleting(false);
    setConfirming(false);
    const done = selected.size - failures.size;
    const openOneGone = selectedId !== undefined && selected.has(selectedId) && !failures.has(selectedId);
    setSelected(new Set());
    await queryClient.invalidateQueries({ queryKey: ['collection', accountId] });
    if (openOneGone) navigate(basePath);
    if (done > 0) toasts.notify(`${done} ${done === 1 ? noun : nounPlural} deleted.`);
    if (failures.size > 0) toasts.fail(`Not deleted: ${[...failures.values()].join('; ')}`);
  };

  return (
    <section className="entity-list card" aria-label={nounPlural}>
      <div className="entity-list-toolbar">
        <div className="search-box">
          <Icon name="search" />
          <input className="input" type="search" placeholder={searchPlaceholder} aria-label={`Search ${nounPlural}`}
            value={text} onChange={(e) => setText(e.target.value)} />
          {list.isFetching && !list.isFetchingNextPage && !list.isLoading && <Spinner label="Searching" />}
        </div>
        <select className="select entity-sort" aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="name-asc">Name A–Z</option>
          <option value="name-desc">Name Z–A</option>
        </select>
      </div>
      {rows.length > 0 && (
        <div className="entity-list-bar">
          <label className="checkbox">
            <input type="checkbox" checked={allShown} aria-label={`Select all ${rows.length} shown`}
              onChange={() => setSelected(allShown ? new Set() : new Set(rows.map((r) => r.row.id)))} />
            <span className="subtle">{selected.size > 0 ? `${selected.size} selected` : `${rows.length}${list.hasNextPage ? '+' : ''} ${rows.length === 1 ? noun : nounPlural}`}</span>
          </label>
          <span className="spacer" />
          {selected.size > 0 && (
            <button type="button" className="btn btn-sm btn-danger" onClick={() => setConfirming(true)}>
              <Icon name="trash" size={14} />Delete {selected.size}
            </button>
          )}
        </div>
      )}
      <div className="entity-rows" role="list" aria-busy={list.isLoading}>
        {list.isLoading && <LoadingState label={`Loading ${nounPlural}…`} />}
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && rows.length === 0 && (search ? (
          <EmptyState icon="search" title={`No ${nounPlural} match “${search}”`}>Try part of the name or number.</EmptyState>
        ) : (
          <EmptyState icon={icon} title={`No ${nounPlural} yet`}
            action={<Link to={`${basePath}/new`} className="btn btn-primary"><Icon name="plus" />Add a {noun}</Link>}>
            {emptyText}
          </EmptyState>
        ))}
        {rows.map(({ row, view }) => (
          <div key={row.id} role="listitem" className={`entity-row${row.id === selectedId ? ' is-selected' : ''}`}>
            <input type="checkbox" className="entity-row-check" checked={selected.has(row.id)} onChange={() => toggle(row.id)}
              aria-label={`Select ${view.title}`} />
            <Link to={`${basePath}/${encodeURIComponent(row.id)}`} className="entity-row-link"
              aria-current={row.id === selectedId ? 'true' : undefined}>
              <span className="entity-row-icon"><Icon name={view.icon ?? icon} /></span>
              <span className="entity-row-main">
                <span className="entity-row-title">{view.title}</span>
                {view.subtitle && <span className="entity-row-subtitle">{view.subtitle}</span>}
              </span>
              {view.meta && <span className="entity-row-meta">{view.meta}</span>}
            </Link>
          </div>
        ))}
        {list.isFetchingNextPage && <div className="list-more"><Spinner label="Loading more" /></div>}
        <InfiniteSentinel onVisible={more} disabled={!list.hasNextPage} />
      </div>
      {confirming && (
        <ConfirmDialog title={`Delete ${selected.size} ${selected.size === 1 ? noun : nounPlural}?`}
          confirmLabel={`Delete ${selected.size}`} busy={deleting}
          onConfirm={() => void deleteSelected()} onCancel={() => setConfirming(false)}>
          <p>These will be deleted. Callflows that use them will no longer reach them. This cannot be undone.</p>
          <ul className="confirm-list">
            {rows.filter((r) => selected.has(r.row.id)).slice(0, 12).map((r) => <li key={r.row.id}>{r.view.title}</li>)}
            {selected.size > 12 && <li>… and {selected.size - 12} more</li>}
          </ul>
        </ConfirmDialog>
      )}
    </section>
  );
}
