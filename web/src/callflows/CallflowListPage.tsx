import { useCallback, useMemo, useState } from 'react';
import { usePagedCollection } from '../api/queries';
import type { Doc } from '../api/types';
import { Link, useRouter } from '../router/router';
import { Icon } from '../ui/Icon';
import { InfiniteSentinel } from '../ui/InfiniteSentinel';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../ui/states';
import { useDebounced } from '../ui/useDebounced';
import { formatNumber, listingQuery, type CallflowListKind } from './listing';
import './callflows.css';

/**
 * The callflows of the account (or its feature codes), searched on the server by name or number, a page at a time
 * as the list scrolls.
 */
export function CallflowListPage({ kind }: { kind: CallflowListKind }) {
  const { navigate } = useRouter();
  const [text, setText] = useState('');
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

  return (
    <div className="page">
      <PageHeader
        icon={featureCodes ? 'hash' : 'flow'}
        title={featureCodes ? 'Feature codes' : 'Callflows'}
        subtitle={featureCodes
          ? 'Star codes callers dial for features: call forwarding, voicemail, parking, hot desking.'
          : 'What happens when a number or extension is called.'}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => navigate('/callflows/new')}>
            <Icon name="plus" />New callflow
          </button>
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
        {rows.map((row) => <CallflowRow key={row.id} row={row} />)}
        {list.isFetchingNextPage && <div className="list-more"><Spinner label="Loading more" /></div>}
        <InfiniteSentinel onVisible={more} disabled={!list.hasNextPage} />
      </div>
    </div>
  );
}

function CallflowRow({ row }: { row: Doc }) {
  const numbers = Array.isArray(row.numbers) ? (row.numbers as string[]) : [];
  const patterns = Array.isArray(row.patterns) ? (row.patterns as string[]) : [];
  const modules = Array.isArray(row.modules) ? (row.modules as string[]) : [];
  const name = typeof row.name === 'string' && row.name ? row.name : undefined;
  const featurecode = row.featurecode && typeof row.featurecode === 'object' ? (row.featurecode as { name?: string }) : null;
  return (
    <Link to={`/callflows/${encodeURIComponent(row.id)}`} className="callflow-row" role="listitem">
      <span className="callflow-row-icon"><Icon name={featurecode ? 'hash' : 'flow'} /></span>
      <span className="callflow-row-main">
        <span className="callflow-row-name">{name ?? (numbers.map(formatNumber).join(', ') || '(unnamed)')}</span>
        <span className="callflow-row-numbers">
          {numbers.map((n) => <span key={n} className="number-chip">{formatNumber(n)}</span>)}
          {patterns.map((p) => <span key={p} className="number-chip number-chip-pattern" title="Pattern">{p}</span>)}
          {numbers.length === 0 && patterns.length === 0 && <span className="subtle">No number</span>}
        </span>
      </span>
      <span className="callflow-row-modules subtle">{modules.slice(0, 4).join(' → ')}{modules.length > 4 ? ' …' : ''}</span>
      <Icon name="chevronRight" />
    </Link>
  );
}
