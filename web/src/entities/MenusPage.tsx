import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import type { RefHints } from './common/refs';
import { rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';

const REFS: RefHints = { 'media.greeting': 'media' };
const ORDER = ['name', 'media', 'timeout', 'interdigit_timeout', 'max_extension_length', 'retries', 'hunt', 'hunt_allow', 'hunt_deny'];

const describe = (row: Doc) => ({ title: rowName(row, '(unnamed menu)') });

export default function MenusPage({ id }: EntityPageProps) {
  return (
    <EntityPage
      id={id}
      collection="menus"
      basePath="/menus"
      icon="keypad"
      noun="menu"
      nounPlural="menus"
      title="Menus"
      subtitle="Auto attendants: a greeting, then callers press a key or dial an extension."
      searchPlaceholder="Search menus by name"
      emptyText="A menu plays a greeting and routes callers by the key they press. Add one, then use it in a callflow."
      describe={describe}
      editor={(docId) => <SchemaEditor collection="menus" id={docId} basePath="/menus" icon="keypad" order={ORDER} refs={REFS} />}
    />
  );
}
