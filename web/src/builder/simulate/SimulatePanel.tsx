import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { ApiError, describeError } from '../../api/ApiError';
import { request } from '../../api/client';
import { useAccountId } from '../../api/queries';
import { formatNumber } from '../../callflows/listing';
import { Icon } from '../../ui/Icon';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../ui/states';
import { describeCause, describeEvent, traceResponseSchema, type Trace } from './trace';

const OUTCOMES = [
  { value: 'answer', label: 'Answers' },
  { value: 'busy', label: 'Is busy' },
  { value: 'no_answer', label: 'Does not answer' },
  { value: 'reject', label: 'Rejects' },
  { value: 'unavailable', label: 'Is unavailable' },
] as const;

type CallerStep = { kind: 'dtmf'; digits: string } | { kind: 'wait'; seconds: number } | { kind: 'hangup' };

export type Endpoint = { id: string; name: string; kind: string };

type SimulatePanelProps = {
  /** The flow as drawn now, saved or not. */
  flow: unknown;
  numbers: string[];
  endpoints: Endpoint[];
  nameOf: (id: string) => string | undefined;
  stepLabel: (path: string | null | undefined, module: string) => string;
  trace: Trace | null;
  onTrace: (trace: Trace | null, source: 'simulation' | 'call') => void;
  onStep: (path: string | null | undefined) => void;
  onClose: () => void;
};

function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Test the callflow before callers do: a dialled number, a caller, a date and time, the keys pressed and how each
 * phone answers, run through the real engine in memory; or the trace of a real recent call. Either lights its path.
 */
export function SimulatePanel(props: SimulatePanelProps) {
  const [tab, setTab] = useState<'simulate' | 'calls'>('simulate');
  return (
    <>
      <div className="panel-head">
        <span className="flow-node-icon"><Icon name="playCircle" size={18} /></span>
        <h2 className="panel-title">Test the callflow</h2>
        <span className="spacer" />
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Close the test panel" onClick={props.onClose}><Icon name="x" /></button>
      </div>
      <div className="segmented panel-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'simulate'} onClick={() => setTab('simulate')}>Simulate a call</button>
        <button type="button" role="tab" aria-selected={tab === 'calls'} onClick={() => setTab('calls')}>Recent calls</button>
      </div>
      <div className="panel-body">
        {tab === 'simulate' ? <SimulateForm {...props} /> : <RecentCalls {...props} />}
        {props.trace && <Timeline trace={props.trace} nameOf={props.nameOf} stepLabel={props.stepLabel} onStep={props.onStep} />}
      </div>
    </>
  );
}

