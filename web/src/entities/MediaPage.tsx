import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../api/queries';
import type { Doc } from '../api/types';
import type { EntityPageProps } from '../shell/EntityPageProps';
import { EntityPage } from './common/EntityPage';
import { rowName } from './common/rows';
import { SchemaEditor } from './common/SchemaEditor';
import { MediaSource, uploadAudio } from './media/MediaSource';

const LEAD = ['name', 'description'];
/** Edited by the audio section, or kept by the server (type and size of the upload). */
const HIDDEN = ['media_source', 'tts', 'content_type', 'content_length', 'source_id', 'source_type'];
const SOURCE_LABEL: Record<string, string> = { upload: 'Upload', tts: 'Text to speech', recording: 'Recording' };

function describe(row: Doc) {
  const source = typeof row.media_source === 'string' ? row.media_source : 'upload';
  const noAudio = source !== 'tts' && typeof row.content_type !== 'string';
  return {
    title: rowName(row, '(unnamed media)'),
    subtitle: [typeof row.description === 'string' ? row.description : undefined, typeof row.language === 'string' ? row.language : undefined]
      .filter(Boolean).join(' · ') || undefined,
    icon: source === 'tts' ? 'message' as const : 'music' as const,
    meta: (
      <>
        {row.is_prompt === true && <span className="badge">Prompt</span>}
        <span className="badge">{SOURCE_LABEL[source] ?? source}</span>
        {noAudio && <span className="badge badge-warning">No audio</span>}
      </>
    ),
  };
}

export default function MediaPage({ id }: EntityPageProps) {
  return (
    <EntityPage
      id={id}
      collection="media"
      basePath="/media"
      icon="music"
      noun="media"
      nounPlural="media"
      title="Media"
      subtitle="Greetings, prompts and music on hold: uploaded audio or text to speech, playable here."
      searchPlaceholder="Search media by name"
      emptyText="Media are the recordings callers hear. Upload a WAV or MP3, or type text to be spoken."
      describe={describe}
      editor={(docId) => <MediaEditor id={docId} />}
    />
  );
}

function MediaEditor({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<File | null>(null);
  return (
    <SchemaEditor collection="media" id={id} basePath="/media" icon="music" lead={LEAD} hidden={HIDDEN}
      blank={() => ({ media_source: 'upload' })}
      validate={(draft) => draft.media_source === 'tts' && !(draft.tts as { text?: string } | undefined)?.text
        ? 'Type the text to be spoken.' : null}
      before={(editor) => <MediaSource editor={editor} pending={pending} onPending={setPending} />}
      afterSave={async (savedId, editor) => {
        if (!pending || !editor.isNew) return;
        await uploadAudio(editor.accountId, savedId, pending);
        setPending(null);
        // the upload changed the document (type, size, revision): the page it opens next must read it afresh
        queryClient.removeQueries({ queryKey: queryKeys.document(editor.accountId, 'media', savedId) });
        void queryClient.invalidateQueries({ queryKey: ['collection', editor.accountId, 'media'] });
      }}
    />
  );
}
