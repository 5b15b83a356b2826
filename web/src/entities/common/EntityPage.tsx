import type { ReactNode } from 'react';
import { Link } from '../../router/router';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { EntityList, type EntityListProps } from './EntityList';
import './entities.css';

type Props = Omit<EntityListProps, 'selectedId'> & {
  title: string;
  subtitle: string;
  /** The document open in the side panel (`new` for a blank one), from the route. */
  id?: string;
  /** The editor for one document; it is keyed by id, so each document starts fresh. */
  editor: (id: string) => ReactNode;
  /** More buttons in the page header. */
  actions?: ReactNode;
};

/** A list of one collection with the editor of the chosen document beside it. */
export function EntityPage({ title, subtitle, id, editor, actions, ...list }: Props) {
  return (
    <div className="page entity-page">
      <PageHeader icon={list.icon} title={title} subtitle={subtitle} actions={
        <div className="row">
          {actions}
          <Link to={`${list.basePath}/new`} className="btn btn-primary"><Icon name="plus" />New {list.noun}</Link>
        </div>
      } />
      <div className={`entity-layout${id ? ' has-editor' : ''}`}>
        <EntityList {...list} selectedId={id} />
        {id && <div className="entity-editor" key={id}>{editor(id)}</div>}
      </div>
    </div>
  );
}
