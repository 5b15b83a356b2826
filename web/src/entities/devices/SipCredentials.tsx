import { useId, useState } from 'react';
import type { FieldError } from '../../api/envelope';
import { FieldErrorText } from '../../forms/FieldErrors';
import { isObject, setKey, type JsonObject } from '../../forms/jsonSchema';
import { Icon } from '../../ui/Icon';
import { useToasts } from '../../ui/Toasts';
import { generateSipPassword, generateSipUsername } from './credentials';

type Props = {
  sip: JsonObject;
  onChange: (sip: JsonObject) => void;
  /** The account's SIP realm: where the phone registers. */
  realm: string | undefined;
  errors: Record<string, FieldError[]>;
};

/** What to type into the phone: user name, password (hidden until asked, copyable, regenerable) and realm. */
export function SipCredentials({ sip, onChange, realm, errors }: Props) {
  const toasts = useToasts();
  const ids = { user: useId(), pass: useId() };
  const [shown, setShown] = useState(false);
  const username = typeof sip.username === 'string' ? sip.username : '';
  const password = typeof sip.password === 'string' ? sip.password : '';
  const ipAuth = sip.method === 'ip';
  const copy = async (label: string, value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      toasts.notify(`${label} copied.`);
    } catch {
      toasts.fail(`The browser did not allow copying; select the ${label.toLowerCase()} and copy it by hand.`);
    }
  };

  return (
    <section className="section" aria-label="SIP credentials">
      <div className="section-header">
        <Icon name="lock" />
        <h3>SIP credentials</h3>
        <span className="spacer" />
        {ipAuth && <span className="badge">Authenticates by IP</span>}
      </div>
      <div className="section-body">
        <div className="field">
          <label className="field-label" htmlFor={ids.user}>User name</label>
          <div className="row">
            <input id={ids.user} className="input mono" value={username} autoComplete="off" spellCheck={false}
              aria-invalid={(errors['sip.username'] ?? []).length > 0}
              onChange={(e) => onChange(setKey(sip, 'username', e.target.value || undefined))} />
            <button type="button" className="btn btn-icon" aria-label="Copy the user name" title="Copy" disabled={!username}
              onClick={() => void copy('User name', username)}><Icon name="copy" /></button>
          </div>
          <FieldErrorText errors={errors['sip.username'] ?? []} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.pass}>Password</label>
          <div className="row">
            <input id={ids.pass} className="input mono" type={shown ? 'text' : 'password'} value={password} autoComplete="new-password"
              spellCheck={false} aria-invalid={(errors['sip.password'] ?? []).length > 0}
              onChange={(e) => onChange(setKey(sip, 'password', e.target.value || undefined))} />
            <button type="button" className="btn btn-icon" aria-label={shown ? 'Hide the password' : 'Show the password'}
              title={shown ? 'Hide' : 'Show'} aria-pressed={shown} onClick={() => setShown(!shown)}>
              <Icon name={shown ? 'eyeOff' : 'eye'} />
            </button>
            <button type="button" className="btn btn-icon" aria-label="Copy the password" title="Copy" disabled={!password}
              onClick={() => void copy('Password', password)}><Icon name="copy" /></button>
            <button type="button" className="btn" title="Make a new random password; the phone needs it before it can register again"
              onClick={() => { onChange(setKey(sip, 'password', generateSipPassword())); setShown(true); }}>
              <Icon name="refresh" />Regenerate
            </button>
          </div>
          <FieldErrorText errors={errors['sip.password'] ?? []} />
        </div>
        <dl className="kv">
          <dt>Realm</dt>
          <dd>
            <span className="mono" data-testid="sip-realm">{realm ?? '…'}</span>
            {realm && <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Copy the realm" title="Copy"
              onClick={() => void copy('Realm', realm)}><Icon name="copy" size={14} /></button>}
          </dd>
        </dl>
        <span className="field-help">The realm is the account's; the phone registers to it with this user name and password.</span>
      </div>
    </section>
  );
}

/** A new device's SIP settings: password authentication with fresh random credentials. */
export function newSipSettings(): JsonObject {
  return { method: 'password', username: generateSipUsername(), password: generateSipPassword() };
}

export function sipOf(draft: JsonObject): JsonObject {
  return isObject(draft.sip) ? draft.sip : {};
}
