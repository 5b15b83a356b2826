import { useEffect, useRef, useState } from 'react';
import { ApiError, describeError } from '../../api/ApiError';
import { requestRaw } from '../../api/client';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/states';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'failed'; message: string };

/**
 * Plays audio the API serves (`…/raw`): fetched with the session's token when asked for, then played from a blob URL
 * in the browser's own player. `version` changes when the audio does, so a new upload is fetched again.
 */
export function AudioPlayer({ path, label, version, missingText = 'There is no audio yet.' }: {
  path: string; label: string; version?: string; missingText?: string;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const audio = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    setState({ kind: 'idle' });
  }, [path, version]);

  useEffect(() => {
    if (state.kind !== 'ready') return;
    void audio.current?.play().catch(() => { /* autoplay refused: the controls are there */ });
    return () => URL.revokeObjectURL(state.url);
  }, [state]);

  const load = async () => {
    setState({ kind: 'loading' });
    try {
      const { blob } = await requestRaw('GET', path);
      setState({ kind: 'ready', url: URL.createObjectURL(blob) });
    } catch (e) {
      setState({ kind: 'failed', message: e instanceof ApiError && e.isNotFound ? missingText : describeError(e) });
    }
  };

  return (
    <div className="audio-player">
      {state.kind === 'ready' ? (
        <audio ref={audio} controls src={state.url} aria-label={label} />
      ) : (
        <button type="button" className="btn btn-sm" onClick={() => void load()} disabled={state.kind === 'loading'} aria-label={`Play ${label}`}>
          {state.kind === 'loading' ? <Spinner label="Loading audio" /> : <Icon name="play" size={14} />}Play
        </button>
      )}
      {state.kind === 'failed' && <span className="field-error" role="alert">{state.message}</span>}
    </div>
  );
}
