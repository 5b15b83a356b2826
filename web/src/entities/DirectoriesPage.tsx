import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import type { RefHints, TitleHints } from './common/refs';
import { rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';

const REFS: RefHints = { 'users.[]': 'users' };
const TITLES: TitleHints = { users: 'People listed', 'users.[]': 'User' };
const ORDER = ['name', 'users', 'sort_by', 'search_fields', 'min_dtmf', 'max_dtmf', 'confirm_match'];

const describe = (row: Doc) => ({ title: rowName(row, '(unnamed directory)') });

export default function DirectoriesPage({ id }: EntityPageProps) {
  return (
    <EntityPage
      id={id}
      collection="directories"
      basePath="/directories"
      icon="book"
      noun="directory"
      nounPlural="directories"
      title="Directories"
      subtitle="Dial-by-name directories: callers spell a name and are connected."
      searchPlaceholder="Search directories by name"
      emptyText="A directory lets callers reach people by spelling their name. Add one and pick who is listed."
      describe={describe}
      editor={(docId) => <SchemaEditor collection="directories" id={docId} basePath="/directories" icon="book" order={ORDER} refs={REFS} titles={TITLES} />}
    />
  );
}
