import { useId, useMemo, type ReactNode } from 'react';
import { useAccountId, useSchema } from '../api/queries';
import { DocumentPicker } from '../forms/DocumentPicker';
import { FieldErrorText } from '../forms/FieldErrors';
import { isObject, setKey, type JsonSchema } from '../forms/jsonSchema';
import { SchemaForm } from '../forms/SchemaForm';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { Icon, type IconName } from '../ui/Icon';
import { PageHeader } from '../ui/PageHeader';
import { ErrorState, LoadingState } from '../ui/states';
import { AudioPlayer } from './common/AudioPlayer';
import { EditorPanel } from './common/EditorPanel';
import { errorsUnder, pickProperties } from './common/schemaParts';
import { accountDocKey } from './common/useAccountDoc';
import { useEntityEditor, type EntityEditor } from './common/useEntityEditor';
import './common/entities.css';

/** Edited in their own sections; the generated form shows what is left. */
const OWN_SECTIONS = ['caller_id', 'music_on_hold', 'preflow', 'timezone', 'language'];
const LANGUAGES = ['en-us', 'en-gb', 'fr-fr', 'fr-ca', 'de-de', 'es-es', 'es-mx', 'it-it', 'nl-nl', 'pt-br'];

/** The account document (`/v2/accounts/{id}`): caller ID defaults, music on hold, preflow, time zone and language. */
export default function AccountSettingsPage(_props: EntityPageProps) {
  const accountId = useAccountId();
  const target = useMemo(() => ({ path: `/accounts/${accountId}`, key: accountDocKey(accountId) }), [accountId]);
  const editor = useEntityEditor('accounts', accountId, undefined, target);
  const schema = useSchema('accounts');
  const name = typeof editor.draft?.name === 'string' ? editor.draft.name : 'Account';

  return (
    <div className="page account-page">
      <PageHeader icon="settings" title="Account settings" subtitle="Defaults every call of the account starts from." />
      <EditorPanel editor={editor} icon="building" noun="account" title={name} basePath="/account" standalone>
        {schema.error ? <ErrorState error={schema.error} title="The form could not be loaded" />
          : !schema.data || !editor.draft ? <LoadingState />
          : <AccountSections editor={editor} schema={schema.data as JsonSchema} />}
      </EditorPanel>
    </div>
  );
}

function AccountSections({ editor, schema }: { editor: EntityEditor; schema: JsonSchema }) {
  const draft = editor.draft!;
  const ids = { moh: useId(), preflow: useId(), tz: useId(), lang: useId() };
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const set = (key: string, value: unknown) => editor.setDraft(setKey(draft, key, value));
  const nested = (key: string, inner: string, value: unknown) => {
    const object = isObject(draft[key]) ? draft[key] : {};
    const next = setKey(object, inner, value);
    set(key, Object.keys(next).length ? next : undefined);
  };
  const mohId = isObject(draft.music_on_hold) && typeof draft.music_on_hold.media_id === 'string' ? draft.music_on_hold.media_id : undefined;
  const preflowId = isObject(draft.preflow) && typeof draft.preflow.always === 'string' ? draft.preflow.always : undefined;
  const timezone = typeof draft.timezone === 'string' ? draft.timezone : '';
  const language = typeof draft.language === 'string' ? draft.language : '';
  const errors = editor.fieldErrors;

  return (
    <>
      <Section icon="idCard" title="Caller ID" help="What callers see when a user or device has no caller ID of its own.">
        <SchemaForm schema={pickProperties(schema, ['caller_id'])} value={draft} onChange={editor.setDraft}
          errors={errorsUnder(errors, ['caller_id'])} />
      </Section>

      <Section icon="music" title="Music on hold" help="Played to callers on hold, unless a user, device or group has its own.">
        <div className="field">
          <label className="field-label" htmlFor={ids.moh}>Media</label>
          <DocumentPicker id={ids.moh} collections={['media']} value={mohId} placeholder="Silence (choose a media)"
            onChange={(id) => nested('music_on_hold', 'media_id', id)} />
          <FieldErrorText errors={errors['music_on_hold.media_id'] ?? []} />
        </div>
        {mohId && <AudioPlayer path={`/accounts/${editor.accountId}/media/${mohId}/raw`} label="the music on hold" version={mohId}
          missingText="This media has no audio yet; upload it on the Media page." />}
      </Section>

      <Section icon="flow" title="Preflow" help="A callflow that runs before every call of the account, before its own callflow (for example to record or screen calls).">
        <div className="field">
          <label className="field-label" htmlFor={ids.preflow}>Callflow</label>
          <DocumentPicker id={ids.preflow} collections={['callflows']} value={preflowId} editable={false} placeholder="None"
            onChange={(id) => nested('preflow', 'always', id)} />
          <FieldErrorText errors={errors['preflow.always'] ?? []} />
        </div>
      </Section>

      <Section icon="globe" title="Time zone and language" help="Time of day rules, voicemail dates and prompts use these unless overridden.">
        <div className="field-row">
          <div className="field">
            <label className="field-label" htmlFor={ids.tz}>Time zone</label>
            <select id={ids.tz} className="select" value={timezone} onChange={(e) => set('timezone', e.target.value || undefined)}
              aria-invalid={(errors.timezone ?? []).length > 0}>
              <option value="">(not set)</option>
              {timezone && !zones.includes(timezone) && <option value={timezone}>{timezone}</option>}
              {zones.map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
            </select>
            <FieldErrorText errors={errors.timezone ?? []} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.lang}>Language</label>
            <input id={ids.lang} className="input" list={`${ids.lang}-list`} value={language} placeholder="en-us"
              onChange={(e) => set('language', e.target.value || undefined)} aria-invalid={(errors.language ?? []).length > 0} />
            <datalist id={`${ids.lang}-list`}>{LANGUAGES.map((l) => <option key={l} value={l} />)}</datalist>
            <FieldErrorText errors={errors.language ?? []} />
          </div>
        </div>
      </Section>

      <Section icon="sliders" title="More settings">
        <SchemaForm schema={schema} value={draft} onChange={editor.setDraft} errors={errorsUnder(errors, Object.keys(schema.properties ?? {}).filter((k) => !OWN_SECTIONS.includes(k)))}
          hidden={['id', ...OWN_SECTIONS]} order={['name', 'realm']} />
      </Section>
    </>
  );
}

function Section({ icon, title, help, children }: { icon: IconName; title: string; help?: string; children: ReactNode }) {
  return (
    <section className="section" aria-label={title}>
      <div className="section-header"><Icon name={icon} /><h3>{title}</h3></div>
      <div className="section-body">
        {help && <span className="field-help">{help}</span>}
        {children}
      </div>
    </section>
  );
}
