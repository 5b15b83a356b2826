import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import type { RefHints } from './common/refs';
import { plural, rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';
import { MembersEditor } from './groups/MembersEditor';

const REFS: RefHints = { 'music_on_hold.media_id': 'media' };

const describe = (row: Doc) => ({
  title: rowName(row, '(unnamed group)'),
  subtitle: typeof row.endpoints === 'number' ? plural(row.endpoints, 'member') : undefined,
});

export default function GroupsPage({ id }: EntityPageProps) {
  return (
    <EntityPage
      id={id}
      collection="groups"
      basePath="/groups"
      icon="users"
      noun="group"
      nounPlural="groups"
      title="Groups"
      subtitle="Users and devices rung together, in order, each with its own delay and ring time."
      searchPlaceholder="Search groups by name"
      emptyText="A group rings several people or phones at once or in turn. Add one and choose its members."
      describe={describe}
      editor={(docId) => (
        <SchemaEditor collection="groups" id={docId} basePath="/groups" icon="users" lead={['name']} hidden={['endpoints']} refs={REFS}
          blank={() => ({ endpoints: {} })}
          before={(editor) => (
            <MembersEditor endpoints={editor.draft!.endpoints} errors={editor.fieldErrors.endpoints ?? []}
              onChange={(endpoints) => editor.setDraft({ ...editor.draft!, endpoints })} />
          )}
        />
      )}
    />
  );
}
