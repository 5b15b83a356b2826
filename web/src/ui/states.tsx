import type { ReactNode } from 'react';
import { describeError } from '../api/ApiError';
import { Icon, type IconName } from './Icon';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return <span className="spinner" role="status" aria-label={label} />;
}

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state" aria-busy="true">
      <Spinner label={label} />
      <span>{label}</span>
    </div>
  );
}

/** What an empty screen says: what would be here, and what to do about it. */
export function EmptyState({ icon, title, children, action }: { icon: IconName; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state">
      <div className="state-icon"><Icon name={icon} size={22} /></div>
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="state" role="alert">
      <div className="state-icon" style={{ color: 'var(--color-danger)' }}><Icon name="alert" size={22} /></div>
      <h3>{title}</h3>
      <p>{describeError(error)}</p>
      {onRetry && <button type="button" className="btn" onClick={onRetry}><Icon name="refresh" />Try again</button>}
    </div>
  );
}
