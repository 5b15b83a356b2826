import { EmptyState } from './states';
import { PageHeader } from './PageHeader';
import type { IconName } from './Icon';

/** What an entity page shows until it is built: where it lives and what it will do. */
export function PlaceholderPage({ icon, title, description }: { icon: IconName; title: string; description: string }) {
  return (
    <div className="page">
      <PageHeader icon={icon} title={title} subtitle={description} />
      <div className="card">
        <EmptyState icon={icon} title={`${title} are coming soon`}>
          This page is being built. Until then, documents referenced in a callflow can be created and edited from the
          builder's side panel.
        </EmptyState>
      </div>
    </div>
  );
}