function SimulateForm({ flow, numbers, endpoints, onTrace }: SimulatePanelProps) {
  const accountId = useAccountId();
  const [to, setTo] = useState(numbers[0] ?? '');
  const [fromNumber, setFromNumber] = useState('+14155550123');
  const [fromName, setFromName] = useState('Test caller');
  const [at, setAt] = useState(localNow);
  const [script, setScript] = useState<CallerStep[]>([]);
  const [behaviour, setBehaviour] = useState<Record<string, string>>({ default: 'answer' });

  const run = useMutation({
    mutationFn: async () => {
      const caller = script.map((s) => (s.kind === 'dtmf' ? { dtmf: s.digits } : s.kind === 'wait' ? { wait_ms: Math.round(s.seconds * 1000) } : { hangup: true }));
      const env = await request('POST', `/accounts/${accountId}/callflows/simulate`, traceResponseSchema, {
        body: {
          to: to || 'simulate',
          from: { number: fromNumber, name: fromName },
          at: at ? new Date(at).toISOString() : undefined,
          caller,
          endpoints: behaviour,
          flow,
        },
      });
      return env.data;
    },
    onSuccess: (trace) => onTrace(trace, 'simulation'),
  });

  const setStep = (index: number, step: CallerStep) => setScript(script.map((s, i) => (i === index ? step : s)));

  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); run.mutate(); }}>
      <div className="form-grid">
        <label className="field">
          <span className="field-label">Dialled number</span>
          <input className="input" name="sim-to" list="sim-numbers" value={to} onChange={(e) => setTo(e.target.value)} placeholder="2001" />
          <datalist id="sim-numbers">{numbers.map((n) => <option key={n} value={n}>{formatNumber(n)}</option>)}</datalist>
        </label>
        <label className="field">
          <span className="field-label">Date and time</span>
          <input className="input" name="sim-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Caller ID number</span>
          <input className="input" name="sim-from" value={fromNumber} onChange={(e) => setFromNumber(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Caller ID name</span>
          <input className="input" name="sim-from-name" value={fromName} onChange={(e) => setFromName(e.target.value)} />
        </label>
      </div>

      <fieldset className="group">
        <legend>What the caller does</legend>
        {script.length === 0 && <span className="field-help">Nothing: the caller listens and waits. Add the keys they press, in order.</span>}
        {script.map((step, index) => (
          <div key={index} className="row script-step">
            <span className="badge">{index + 1}</span>
            {step.kind === 'dtmf' && (
              <>
                <span>Presses</span>
                <input className="input mono" aria-label={`Keys of step ${index + 1}`} name={`sim-dtmf-${index}`} value={step.digits} style={{ maxWidth: 100 }}
                  onChange={(e) => setStep(index, { kind: 'dtmf', digits: e.target.value.replace(/[^0-9*#]/g, '') })} />
              </>
            )}
            {step.kind === 'wait' && (
              <>
                <span>Waits</span>
                <input className="input" type="number" min={0} step={0.5} aria-label={`Seconds of step ${index + 1}`} value={step.seconds} style={{ maxWidth: 90 }}
                  onChange={(e) => setStep(index, { kind: 'wait', seconds: Number(e.target.value) })} />
                <span>s</span>
              </>
            )}
            {step.kind === 'hangup' && <span>Hangs up</span>}
            <span className="spacer" />
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove step ${index + 1}`} onClick={() => setScript(script.filter((_, i) => i !== index))}><Icon name="x" size={14} /></button>
          </div>
        ))}
        <div className="row">
          <button type="button" className="btn btn-sm" onClick={() => setScript([...script, { kind: 'dtmf', digits: '' }])}><Icon name="keypad" size={14} />Press keys</button>
          <button type="button" className="btn btn-sm" onClick={() => setScript([...script, { kind: 'wait', seconds: 5 }])}><Icon name="timer" size={14} />Wait</button>
          <button type="button" className="btn btn-sm" onClick={() => setScript([...script, { kind: 'hangup' }])}><Icon name="phoneOff" size={14} />Hang up</button>
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>How phones answer</legend>
        <EndpointRow label="Every phone" value={behaviour.default} onChange={(v) => setBehaviour({ ...behaviour, default: v })} />
        {endpoints.map((e) => (
          <EndpointRow key={e.id} label={`${e.name} (${e.kind})`} value={behaviour[e.id] ?? ''} inherit
            onChange={(v) => {
              const next = { ...behaviour };
              if (v) next[e.id] = v;
              else delete next[e.id];
              setBehaviour(next);
            }} />
        ))}
      </fieldset>

      {run.error && (
        <div className="banner banner-danger" role="alert"><Icon name="alert" />{run.error instanceof ApiError && Object.keys(run.error.fieldErrors).length > 0
          ? Object.entries(run.error.fieldErrors).map(([k, v]) => `${k}: ${v.map((x) => x.message).join(', ')}`).join('; ')
          : describeError(run.error)}</div>
      )}
      <button type="submit" className="btn btn-primary" disabled={run.isPending} name="run-simulation">
        {run.isPending ? <Spinner label="Running" /> : <Icon name="play" size={14} />}Run the call
      </button>
    </form>
  );
}

function EndpointRow({ label, value, onChange, inherit }: { label: string; value: string; onChange: (v: string) => void; inherit?: boolean }) {
  return (
    <label className="row endpoint-row">
      <span className="endpoint-name">{label}</span>
      <select className="select" value={value} onChange={(e) => onChange(e.target.value)} style={{ maxWidth: 170 }}>
        {inherit && <option value="">Like every phone</option>}
        {OUTCOMES.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

const cdrSchema = z.looseObject({
  id: z.string(),
  call_id: z.string(),
  caller_id_number: z.string().nullish(),
  callee_number: z.string().nullish(),
  start: z.union([z.string(), z.number()]).nullish(),
  duration_s: z.number().nullish(),
  hangup_cause: z.string().nullish(),
  callflow_id: z.string().nullish(),
});
type Cdr = z.infer<typeof cdrSchema>;

function when(start: Cdr['start']): string {
  if (start == null) return '';
  // CDR times are ISO text or Gregorian seconds (KAZOO's)
  const date = typeof start === 'number' ? new Date((start - 62_167_219_200) * 1000) : new Date(start);
  return Number.isNaN(date.getTime()) ? String(start) : date.toLocaleString();
}

/** Real calls of the account; one chosen replays its trace on the canvas. */
function RecentCalls({ onTrace }: SimulatePanelProps) {
  const accountId = useAccountId();
  const [chosen, setChosen] = useState<string | null>(null);
  const cdrs = useQuery({
    queryKey: ['cdrs', accountId],
    queryFn: async ({ signal }) => {
      try {
        return (await request('GET', `/accounts/${accountId}/cdrs`, z.array(cdrSchema), { query: { page_size: 50 }, signal })).data;
      } catch (e) {
        // a server without call records answers 404: the same as no calls yet
        if (e instanceof ApiError && e.isNotFound) return [];
        throw e;
      }
    },
  });
  const load = useMutation({
    mutationFn: async (callId: string) =>
      (await request('GET', `/accounts/${accountId}/calls/${encodeURIComponent(callId)}/trace`, traceResponseSchema)).data,
    onSuccess: (trace) => onTrace(trace, 'call'),
  });

  if (cdrs.isLoading) return <LoadingState label="Loading recent calls…" />;
  if (cdrs.error) return <ErrorState error={cdrs.error} onRetry={() => void cdrs.refetch()} />;
  if (!cdrs.data || cdrs.data.length === 0) {
    return (
      <EmptyState icon="phone" title="No calls yet">
        When real calls reach this account, they are listed here; choose one to replay its path on the canvas.
      </EmptyState>
    );
  }
  return (
    <div className="stack">
      {load.error && <div className="banner banner-danger"><Icon name="alert" />{load.error instanceof ApiError && load.error.isNotFound ? 'This call has no trace (it may be too old).' : describeError(load.error)}</div>}
      <ul className="cdr-list">
        {cdrs.data.map((cdr) => (
          <li key={cdr.id}>
            <button type="button" className={`cdr${chosen === cdr.call_id ? ' is-chosen' : ''}`} onClick={() => { setChosen(cdr.call_id); load.mutate(cdr.call_id); }}>
              <Icon name="phone" size={14} />
              <span className="cdr-main">
                <span>{cdr.caller_id_number ?? 'Unknown'} → {cdr.callee_number ?? '?'}</span>
                <span className="subtle">{when(cdr.start)}{cdr.duration_s != null ? ` · ${cdr.duration_s} s` : ''}{cdr.hangup_cause ? ` · ${describeCause(cdr.hangup_cause)}` : ''}</span>
              </span>
              {load.isPending && chosen === cdr.call_id && <Spinner />}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.${String(Math.floor((ms % 1000) / 100))}`;
}

function Timeline({ trace, nameOf, stepLabel, onStep }: { trace: Trace; nameOf: (id: string) => string | undefined; stepLabel: SimulatePanelProps['stepLabel']; onStep: SimulatePanelProps['onStep'] }) {
  const result = trace.result;
  return (
    <section className="timeline" aria-label="What happened">
      <h3 className="panel-subtitle">What happened</h3>
      <ol className="timeline-steps">
        {trace.steps.map((step, index) => (
          <li key={index} className="timeline-step">
            <button type="button" className="timeline-step-head" onClick={() => onStep(step.path)} title="Show on the canvas">
              <span className="timeline-num">{index + 1}</span>
              <span className="timeline-module">{stepLabel(step.path, step.module)}</span>
              <span className="spacer" />
              <span className="subtle mono">{clock(step.t_ms)}</span>
            </button>
            <ul className="timeline-events">
              {step.events.map((event, i) => {
                const d = describeEvent(event, nameOf);
                return <li key={i}><Icon name={d.icon} size={12} />{d.text}</li>;
              })}
              {step.next && <li className="subtle"><Icon name="chevronRight" size={12} />went on to “{step.next === '_' ? 'next step' : step.next}”</li>}
            </ul>
          </li>
        ))}
      </ol>
      {result && (
        <div className={`timeline-result${result.answered_by ? ' is-answered' : ''}`} role="status">
          <Icon name={result.answered_by ? 'check' : 'phoneOff'} />
          <span>
            Ended: {result.end ?? 'unknown'}{result.cause ? ` (${describeCause(result.cause)})` : ''}
            {result.answered_by ? `; answered by ${nameOf(result.answered_by) ?? result.answered_by}` : ''}
          </span>
        </div>
      )}
    </section>
  );
}
