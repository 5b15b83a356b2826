import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/states';
import type { RegistrationState } from './registrations';

const LABEL = { registered: 'Registered', unregistered: 'Not registered', unknown: 'Status unknown', loading: 'Checking…' };

/** Registered / not / unknown as an icon and a word as well as a colour, so it reads without colour vision. */
export function RegistrationBadge({ state, quiet }: { state: RegistrationState; /** say nothing when unknown (list rows) */ quiet?: boolean }) {
  if (quiet && (state.kind === 'unknown' || state.kind === 'loading')) return null;
  if (state.kind === 'loading') return <span className="badge"><Spinner label="Checking registration" /></span>;
  const cls = state.kind === 'registered' ? 'badge-success' : state.kind === 'unregistered' ? 'badge-warning' : '';
  const icon = state.kind === 'registered' ? 'check' : state.kind === 'unregistered' ? 'phoneOff' : 'info';
  return (
    <span className={`badge ${cls}`} title={state.kind === 'unknown' ? state.reason : undefined} data-registration={state.kind}>
      <Icon name={icon} size={12} />{LABEL[state.kind]}
    </span>
  );
}

/** The device's registrations in full: where the phone is, what it is, and when its registration lapses. */
export function RegistrationDetails({ state }: { state: RegistrationState }) {
  return (
    <section className="section" aria-label="Registration">
      <div className="section-header">
        <Icon name="link" />
        <h3>Registration</h3>
        <span className="spacer" />
        <RegistrationBadge state={state} />
      </div>
      <div className="section-body">
        {state.kind === 'unknown' && <span className="muted">{state.reason} It is checked again when you come back to this page.</span>}
        {state.kind === 'unregistered' && (
          <span className="muted">No phone has registered with these credentials. Enter the user name, password and realm below in the phone; this updates every 10 seconds.</span>
        )}
        {state.kind === 'registered' && state.registrations.map((r, i) => (
          <dl key={i} className="kv">
            {r.contact && <><dt>Contact</dt><dd className="mono">{r.contact}</dd></>}
            {r.userAgent && <><dt>Phone</dt><dd>{r.userAgent}</dd></>}
            {r.source && <><dt>From</dt><dd className="mono">{r.source}</dd></>}
            {r.expiresAt !== undefined && <><dt>Expires</dt><dd>{new Date(r.expiresAt).toLocaleTimeString()}</dd></>}
          </dl>
        ))}
      </div>
    </section>
  );
}
