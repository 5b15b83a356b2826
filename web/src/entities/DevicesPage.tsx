import { useMemo } from 'react';
import type { Doc } from '../api/types';
import type { JsonSchema } from '../forms/jsonSchema';
import { SchemaForm } from '../forms/SchemaForm';
import { useRouter } from '../router/router';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { Icon } from '../ui/Icon';
import { EntityPage } from './common/EntityPage';
import type { RefHints } from './common/refs';
import { SchemaEditor } from './common/SchemaEditor';
import { useAccountDoc } from './common/useAccountDoc';
import type { EntityEditor } from './common/useEntityEditor';
import { useAccountRegistrations, useDeviceRegistration } from './devices/registrations';
import { RegistrationBadge, RegistrationDetails } from './devices/RegistrationStatus';
import { newSipSettings, SipCredentials, sipOf } from './devices/SipCredentials';

const REFS: RefHints = { owner_id: 'users', 'music_on_hold.media_id': 'media' };
const LEAD = ['name', 'owner_id'];
const ORDER = ['enabled', 'caller_id', 'call_forward', 'media'];
/** KAZOO's device types, as its device dialog offers them (the schema does not list them). */
const DEVICE_TYPES = ['sip_device', 'softphone', 'cellphone', 'landline', 'fax', 'ata', 'smartphone', 'sip_uri', 'application'];

export default function DevicesPage({ id }: EntityPageProps) {
  const status = useAccountRegistrations();
  const describe = useMemo(() => (row: Doc) => {
    const username = typeof row.username === 'string' ? row.username : undefined;
    return {
      title: typeof row.name === 'string' && row.name ? row.name : username ?? '(unnamed device)',
      subtitle: [typeof row.device_type === 'string' ? row.device_type.replace(/_/g, ' ') : undefined, username].filter(Boolean).join(' · ') || undefined,
      meta: (
        <>
          {row.enabled === false && <span className="badge badge-warning">Disabled</span>}
          <RegistrationBadge state={status(row.id, username)} quiet />
        </>
      ),
    };
  }, [status]);
  return (
    <EntityPage
      id={id}
      collection="devices"
      basePath="/devices"
      icon="device"
      noun="device"
      nounPlural="devices"
      title="Devices"
      subtitle="Phones, softphones and gateways that register and ring, with their SIP credentials and live status."
      searchPlaceholder="Search devices by name"
      emptyText="A device is a phone that registers with SIP credentials. Add one, then enter its credentials in the phone."
      describe={describe}
      editor={(docId) => <DeviceEditor id={docId} />}
    />
  );
}

function DeviceEditor({ id }: { id: string }) {
  const { location } = useRouter();
  const account = useAccountDoc();
  const realm = typeof account.data?.doc.realm === 'string' ? account.data.doc.realm : undefined;
  const owner = location.search.get('owner');
  return (
    <SchemaEditor collection="devices" id={id} basePath="/devices" icon="device" lead={LEAD} order={ORDER} refs={REFS} hidden={['sip', 'device_type']}
      blank={() => ({ device_type: 'sip_device', enabled: true, ...(owner ? { owner_id: owner } : {}), sip: newSipSettings() })}
      before={(editor, schema) => <Credentials editor={editor} schema={schema} realm={realm} />}
    />
  );
}

function Credentials({ editor, schema, realm }: { editor: EntityEditor; schema: JsonSchema; realm: string | undefined }) {
  const draft = editor.draft!;
  const sip = sipOf(draft);
  const state = useDeviceRegistration(editor.isNew ? undefined : editor.id, typeof sip.username === 'string' ? sip.username : undefined);
  const sipSchema = schema.properties?.sip;
  const typeSchema = schema.properties?.device_type;
  return (
    <>
      {!editor.isNew && <RegistrationDetails state={state} />}
      <SipCredentials sip={sip} realm={realm} errors={editor.fieldErrors}
        onChange={(next) => editor.setDraft({ ...draft, sip: next })} />
      <DeviceKind types={(typeSchema?.enum as string[] | undefined) ?? DEVICE_TYPES}
        value={typeof draft.device_type === 'string' ? draft.device_type : ''}
        onChange={(t) => editor.setDraft({ ...draft, device_type: t })} />
      {sipSchema && (
        <details className="section">
          <summary className="section-header"><Icon name="sliders" /><h3>Advanced SIP settings</h3></summary>
          <div className="section-body">
            <SchemaForm schema={sipSchema} value={sip} onChange={(next) => editor.setDraft({ ...draft, sip: next })}
              errors={editor.fieldErrors} errorPrefix="sip." hidden={['username', 'password']} />
          </div>
        </details>
      )}
    </>
  );
}

/** The kind of device, one click each; a kind the list does not know (from an import) is kept and shown. */
function DeviceKind({ types, value, onChange }: { types: string[]; value: string; onChange: (type: string) => void }) {
  return (
    <div className="field">
      <span className="field-label">Kind of device</span>
      <div className="segmented" role="group" aria-label="Kind of device">
        {(value && !types.includes(value) ? [...types, value] : types).map((t) => (
          <button key={t} type="button" aria-pressed={value === t} onClick={() => onChange(t)}>{t.replace(/_/g, ' ')}</button>
        ))}
      </div>
    </div>
  );
}
