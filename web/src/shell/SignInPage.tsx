import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/ApiError';
import { useAuth } from '../auth/AuthContext';
import { Icon } from '../ui/Icon';

export function SignInPage() {
  const { signIn, endedReason } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [account, setAccount] = useState(() => localStorage.getItem('switchboard.lastAccount') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password, account);
      localStorage.setItem('switchboard.lastAccount', account.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (name: string) => error instanceof ApiError ? error.errorsFor(name)[0]?.message : undefined;

  return (
    <div className="signin">
      <form className="card signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="row" style={{ gap: 'var(--space-3)' }}>
          <span className="brand-mark brand-mark-lg" aria-hidden="true"><Icon name="flow" size={22} /></span>
          <div>
            <h1 id="signin-title">Sign in to Switchboard</h1>
            <p className="muted">Build and test your callflows.</p>
          </div>
        </div>
        {endedReason && !error && <div className="banner banner-info"><Icon name="info" />{endedReason}</div>}
        {error !== null && (
          <div className="banner banner-danger" role="alert"><Icon name="alert" />{describeError(error)}</div>
        )}
        <label className="field">
          <span className="field-label">User name</span>
          <input className="input" name="username" autoComplete="username" required autoFocus value={username}
            onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input className="input" name="password" type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Account name</span>
          <input className="input" name="account" autoComplete="organization" required value={account}
            aria-invalid={Boolean(fieldError('account_name'))} onChange={(e) => setAccount(e.target.value)} />
          {fieldError('account_name') && <span className="field-error">{fieldError('account_name')}</span>}
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} style={{ height: 38 }}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
