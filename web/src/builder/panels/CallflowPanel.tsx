import { useState } from 'react';
import type { FieldError } from '../../api/envelope';
import { useCollection } from '../../api/queries';
import { formatNumber } from '../../callflows/listing';
import { FieldErrorText } from '../../forms/FieldErrors';
import { isObject, type JsonObject } from '../../forms/jsonSchema';
import { Link } from '../../router/router';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/states';
import { testPattern, useNumberHolders } from '../numbers';

type CallflowPanelProps = {
  doc: JsonObject;
  callflowId: string | null;
  onChange: (doc: JsonObject, group?: string) => void;
  errorsFor: (field: string) => FieldError[];
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The callflow itself: its name, and the numbers, extensions and patterns that reach it. */
export function CallflowPanel({ doc, callflowId, onChange, errorsFor }: CallflowPanelProps) {
  const numbers = strings(doc.numbers);
  const patterns = strings(doc.patterns);
  const contactList = isObject(doc.contact_list) ? doc.contact_list : {};
  const set = (key: string, value: unknown, group?: string) => {
    const next = { ...doc };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next, group);
  };

  return (
    <div className="panel-body">
      <label className="field">
        <span className="field-label">Name</span>
        <input className="input" name="callflow-name" value={typeof doc.name === 'string' ? doc.name : ''} placeholder="Main number, Sales menu…"
          aria-invalid={errorsFor('name').length > 0} onChange={(e) => set('name', e.target.value || undefined, 'name')} />
        <FieldErrorText errors={errorsFor('name')} />
      </label>

      <section className="stack" aria-labelledby="numbers-title">
        <h3 id="numbers-title" className="panel-subtitle">Numbers and extensions</h3>
        <ul className="number-list" aria-label="Numbers">
          {numbers.map((n) => (
            <NumberRow key={n} number={n} callflowId={callflowId} onRemove={() => set('numbers', numbers.filter((x) => x !== n))} />
          ))}
          {numbers.length === 0 && <li className="subtle">No number yet: callers cannot reach this callflow until it has one (or a pattern).</li>}
        </ul>
        <FieldErrorText errors={errorsFor('numbers')} id="numbers-error" />
        <AddNumber existing={numbers} callflowId={callflowId} onAdd={(n) => set('numbers', [...numbers, n])} />
      </section>

      <section className="stack" aria-labelledby="patterns-title">
        <h3 id="patterns-title" className="panel-subtitle">Patterns</h3>
        <ul className="number-list" aria-label="Patterns">
          {patterns.map((p) => (
            <NumberRow key={p} number={p} pattern callflowId={callflowId} onRemove={() => set('patterns', patterns.filter((x) => x !== p))} />
          ))}
        </ul>
        <FieldErrorText errors={errorsFor('patterns')} />
        <AddPattern existing={patterns} onAdd={(p) => set('patterns', [...patterns, p])} />
      </section>

      <label className="checkbox">
        <input type="checkbox" checked={contactList.exclude === true}
          onChange={(e) => set('contact_list', { ...contactList, exclude: e.target.checked })} />
        Hide from the contact list
      </label>
      {isObject(doc.featurecode) && (
        <p className="subtle"><Icon name="hash" size={12} /> Feature code “{String(doc.featurecode.name ?? '')}” ({String(doc.featurecode.number ?? '')})</p>
      )}
    </div>
  );
}

