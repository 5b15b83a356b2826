import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { request } from '../api/client';
import { accountSchema } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useRouter } from '../router/router';
import { Icon } from '../ui/Icon';
import { Spinner } from '../ui/states';

/** Lets a reseller work inside any of its sub-accounts (and come back); others just see their account's name. */
export function AccountSwitcher() {
  const { session, switchAccount } = useAuth();
  const { navigate } = useRouter();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const descendants = useQuery({
    queryKey: ['descendants', session?.accountId],
    queryFn: ({ signal }) => request('GET', `/accounts/${session!.accountId}/descendants`, z.array(accountSchema), { signal })
      .then((env) => env.data),
    enabled: Boolean(session),
  });

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!box.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  if (!session) return null;
  const subAccounts = descendants.data ?? [];
  const switched = session.actingAccountId !== session.accountId;
  if (subAccounts.length === 0 && !switched) {
    return <span className="topbar-account"><Icon name="building" />{session.actingAccountName}</span>;
  }
  const choose = (id: string, name: string) => {
    switchAccount(id, name);
    setOpen(false);
    navigate('/callflows');
  };
  const shown = [{ id: session.accountId, name: session.accountName, own: true }, ...subAccounts.map((a) => ({ id: a.id, name: a.name ?? a.id, own: false }))]
    .filter((a) => a.name.toLowerCase().includes(filter.toLowerCase()));

  return (
    <div className="account-switcher" ref={box}>
      <button
        type="button"
        className={`btn btn-ghost topbar-account${switched ? ' is-switched' : ''}`}
        aria-haspopup="listbox"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Switch account"
      >
        <Icon name="building" />
        <span>{session.actingAccountName}</span>
        {switched && <span className="badge badge-warning">sub-account</span>}
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <div className="popover account-popover">
          <input
            className="input"
            placeholder="Find an account"
            value={filter}
            autoFocus
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}
            aria-label="Find an account"
          />
          {descendants.isLoading && <Spinner />}
          <ul role="listbox" aria-label="Accounts" className="popover-list">
            {shown.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  role="option"
                  aria-selected={a.id === session.actingAccountId}
                  className="popover-item"
                  onClick={() => choose(a.id, a.name)}
                >
                  <Icon name={a.own ? 'building' : 'chevronRight'} />
                  <span>{a.name}</span>
                  {a.own && <span className="subtle">your account</span>}
                  {a.id === session.actingAccountId && <Icon name="check" />}
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="subtle" style={{ padding: 8 }}>No account matches.</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
