import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { describeError } from '../../api/ApiError';
import { requestRaw } from '../../api/client';
import { isObject, setKey } from '../../forms/jsonSchema';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/states';
import { useToasts } from '../../ui/Toasts';
import { AudioPlayer } from '../common/AudioPlayer';
import type { EntityEditor } from '../common/useEntityEditor';

/** Voices offered for text to speech; the field stays free text, since engines name their own. */
const VOICES = ['female/en-US', 'male/en-US', 'female/en-GB', 'male/en-GB', 'female/fr-FR', 'female/de-DE', 'female/es-ES'];

/** A browser may not know a file's type; the server sniffs the bytes anyway, so a plain guess by extension is enough. */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase();
  return ext === 'wav' ? 'audio/wav' : ext === 'mp3' ? 'audio/mpeg' : ext === 'ogg' ? 'audio/ogg' : 'application/octet-stream';
}

export function rawPath(accountId: string, mediaId: string): string {
  return `/accounts/${accountId}/media/${mediaId}/raw`;
}

/** Sends a file as the media's audio; the server answers with the updated document or says why it refused the file. */
export async function uploadAudio(accountId: string, mediaId: string, file: File): Promise<void> {
  await requestRaw('PUT', rawPath(accountId, mediaId), { body: file, contentType: contentTypeOf(file) });
}

type Props = {
  editor: EntityEditor;
  /** A file chosen for a media that does not exist yet: sent after it is created. */
  pending: File | null;
  onPending: (file: File | null) => void;
};

/** Where the audio comes from — an uploaded file or text to speech — with a player for what the server has. */
export function MediaSource({ editor, pending, onPending }: Props) {
  const draft = editor.draft!;
  const source = draft.media_source === 'tts' ? 'tts' : 'upload';
  const setSource = (next: 'upload' | 'tts') => editor.setDraft(setKey(draft, 'media_source', next));
  return (
    <section className="section" aria-label="Audio">
      <div className="section-header">
        <Icon name="music" />
        <h3>Audio</h3>
        <span className="spacer" />
        <div className="segmented" role="group" aria-label="Audio source">
          <button type="button" aria-pressed={source === 'upload'} onClick={() => setSource('upload')}><Icon name="upload" size={14} />Upload a file</button>
          <button type="button" aria-pressed={source === 'tts'} onClick={() => setSource('tts')}><Icon name="message" size={14} />Text to speech</button>
        </div>
      </div>
      <div className="section-body">
        {source === 'upload'
          ? <Upload editor={editor} pending={pending} onPending={onPending} />
          : <TextToSpeech editor={editor} />}
      </div>
    </section>
  );
}

function Upload({ editor, pending, onPending }: Props) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hasAudio = typeof editor.doc?.content_type === 'string';

  const take = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (editor.isNew) {
      onPending(file);
      return;
    }
    setBusy(true);
    try {
      await uploadAudio(editor.accountId, editor.id, file);
      await editor.reload();
      void queryClient.invalidateQueries({ queryKey: ['collection', editor.accountId, 'media'] });
      toasts.notify(`${file.name} uploaded.`);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className={`dropzone${over ? ' is-over' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void take(e.dataTransfer.files[0]); }}>
        <Icon name="upload" size={22} />
        <span>{pending ? <>Ready to upload <strong>{pending.name}</strong> when you create the media.</>
          : hasAudio ? 'Drop a new file here to replace the audio.' : 'Drop a WAV, MP3 or Ogg file here.'}</span>
        <input ref={input} type="file" accept="audio/*,.wav,.mp3,.ogg" className="visually-hidden" aria-label="Audio file"
          onChange={(e) => { void take(e.target.files?.[0]); e.target.value = ''; }} />
        <button type="button" className="btn" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? <Spinner label="Uploading" /> : <Icon name="upload" />}{busy ? 'Uploading…' : 'Choose a file'}
        </button>
      </div>
      {error && <div className="banner banner-danger" role="alert"><Icon name="alert" /><span>The server refused the file: {error}</span></div>}
      {!editor.isNew && (
        <div className="row">
          <span className="subtle">{hasAudio ? `${String(editor.doc?.content_type)}${typeof editor.doc?.content_length === 'number' ? `, ${Math.round(editor.doc.content_length / 1024)} KB` : ''}` : 'No audio uploaded yet.'}</span>
          <span className="spacer" />
          {hasAudio && <AudioPlayer path={rawPath(editor.accountId, editor.id)} label="this media" version={editor.revision ?? undefined} />}
        </div>
      )}
    </>
  );
}

function TextToSpeech({ editor }: { editor: EntityEditor }) {
  const draft = editor.draft!;
  const tts = isObject(draft.tts) ? draft.tts : {};
  const setTts = (key: string, value: unknown) => editor.setDraft(setKey(draft, 'tts', setKey(tts, key, value)));
  const errors = [...(editor.fieldErrors['tts.text'] ?? []), ...(editor.fieldErrors['tts.voice'] ?? [])];
  const saved = !editor.isNew && !editor.dirty;
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor="tts-text">Text to speak</label>
        <textarea id="tts-text" className="textarea tts-text" value={typeof tts.text === 'string' ? tts.text : ''}
          placeholder="Thank you for calling. Please hold while we connect you."
          onChange={(e) => setTts('text', e.target.value || undefined)} aria-invalid={errors.length > 0} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="tts-voice">Voice</label>
        <input id="tts-voice" className="input" list="tts-voices" value={typeof tts.voice === 'string' ? tts.voice : ''}
          placeholder="female/en-US" onChange={(e) => setTts('voice', e.target.value || undefined)} />
        <datalist id="tts-voices">{VOICES.map((v) => <option key={v} value={v} />)}</datalist>
      </div>
      {errors.length > 0 && <span className="field-error" role="alert">{errors.map((e) => e.message).join(' · ')}</span>}
      <div className="row">
        <span className="subtle">Preview</span>
        <span className="spacer" />
        {saved ? (
          <AudioPlayer path={rawPath(editor.accountId, editor.id)} label="the spoken text" version={editor.revision ?? undefined}
            missingText="This server cannot render the text for a preview yet (it has no audio for this media). The text is saved, and calls speak it with the server's text-to-speech engine." />
        ) : <span className="subtle">{editor.isNew ? 'Create the media to hear a preview.' : 'Save your changes to hear a preview.'}</span>}
      </div>
    </>
  );
}
