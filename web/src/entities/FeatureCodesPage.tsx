import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError, describeError } from '../api/ApiError';
import { request } from '../api/client';
import { useAccountId, useCollection } from '../api/queries';
import { anySchema, documentSchema, type Doc } from '../api/types';
import { Link } from '../router/router';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { Icon } from '../ui/Icon';
import { PageHeader } from '../ui/PageHeader';
import { ErrorState, LoadingState, Spinner } from '../ui/states';
import { useToasts } from '../ui/Toasts';
import { ConfirmDialog } from './common/ConfirmDialog';
import { codeProblem, dialledCode, FEATURE_CODES, featureCallflow, type FeatureCode } from './featureCodes/catalog';
import './common/entities.css';

const CATEGORIES = [...new Set(FEATURE_CODES.map((f) => f.category))];

/**
 * KAZOO's standard feature codes, each switched on with one click (a callflow with `featurecode`), its code editable
 * before, and switched off with a confirmation. Codes the account already has are read from its callflows.
 */
export default function FeatureCodesPage(_props: EntityPageProps) {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const existing = useCollection('callflows', { has_key: 'featurecode.name' });
  const byName = useMemo(() => new Map((existing.data ?? []).map((d) => [(d.featurecode as { name?: string } | undefined)?.name ?? '', d])), [existing.data]);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const missing = FEATURE_CODES.filter((f) => !byName.has(f.name));
  const shown = FEATURE_CODES.filter((f) => `${f.label} ${f.description} ${f.code}`.toLowerCase().includes(filter.toLowerCase()));

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['collection', accountId, 'callflows'] });

  const enableAll = async () => {
    setBusy(true);
    const failed: string[] = [];
    for (const f of missing) {
      try {
        await request('PUT', `/accounts/${accountId}/callflows`, documentSchema, { body: featureCallflow(f, f.code) });
      } catch (e) {
        failed.push(`${f.label} (${f.code}): ${describeError(e)}`);
      }
    }
    await refresh();
    setBusy(false);
    if (failed.length < missing.length) toasts.notify(`${missing.length - failed.length} feature codes switched on.`);
    if (failed.length) toasts.fail(`Not switched on: ${failed.join('; ')}`);
  };

  return (
    <div className="page">
      <PageHeader icon="hash" title="Feature codes" subtitle="Star codes callers dial for features: call forwarding, voicemail, parking, hot desking."
        actions={missing.length > 0 && existing.isSuccess && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void enableAll()}>
            {busy ? <Spinner label="Switching on" /> : <Icon name="check" />}Switch on all {missing.length} missing
          </button>
        )} />
      <div className="list-toolbar">
        <div className="search-box">
          <Icon name="search" />
          <input className="input" type="search" placeholder="Search feature codes" aria-label="Search feature codes"
            value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <span className="subtle">{byName.size} of {FEATURE_CODES.length} switched on</span>
      </div>
      {existing.isLoading ? <div className="card"><LoadingState label="Loading feature codes…" /></div>
        : existing.error ? <div className="card"><ErrorState error={existing.error} onRetry={() => void existing.refetch()} /></div>
        : CATEGORIES.map((category) => {
          const features = shown.filter((f) => f.category === category);
          if (features.length === 0) return null;
          return (
            <section key={category} className="card feature-group" aria-label={category}>
              <h2 className="feature-group-title">{category}</h2>
              {features.map((f) => <FeatureRow key={f.name} feature={f} doc={byName.get(f.name)} onChanged={refresh} />)}
            </section>
          );
        })}
      {existing.isSuccess && shown.length === 0 && <p className="muted">No feature code matches “{filter}”.</p>}
    </div>
  );
}

function FeatureRow({ feature, doc, onChanged }: { feature: FeatureCode; doc?: Doc; onChanged: () => Promise<void> }) {
  const accountId = useAccountId();
  const toasts = useToasts();
  const [code, setCode] = useState(feature.code);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const on = doc !== undefined;
  const inputId = `fc-${feature.name.replace(/[^a-z0-9]/gi, '-')}`;

  const enable = async () => {
    const problem = codeProblem(code);
    setError(problem);
    if (problem) return;
    setPending(true);
    try {
      await request('PUT', `/accounts/${accountId}/callflows`, documentSchema, { body: featureCallflow(feature, code) });
      await onChanged();
      toasts.notify(`${feature.label} is on: callers dial ${code}.`);
    } catch (e) {
      setError(e instanceof ApiError && Object.keys(e.fieldErrors).length > 0
        ? Object.values(e.fieldErrors).flat().map((x) => x.message).join(' · ') : describeError(e));
    } finally {
      setPending(false);
    }
  };

  const disable = async () => {
    setPending(true);
    try {
      await request('DELETE', `/accounts/${accountId}/callflows/${doc!.id}`, anySchema);
      await onChanged();
      toasts.notify(`${feature.label} is off.`);
    } catch (e) {
      toasts.fail(describeError(e));
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };

  return (
    <div className="feature-row" data-feature={feature.name}>
      <span className={`feature-state${on ? ' is-on' : ''}`} aria-hidden="true"><Icon name={on ? 'check' : 'minus'} size={14} /></span>
      <div className="feature-main">
        <label htmlFor={inputId} className="feature-label">{feature.label}</label>
        <span className="subtle">{feature.description}</span>
        {error && <span className="field-error" role="alert">{error}</span>}
      </div>
      {on ? (
        <>
          <span className="number-chip feature-code" title="What callers dial">{dialledCode(doc) ?? '?'}{feature.match === 'pattern' ? '…' : ''}</span>
          <span className="badge badge-success"><Icon name="check" size={12} />On</span>
          <Link to={`/callflows/${encodeURIComponent(doc.id)}`} className="btn btn-sm btn-ghost" aria-label={`Open ${feature.label} in the builder`}>
            <Icon name="external" size={14} />Open
          </Link>
          <button type="button" className="btn btn-sm btn-danger" disabled={pending} onClick={() => setConfirming(true)}>
            <Icon name="x" size={14} />Switch off
          </button>
        </>
      ) : (
        <>
          <input id={inputId} className="input input-sm mono" value={code} aria-invalid={error !== null}
            aria-label={`Code for ${feature.label}`} onChange={(e) => setCode(e.target.value.trim())} />
          <span className="badge">Off</span>
          <button type="button" className="btn btn-sm" disabled={pending} onClick={() => void enable()}>
            {pending ? <Spinner label="Switching on" /> : <Icon name="plus" size={14} />}Switch on
          </button>
        </>
      )}
      {confirming && (
        <ConfirmDialog title={`Switch off ${feature.label.toLowerCase()}?`} confirmLabel="Switch off" busy={pending}
          onConfirm={() => void disable()} onCancel={() => setConfirming(false)}>
          <p>The callflow for {dialledCode(doc!)} is deleted; callers who dial it reach nothing. You can switch it on again here.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
