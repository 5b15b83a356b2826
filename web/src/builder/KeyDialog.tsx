import { useState } from 'react';
import { useCollection } from '../api/queries';
import { displayName } from '../api/collections';
import { DocumentEditorDialog } from '../forms/DocumentEditorDialog';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { Spinner } from '../ui/states';
import type { KeyOptions } from './model/childKeys';

type KeyDialogProps = {
  title: string;
  options: KeyOptions;
  /** Keys the parent already uses (a rule already routed is not offered again). */
  used: ReadonlySet<string>;
  onChoose: (key: string) => void;
  onCancel: () => void;
};

/** Asks which branch of a keyed parent a new or moved node goes on: a menu key, a rule, a failure, a value. */
export function KeyDialog({ title, options, used, onChoose, onCancel }: KeyDialogProps) {
  const [text, setText] = useState('');
  const free = options.freeText;
  const invalid = free && text !== '' && ((free.pattern && !free.pattern.test(text)) || used.has(text));
  return (
    <Dialog title={title} onClose={onCancel}>
      {options.temporalRules && <RuleChoices used={used} onChoose={onChoose} />}
      {options.choices.length > 0 && (
        <div className="key-choices" role="group" aria-label="Branches">
          {options.choices.map((c) => (
            <button key={c.key} type="button" className="btn key-choice" data-key={c.key} onClick={() => onChoose(c.key)}>
              {c.label}
              {c.label !== c.key && <span className="subtle mono">{c.key}</span>}
            </button>
          ))}
        </div>
      )}
      {free && (
        <form className="field" onSubmit={(e) => { e.preventDefault(); if (text && !invalid) onChoose(text); }}>
          <label className="field-label" htmlFor="key-free">{free.label}</label>
          <div className="row">
            <input id="key-free" className="input" value={text} placeholder={free.placeholder} aria-invalid={Boolean(invalid)}
              onChange={(e) => setText(e.target.value.trim())} />
            <button type="submit" className="btn btn-primary" disabled={!text || Boolean(invalid)}>Use</button>
          </div>
          <span className={invalid ? 'field-error' : 'field-help'}>{invalid ? (used.has(text) ? 'That branch exists already.' : 'That is not a valid value here.') : free.hint}</span>
        </form>
      )}
      {options.choices.length === 0 && !free && !options.temporalRules && (
        <p className="muted">Every branch of this action is taken. Delete or move one first.</p>
      )}
    </Dialog>
  );
}

/** The account's time-of-day rules and sets as branches, with a rule created on the spot. */
function RuleChoices({ used, onChoose }: { used: ReadonlySet<string>; onChoose: (key: string) => void }) {
  const rules = useCollection('temporal_rules');
  const sets = useCollection('temporal_rules_sets');
  const [creating, setCreating] = useState<string | null>(null);
  const all = [...(rules.data ?? []).map((d) => ({ doc: d, kind: 'Rule' })), ...(sets.data ?? []).map((d) => ({ doc: d, kind: 'Set' }))]
    .filter((r) => !used.has(r.doc.id));
  return (
    <div className="stack">
      <div className="row">
        <strong>Time of day rules</strong>
        {(rules.isLoading || sets.isLoading) && <Spinner />}
        <span className="spacer" />
        <button type="button" className="btn btn-sm" onClick={() => setCreating('temporal_rules')}><Icon name="plus" size={14} />New rule</button>
        <button type="button" className="btn btn-sm" onClick={() => setCreating('temporal_rules_sets')}><Icon name="plus" size={14} />New set</button>
      </div>
      <div className="key-choices">
        {all.map(({ doc, kind }) => (
          <button key={doc.id} type="button" className="btn key-choice" data-key={doc.id} onClick={() => onChoose(doc.id)}>
            <Icon name="clock" size={14} />{displayName(doc)}<span className="badge">{kind}</span>
          </button>
        ))}
        {!rules.isLoading && all.length === 0 && <p className="subtle">No unused rule. Create one: it becomes this branch.</p>}
      </div>
      {creating && (
        <DocumentEditorDialog collection={creating} onClose={() => setCreating(null)} onSaved={(doc) => { setCreating(null); onChoose(doc.id); }} />
      )}
    </div>
  );
}
