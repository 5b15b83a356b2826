import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import { OwnedDocuments } from './common/OwnedDocuments';
import type { RefHints } from './common/refs';
import { SchemaEditor } from './common/SchemaEditor';

const REFS: RefHints = { 'music_on_hold.media_id': 'media' };
const ORDER = ['first_name', 'last_name', 'email', 'username', 'password', 'priv_level', 'enabled', 'caller_id', 'call_forward', 'presence_id'];

function describe(row: Doc) {
  const full = `${typeof row.first_name === 'string' ? row.first_name : ''} ${typeof row.last_name === 'string' ? row.last_name : ''}`.trim();
  const detail = [row.username, row.email].filter((v): v is string => typeof v === 'string' && v !== '');
  return {
    title: full || (typeof row.username === 'string' ? row.username : '(unnamed user)'),
    subtitle: detail.join(' · ') || undefined,
    meta: (
      <>
        {row.priv_level === 'admin' && <span className="badge badge-accent">Admin</span>}
        {row.enabled === false && <span className="badge badge-warning">Disabled</span>}
      </>
    ),
  };
}

export default function UsersPage({ id }: EntityPageProps) {
  return (
    <EntityPage
      id={id}
      collection="users"
      basePath="/users"
      icon="user"
      noun="user"
      nounPlural="users"
      title="Users"
      subtitle="People in the account: their sign-in, caller ID, call forwarding and phones."
      searchPlaceholder="Search users by name, user name or mailbox"
      emptyText="Users are the people who make and take calls. Add one, then give them a device and a voicemail box."
      describe={describe}
      editor={(docId) => (
        <SchemaEditor collection="users" id={docId} basePath="/users" icon="user" order={ORDER} refs={REFS}
          blank={() => ({ enabled: true, priv_level: 'user' })}
          title={(d) => `${typeof d.first_name === 'string' ? d.first_name : ''} ${typeof d.last_name === 'string' ? d.last_name : ''}`.trim()}
          after={(editor) => !editor.isNew && (
            <>
              <OwnedDocuments ownerId={docId} collection="devices" basePath="/devices" icon="device" noun="device" nounPlural="devices" />
              <OwnedDocuments ownerId={docId} collection="vmboxes" basePath="/vmboxes" icon="voicemail" noun="voicemail box" nounPlural="voicemail boxes" />
            </>
          )}
        />
      )}
    />
  );
}
