import { useDocument } from '../api/queries';
import { PageHeader } from '../ui/PageHeader';
import { ErrorState, LoadingState } from '../ui/states';

/** The callflow builder. The scaffold shows the callflow it opened; the canvas replaces this view. */
export default function BuilderPage({ callflowId }: { callflowId: string }) {
  const callflow = useDocument('callflows', callflowId === 'new' ? undefined : callflowId);
  if (callflow.isLoading) return <LoadingState label="Loading the callflow…" />;
  if (callflow.error) return <ErrorState error={callflow.error} onRetry={() => void callflow.refetch()} />;
  const doc = callflow.data?.doc;
  return (
    <div className="page" style={{ width: '100%' }}>
      <PageHeader icon="flow" title={typeof doc?.name === 'string' ? doc.name : 'New callflow'} />
      <pre className="card" style={{ padding: 16, overflow: 'auto' }}>{JSON.stringify(doc ?? {}, null, 2)}</pre>
    </div>
  );
}
