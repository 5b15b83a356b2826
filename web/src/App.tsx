import { lazy, Suspense, useEffect } from 'react';
import { useAuth } from './auth/AuthContext';
import { CallflowListPage } from './callflows/CallflowListPage';
import { matchPath, useRouter } from './router/router';
import { ENTITY_PAGES } from './shell/navigation';
import { Shell } from './shell/Shell';
import { SignInPage } from './shell/SignInPage';
import { EmptyState, LoadingState } from './ui/states';
import { Link } from './router/router';

const BuilderPage = lazy(() => import('./builder/BuilderPage'));

export function App() {
  const { session } = useAuth();
  const { location, navigate } = useRouter();
  const path = location.pathname;

  useEffect(() => {
    if (session && path === '/') navigate('/callflows', { replace: true });
  }, [session, path, navigate]);

  if (!session) return <SignInPage />;

  const builder = matchPath('/callflows/:id', path);
  if (builder) {
    return (
      <Shell full>
        <Suspense fallback={<LoadingState label="Opening the builder…" />}>
          <BuilderPage key={`${session.actingAccountId}/${builder.id}`} callflowId={builder.id} />
        </Suspense>
      </Shell>
    );
  }
  if (path === '/callflows' || path === '/') {
    return <Shell><CallflowListPage kind="callflows" /></Shell>;
  }
  for (const entry of ENTITY_PAGES) {
    const params = matchPath(entry.path, path) ?? matchPath(`${entry.path}/:id`, path);
    if (params) {
      const Page = entry.page;
      return (
        <Shell>
          <Suspense fallback={<LoadingState />}>
            <Page key={session.actingAccountId} id={params.id} />
          </Suspense>
        </Shell>
      );
    }
  }
  return (
    <Shell>
      <EmptyState icon="alert" title="There is no page here" action={<Link to="/callflows" className="btn">Go to callflows</Link>}>
        The address <code>{path}</code> does not match any page.
      </EmptyState>
    </Shell>
  );
}
