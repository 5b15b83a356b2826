import { useId, useMemo } from 'react';
import type { FieldError } from '../../api/envelope';
import { displayName } from '../../api/collections';
import { useCollection } from '../../api/queries';
import { DocumentPicker } from '../../forms/DocumentPicker';
import { FieldErrorText } from '../../forms/FieldErrors';
import type { JsonObject } from '../../forms/jsonSchema';
import { Link } from '../../router/router';
import { Icon } from '../../ui/Icon';
import { moveMember, toEndpoints, toMembers, type Member } from './members';

type Props = { endpoints: unknown; onChange: (endpoints: JsonObject) => void; errors: FieldError[] };

/** Who a group rings, in order, each with how long to wait before ringing it and how long to ring it. */
export function MembersEditor({ endpoints, onChange, errors }: Props) {
  const pickerId = useId();
  const members = useMemo(() => toMembers(endpoints), [endpoints]);
  const users = useCollection('users');
  const devices = useCollection('devices');
  const names = useMemo(() => new Map([...(users.data ?? []), ...(devices.data ?? [])].map((d) => [d.id, displayName(d)])), [users.data, devices.data]);
  const set = (next: Member[]) => onChange(toEndpoints(next));
  const update = (index: number, change: Partial<Member>) => set(members.map((m, i) => (i === index ? { ...m, ...change } : m)));
  const seconds = (text: string) => (text === '' ? undefined : Math.max(0, Math.trunc(Number(text))));

  return (
    <section className="section" aria-label="Members">
      <div className="section-header">
        <Icon name="users" />
        <h3>Members</h3>
        <span className="badge">{members.length}</span>
      </div>
      <div className="section-body">
        {members.length === 0 ? (
          <span className="muted">Nobody is in this group yet. Add users (all their phones ring) or single devices below.</span>
        ) : (
          <div className="table-scroll">
            <table className="table members">
              <thead><tr><th>#</th><th>Member</th><th>Delay (s)</th><th>Ring for (s)</th><th><span className="visually-hidden">Order and remove</span></th></tr></thead>
              <tbody>
                {members.map((m, i) => {
                  const name = names.get(m.id) ?? (users.isLoading || devices.isLoading ? '…' : `${m.id} (not found)`);
                  return (
                    <tr key={m.id}>
                      <td className="subtle">{i + 1}</td>
                      <td>
                        <Link to={`/${m.type === 'device' ? 'devices' : 'users'}/${encodeURIComponent(m.id)}`} className="row" style={{ gap: 6 }}>
                          <Icon name={m.type === 'device' ? 'device' : 'user'} size={14} />{name}
                        </Link>
                        <span className="subtle">{m.type}</span>
                      </td>
                      <td><input className="input input-sm" type="number" min={0} aria-label={`Delay before ringing ${name}, seconds`}
                        value={m.delay ?? ''} placeholder="0" onChange={(e) => update(i, { delay: seconds(e.target.value) })} /></td>
                      <td><input className="input input-sm" type="number" min={0} aria-label={`Seconds to ring ${name}`}
                        value={m.timeout ?? ''} placeholder="20" onChange={(e) => update(i, { timeout: seconds(e.target.value) })} /></td>
                      <td>
                        <div className="row" style={{ gap: 2, justifyContent: 'flex-end' }}>
                          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move ${name} up`} disabled={i === 0}
                            onClick={() => set(moveMember(members, i, -1))}><Icon name="chevronDown" style={{ transform: 'rotate(180deg)' }} /></button>
                          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move ${name} down`} disabled={i === members.length - 1}
                            onClick={() => set(moveMember(members, i, 1))}><Icon name="chevronDown" /></button>
                          <button type="button" className="btn btn-ghost btn-icon btn-sm btn-danger" aria-label={`Remove ${name}`}
                            onClick={() => set(members.filter((_, k) => k !== i))}><Icon name="trash" /></button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="field">
          <label className="field-label" htmlFor={pickerId}>Add a member</label>
          <DocumentPicker id={pickerId} collections={['users', 'devices']} value={undefined} editable={false} placeholder="Find a user or device to add"
            onChange={(id, collection) => {
              if (!id || members.some((m) => m.id === id)) return;
              set([...members, { id, type: collection === 'devices' ? 'device' : 'user', extra: {} }]);
            }} />
        </div>
        <FieldErrorText errors={errors} />
      </div>
    </section>
  );
}
