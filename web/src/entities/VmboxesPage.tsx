import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { useRouter } from '../router/router';
import { EntityPage } from './common/EntityPage';
import type { RefHints } from './common/refs';
import { plural, rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';
import { Messages } from './vmboxes/Messages';

const REFS: RefHints = { owner_id: 'users', 'media.unavailable': 'media' };
const LEAD = ['name', 'mailbox', 'owner_id', 'pin'];
const ORDER = ['require_pin', 'check_if_owner', 'notify_email_addresses', 'media', 'skip_greeting', 'skip_instructions', 'timezone'];

function describe(row: Doc) {
  const count = typeof row.messages === 'number' ? row.messages : 0;
  return {
    title: rowName(row, '(unnamed box)'),
    subtitle: typeof row.mailbox === 'string' ? `Mailbox ${row.mailbox}` : undefined,
    meta: count > 0 ? <span className="badge badge-accent">{plural(count, 'message')}</span> : undefined,
  };
}

export default function VmboxesPage({ id }: EntityPageProps) {
  const { location } = useRouter();
  const owner = location.search.get('owner');
  return (
    <EntityPage
      id={id}
      collection="vmboxes"
      basePath="/vmboxes"
      icon="voicemail"
      noun="voicemail box"
      nounPlural="voicemail boxes"
      title="Voicemail boxes"
      subtitle="Mailboxes that take messages, with their PIN, greeting, e-mail notification and messages."
      searchPlaceholder="Search boxes by name or mailbox number"
      emptyText="A voicemail box takes messages when nobody answers. Add one, give it a mailbox number, and send callers to it from a callflow."
      describe={describe}
      editor={(docId) => (
        <SchemaEditor collection="vmboxes" id={docId} basePath="/vmboxes" icon="voicemail" lead={LEAD} order={ORDER} refs={REFS}
          blank={() => ({ require_pin: true, ...(owner ? { owner_id: owner } : {}) })}
          before={(editor) => !editor.isNew && <Messages boxId={docId} />}
        />
      )}
    />
  );
}
