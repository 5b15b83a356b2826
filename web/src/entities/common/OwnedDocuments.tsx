import { displayName } from '../../api/collections';
import { useCollection } from '../../api/queries';
import { Link } from '../../router/router';
import { Icon, type IconName } from '../../ui/Icon';
import { Spinner } from '../../ui/states';

/** The documents a user owns (`owner_id`), each a link to its page, with a link to add one for them. */
export function OwnedDocuments({ ownerId, collection, basePath, icon, noun, nounPlural }: {
  ownerId: string; collection: string; basePath: string; icon: IconName; noun: string; nounPlural: string;
}) {
  const owned = useCollection(collection, { filter_owner_id: ownerId });
  return (
    <section className="section" aria-label={`${nounPlural} of this user`}>
      <div className="section-header">
        <Icon name={icon} />
        <h3>{nounPlural.replace(/^./, (c) => c.toUpperCase())}</h3>
        {owned.isFetching && <Spinner />}
        <span className="spacer" />
        <Link to={`${basePath}/new?owner=${encodeURIComponent(ownerId)}`} className="btn btn-sm"><Icon name="plus" size={14} />Add {noun}</Link>
      </div>
      <div className="section-body">
        {owned.error ? <span className="field-error">Could not load them: {(owned.error as Error).message}</span>
          : owned.data && owned.data.length === 0 ? <span className="muted">None yet. Add a {noun} to give this user one.</span>
          : (
            <ul className="owned-list">
              {(owned.data ?? []).map((doc) => (
                <li key={doc.id}><Link to={`${basePath}/${encodeURIComponent(doc.id)}`}><Icon name={icon} size={14} />{displayName(doc)}</Link></li>
              ))}
            </ul>
          )}
      </div>
    </section>
  );
}
