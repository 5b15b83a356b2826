import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { describeError } from '../../api/ApiError';
import { request } from '../../api/client';
import { useAccountId } from '../../api/queries';
import { anySchema, documentListSchema, type Doc } from '../../api/types';
import { Icon } from '../../ui/Icon';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../ui/states';
import { useToasts } from '../../ui/Toasts';
import { AudioPlayer } from '../common/AudioPlayer';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { countByFolder, duration, FOLDERS, toMessage, type Folder, type Message } from './messages';

const FOLDER_LABEL: Record<Folder, string> = { new: 'New', saved: 'Saved', deleted: 'Deleted' };

/** A box's messages by folder, with counts: play each in the browser, mark new or saved, delete (to the deleted folder). */
export function Messages({ boxId }: { boxId: string }) {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const base = `/accounts/${accountId}/vmboxes/${boxId}/messages`;
  const [folder, setFolder] = useState<Folder>('new');
  const [deleting, setDeleting] = useState<Message[] | null>(null);
  const list = useQuery({
    queryKey: ['vmbox-messages', accountId, boxId],
    queryFn: ({ signal }) => request('GET', base, documentListSchema, { signal }).then((env) => (env.data as Doc[]).map(toMessage)),
  });
  const counts = useMemo(() => countByFolder(list.data ?? []), [list.data]);
  const shown = (list.data ?? []).filter((m) => m.folder === folder);

  const move = useMutation({
    mutationFn: ({ ids, to }: { ids: string[]; to: Folder }) =>
      to === 'deleted'
        ? request('DELETE', base, anySchema, { body: { messages: ids } })
        : request('POST', base, anySchema, { body: { folder: to, messages: ids } }),
    onSuccess: (_, { ids, to }) => {
      void queryClient.invalidateQueries({ queryKey: ['vmbox-messages', accountId, boxId] });
      void queryClient.invalidateQueries({ queryKey: ['collection', accountId, 'vmboxes'] });
      toasts.notify(`${ids.length === 1 ? 'Message' : `${ids.length} messages`} ${to === 'deleted' ? 'deleted' : `marked ${to}`}.`);
      setDeleting(null);
    },
    onError: (e) => { toasts.fail(describeError(e)); setDeleting(null); },
  });

  return (
    <section className="section" aria-label="Messages">
      <div className="section-header">
        <Icon name="message" />
        <h3>Messages</h3>
        {list.isFetching && !list.isLoading && <Spinner />}
        <span className="spacer" />
        <div className="segmented" role="tablist" aria-label="Folder">
          {FOLDERS.map((f) => (
            <button key={f} type="button" role="tab" aria-selected={folder === f} aria-pressed={folder === f} onClick={() => setFolder(f)}>
              {FOLDER_LABEL[f]} <span className={`badge${f === 'new' && counts.new > 0 ? ' badge-accent' : ''}`}>{counts[f]}</span>
            </button>
          ))}
        </div>
      </div>
      <div className="section-body">
        {list.isLoading && <LoadingState label="Loading messages…" />}
        {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && shown.length === 0 && (
          <EmptyState icon="voicemail" title={`No ${folder} messages`}>
            {folder === 'new' ? 'Messages callers leave in this box appear here; play them in the browser and mark them saved.'
              : folder === 'saved' ? 'Messages you mark saved are kept here.' : 'Deleted messages stay here until the box is purged.'}
          </EmptyState>
        )}
        {shown.length > 0 && (
          <div className="table-scroll">
          <table className="table messages">
            <thead><tr><th>From</th><th>Received</th><th>Length</th><th>Listen</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.id}>
                  <td><strong>{m.caller}</strong>{m.number && <div className="subtle mono">{m.number}</div>}</td>
                  <td>{m.receivedAt ? new Date(m.receivedAt).toLocaleString() : '—'}</td>
                  <td>{m.seconds !== undefined ? duration(m.seconds) : '—'}</td>
                  <td><AudioPlayer path={`${base}/${m.id}/raw`} label={`message from ${m.caller}`} missingText="This message has no audio." /></td>
                  <td>
                    <div className="row" style={{ justifyContent: 'flex-end' }}>
                      {m.folder !== 'saved' && (
                        <button type="button" className="btn btn-sm btn-icon" disabled={move.isPending} aria-label={`Mark the message from ${m.caller} saved`}
                          title="Mark saved" onClick={() => move.mutate({ ids: [m.id], to: 'saved' })}><Icon name="check" size={14} /></button>
                      )}
                      {m.folder !== 'new' && (
                        <button type="button" className="btn btn-sm btn-icon" disabled={move.isPending} aria-label={`Mark the message from ${m.caller} new`}
                          title="Mark new" onClick={() => move.mutate({ ids: [m.id], to: 'new' })}><Icon name="bell" size={14} /></button>
                      )}
                      {m.folder !== 'deleted' && (
                        <button type="button" className="btn btn-sm btn-ghost btn-danger btn-icon" aria-label={`Delete the message from ${m.caller}`}
                          title="Delete" onClick={() => setDeleting([m])}><Icon name="trash" size={14} /></button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </div>
      {deleting && (
        <ConfirmDialog title="Delete this message?" confirmLabel="Delete message" busy={move.isPending}
          onConfirm={() => move.mutate({ ids: deleting.map((m) => m.id), to: 'deleted' })} onCancel={() => setDeleting(null)}>
          <p>The message from <strong>{deleting[0].caller}</strong> moves to the deleted folder and is removed when the box is purged.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
