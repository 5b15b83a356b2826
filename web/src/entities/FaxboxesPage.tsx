import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import type { RefHints } from './common/refs';
import { rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';

const REFS: RefHints = {};
const ORDER = ['name', 'caller_name', 'caller_id', 'fax_header', 'fax_identity', 'fax_timezone', 'retries', 'notifications'];

const describe = (row: Doc) => ({ title: rowName(row, '(unnamed fax box)') });

export default function FaxboxesPage({ id }: EntityPageProps) {
  return (
    <EntityPage
      id={id}
      collection="faxboxes"
      basePath="/faxboxes"
      icon="fax"
      noun="fax box"
      nounPlural="fax boxes"
      title="Fax boxes"
      subtitle="Receive faxes as e-mail and send them from e-mail or the API."
      searchPlaceholder="Search fax boxes by name"
      emptyText="A fax box receives faxes and mails them on. Add one, then route a number to it with a fax box action."
      describe={describe}
      editor={(docId) => <SchemaEditor collection="faxboxes" id={docId} basePath="/faxboxes" icon="fax" order={ORDER} refs={REFS} />}
    />
  );
}
