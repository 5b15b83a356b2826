import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import type { RefHints } from './common/refs';
import { rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';

const REFS: RefHints = { owner_id: 'users' };
const ORDER = ['name', 'conference_numbers', 'member', 'moderator', 'max_participants'];

const describe = (row: Doc) => ({ title: rowName(row, '(unnamed conference)') });

export default function ConferencesPage({ id }: EntityPageProps) {
  return (
    <EntityPage
      id={id}
      collection="conferences"
      basePath="/conferences"
      icon="conference"
      noun="conference"
      nounPlural="conferences"
      title="Conferences"
      subtitle="Meeting rooms callers join by number, with member and moderator PINs."
      searchPlaceholder="Search conferences by name"
      emptyText="A conference is a meeting room. Add one, then route a number to it with a conference action in a callflow."
      describe={describe}
      editor={(docId) => <SchemaEditor collection="conferences" id={docId} basePath="/conferences" icon="conference" order={ORDER} refs={REFS} />}
    />
  );
}