function NumberRow({ number, pattern, callflowId, onRemove }: { number: string; pattern?: boolean; callflowId: string | null; onRemove: () => void }) {
  const holders = useNumberHolders(number, callflowId);
  const holder = holders.data?.[0];
  return (
    <li className="number-row">
      <span className={`number-chip${pattern ? ' number-chip-pattern' : ''}`}>{pattern ? number : formatNumber(number)}</span>
      {holder && (
        <span className="field-error">
          <Icon name="alert" size={12} />Also on <Link to={`/callflows/${holder.id}`}>{typeof holder.name === 'string' && holder.name ? holder.name : holder.id}</Link>
        </span>
      )}
      <span className="spacer" />
      <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove ${number}`} onClick={onRemove}><Icon name="x" size={14} /></button>
    </li>
  );
}

function AddNumber({ existing, callflowId, onAdd }: { existing: string[]; callflowId: string | null; onAdd: (n: string) => void }) {
  const [mode, setMode] = useState<'extension' | 'spare'>('extension');
  const [text, setText] = useState('');
  const spare = useCollection('phone_numbers', undefined, mode === 'spare');
  const candidate = text.trim();
  const holders = useNumberHolders(candidate, callflowId);
  const holder = holders.data?.[0];
  const duplicate = existing.includes(candidate);
  const available = (spare.data ?? [])
    .filter((n) => typeof n.number === 'string' && !existing.includes(n.number as string))
    .filter((n) => n.state === undefined || n.state === 'in_service' || n.state === 'port_in');

  const add = (n: string) => {
    if (!n || existing.includes(n)) return;
    onAdd(n);
    setText('');
  };

  return (
    <div className="add-number">
      <div className="segmented" role="tablist" aria-label="Kind of number">
        <button type="button" role="tab" aria-selected={mode === 'extension'} onClick={() => setMode('extension')}>Extension or number</button>
        <button type="button" role="tab" aria-selected={mode === 'spare'} onClick={() => setMode('spare')}>Spare numbers</button>
      </div>
      {mode === 'extension' ? (
        <form className="stack" style={{ gap: 4 }} onSubmit={(e) => { e.preventDefault(); add(candidate); }}>
          <div className="row">
            <input className="input" name="new-number" placeholder="2001, +14155550100" value={text} aria-label="New number or extension"
              onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="btn" disabled={!candidate || duplicate}><Icon name="plus" size={14} />Add</button>
          </div>
          {holders.isFetching && <Spinner label="Checking the number" />}
          {duplicate && <span className="field-help">Already on this callflow.</span>}
          {holder && !duplicate && (
            <span className="field-error" role="status">
              <Icon name="alert" size={12} />{candidate} is used by <Link to={`/callflows/${holder.id}`}>{typeof holder.name === 'string' && holder.name ? holder.name : holder.id}</Link>; saving will be refused until it is removed there.
            </span>
          )}
        </form>
      ) : (
        <div className="stack" style={{ gap: 4 }}>
          {spare.isLoading && <Spinner />}
          {spare.error && <span className="field-error">Could not load the account's numbers.</span>}
          {spare.data && available.length === 0 && <span className="subtle">The account has no spare number. Numbers are added to the account under Phone numbers.</span>}
          {available.length > 0 && (
            <select className="select" aria-label="Spare number" value="" onChange={(e) => add(e.target.value)}>
              <option value="">Choose a number…</option>
              {available.map((n) => <option key={n.id} value={n.number as string}>{formatNumber(n.number as string)}</option>)}
            </select>
          )}
        </div>
      )}
    </div>
  );
}

function AddPattern({ existing, onAdd }: { existing: string[]; onAdd: (p: string) => void }) {
  const [pattern, setPattern] = useState('');
  const [dialled, setDialled] = useState('');
  const test = pattern ? testPattern(pattern, dialled) : null;
  const invalid = test?.kind === 'invalid';
  return (
    <form className="stack add-number" style={{ gap: 6 }} onSubmit={(e) => {
      e.preventDefault();
      if (pattern && !invalid && !existing.includes(pattern)) { onAdd(pattern); setPattern(''); }
    }}>
      <div className="row">
        <input className="input mono" name="new-pattern" placeholder="^\*97(\d*)$" value={pattern} aria-label="New pattern" aria-invalid={invalid}
          onChange={(e) => setPattern(e.target.value)} />
        <button type="submit" className="btn" disabled={!pattern || invalid}><Icon name="plus" size={14} />Add</button>
      </div>
      {invalid && test.kind === 'invalid' && <span className="field-error">Not a valid pattern: {test.message}</span>}
      <div className="row">
        <label className="field-help" htmlFor="pattern-test">Test with a dialled number</label>
        <input id="pattern-test" className="input mono" style={{ maxWidth: 160 }} placeholder="*972001" value={dialled} onChange={(e) => setDialled(e.target.value)} />
      </div>
      {test && dialled && test.kind === 'match' && (
        <span className="pattern-result is-match" role="status">
          <Icon name="check" size={12} />Matches{test.captured !== undefined ? <>; captures <code>{test.captured}</code></> : ''}
        </span>
      )}
      {test && dialled && test.kind === 'no-match' && <span className="pattern-result" role="status"><Icon name="x" size={12} />Does not match</span>}
    </form>
  );
}
