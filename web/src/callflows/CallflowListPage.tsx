import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError } from '../api/ApiError';
import { request } from '../api/client';
import { useAccountId, usePagedCollection } from '../api/queries';
import { documentSchema, type Doc } from '../api/types';
import { schemasQuery } from '../builder/catalog';
import { exportFile } from '../builder/exportImport';
import { Link, useRouter } from '../router/router';
import { Icon } from '../ui/Icon';
import { InfiniteSentinel } from '../ui/InfiniteSentinel';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../ui/states';
import { useToasts } from '../ui/Toasts';
import { useDebounced } from '../ui/useDebounced';
import { ImportDialog } from './ImportDialog';
import { formatNumber, listingQuery, type CallflowListKind } from './listing';
import './callflows.css';

/**
 * The callflows of the account (or its feature codes), searched on the server by name or number, a page at a time
 * as the list scrolls.
 */
export function CallflowListPage({ kind }: { kind: CallflowListKind }) {
  const { navigate } = useRouter();
  const accountId = useAccountId();
  const toasts = useToasts();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [importing, setImporting] = useState(false);
  const queryClient = useQueryClient();

  // the builder is where people go from here: its code and the schemas load while they look at the list
  useEffect(() => {
    const idle = window.setTimeout(() => {
      void import('../builder/BuilderPage');
      void queryClient.prefetchQuery(schemasQuery(queryClient));
    }, 300);
    return () => window.clearTimeout(idle);
  }, [queryClient]);
  const [showSystem, setShowSystem] = useState(false);
  const search = useDebounced(text.trim());
  const query = useMemo(() => {
    const filters = listingQuery(kind, showSystem);
    return search ? { ...filters, t: 'callflow', q: 'name_and_number', v: search } : filters;
  }, [kind, showSystem, search]);
  const list = usePagedCollection(search ? 'search' : 'callflows', query);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const more = useCallback(() => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [list]);
  const featureCodes = kind === 'featurecodes';
  const exporting = useMutation({
    mutationFn: async (ids: string[]) => Promise.all(ids.map(async (id) =>
      (await request('GET', `/accounts/${accountId}/callflows/${id}`, documentSchema)).data)),
    onSuccess: (docs) => {
      exportFile(docs, docs.length === 1 && typeof docs[0].name === 'string' ? docs[0].name : `callflows-${docs.length}`);
      toasts.notify(`Exported ${docs.length} callflow${docs.length === 1 ? '' : 's'}.`);
    },
    onError: (e) => toasts.fail(`Not exported: ${describeError(e)}`),
  });
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  return (
    <div className="page">
      <PageHeader
        icon={featureCodes ? 'hash' : 'flow'}
        title={featureCodes ? 'Feature codes' : 'Callflows'}
        subtitle={featureCodes
          ? 'Star codes callers dial for features: call forwarding, voicemail, parking, hot desking.'
          : 'What happens when a number or extension is called.'}
        actions={
          <div className="row">
            <button type="button" className="btn" onClick={() => setImporting(true)}><Icon name="upload" />Import</button>
            <button type="button" className="btn" disabled={chosen.size === 0 || exporting.isPending}
              onClick={() => exporting.mutate([...chosen])} title="Export the selected callflows as JSON">
              <Icon name="download" />Export{chosen.size > 0 ? ` ${chosen.size}` : ''}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => navigate('/callflows/new')}>
              <Icon name="plus" />New callflow
            </button>
          </div>
        }
      />
      <div className="list-toolbar">
        <div className="search-box">
          <Icon name="search" />
          <input
            className="input"
            type="search"
            placeholder={featureCodes ? 'Search feature codes by name or number' : 'Search by name or number'}
            aria-label="Search callflows"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {list.isFetching && !list.isFetchingNextPage && <Spinner label="Searching" />}
        </div>
        {!featureCodes && (
          <label className="checkbox" title="The catch-all and callflows other applications created">
            <input type="checkbox" checked={showSystem} onChange={(e) => setShowSystem(e.target.checked)} />
            Show system callflows
          </label>
        )}
      </div>
      <div className="card callflow-list" role="list" aria-busy={list.isLoading}>
        {list.isLoading && <LoadingState label="Loading callflows…" />}
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && rows.length === 0 && (
          search ? (
            <EmptyState icon="search" title={`Nothing matches “${search}”`}>
              Try part of the name, or the number without spaces or +.
            </EmptyState>
          ) : (
            <EmptyState icon={featureCodes ? 'hash' : 'flow'} title={featureCodes ? 'No feature codes yet' : 'No callflows yet'}
              action={<button type="button" className="btn btn-primary" onClick={() => navigate('/callflows/new')}><Icon name="plus" />Build your first callflow</button>}>
              {featureCodes
                ? 'Feature codes are callflows with a featurecode name, for example *97 to check voicemail.'
                : 'A callflow answers numbers and extensions and routes the call: ring a user, play a menu, take a message.'}
            </EmptyState>
          )
        )}
        {rows.map((row) => <CallflowRow key={row.id} row={row} chosen={chosen.has(row.id)} onToggle={() => toggle(row.id)} />)}
        {list.isFetchingNextPage && <div className="list-more"><Spinner label="Loading more" /></div>}
        <InfiniteSentinel onVisible={more} disabled={!list.hasNextPage} />
      </div>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}

function CallflowRow({ row, chosen, onToggle }: { row: Doc; chosen: boolean; onToggle: () => void }) {
  const numbers = Array.isArray(row.numbers) ? (row.numbers as string[]) : [];
  const patterns = Array.isArray(row.patterns) ? (row.patterns as string[]) : [];
  const modules = Array.isArray(row.modules) ? (row.modules as string[]) : [];
  const name = typeof row.name === 'string' && row.name ? row.name : undefined;
  const featurecode = row.featurecode && typeof row.featurecode === 'object' ? (row.featurecode as { name?: string }) : null;
  const title = name ?? (numbers.map(formatNumber).join(', ') || '(unnamed)');
  return (
    <div className={`callflow-row${chosen ? ' is-chosen' : ''}`} role="listitem">
      <input type="checkbox" className="callflow-row-check" checked={chosen} onChange={onToggle} aria-label={`Select ${title}`} />
      <Link to={`/callflows/${encodeURIComponent(row.id)}`} className="callflow-row-link">
      <span className="callflow-row-icon"><Icon name={featurecode ? 'hash' : 'flow'} /></span>
      <span className="callflow-row-main">
        <span className="callflow-row-name">{title}</span>
        <span className="callflow-row-numbers">
          {numbers.map((n) => <span key={n} className="number-chip">{formatNumber(n)}</span>)}
          {patterns.map((p) => <span key={p} className="number-chip number-chip-pattern" title="Pattern">{p}</span>)}
          {numbers.length === 0 && patterns.length === 0 && <span className="subtle">No number</span>}
        </span>
      </span>
      <span className="callflow-row-modules subtle">{modules.slice(0, 4).join(' → ')}{modules.length > 4 ? ' …' : ''}</span>
      <Icon name="chevronRight" />
      </Link>
    </div>
  );
}
