import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';

/**
 * A small history-API router: the app has a dozen flat routes, so a path matcher and a link are all it needs.
 * Navigation can be vetoed (unsaved changes) by a guard.
 */
type Location = { pathname: string; search: URLSearchParams };
type Guard = () => boolean;

type RouterState = {
  location: Location;
  navigate: (to: string, options?: { replace?: boolean }) => void;
  setGuard: (guard: Guard | null) => void;
};

const RouterContext = createContext<RouterState | null>(null);

function current(): Location {
  return { pathname: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

let activeGuard: Guard | null = null;

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);

  // every entry of the history carries its position, so a refused Back or Forward can be undone by going the
  // same distance the other way
  const position = useRef<number>(0);
  const undoing = useRef(false);
  useEffect(() => {
    const state = window.history.state as { idx?: number } | null;
    if (typeof state?.idx === 'number') position.current = state.idx;
    else window.history.replaceState({ ...state, idx: 0 }, '');
    const onPop = (e: PopStateEvent) => {
      const target = (e.state as { idx?: number } | null)?.idx ?? 0;
      if (undoing.current) {
        undoing.current = false;
        return;
      }
      if (activeGuard && !activeGuard()) {
        undoing.current = true;
        window.history.go(position.current - target);
        return;
      }
      position.current = target;
      setLocation(current());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    if (activeGuard && !activeGuard()) return;
    if (options?.replace) {
      window.history.replaceState({ idx: position.current }, '', to);
    } else {
      position.current += 1;
      window.history.pushState({ idx: position.current }, '', to);
    }
    setLocation(current());
    window.scrollTo(0, 0);
  }, []);

  const setGuard = useCallback((guard: Guard | null) => {
    activeGuard = guard;
  }, []);

  const value = useMemo(() => ({ location, navigate, setGuard }), [location, navigate, setGuard]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}

/** Matches `/callflows/:id` against a path; returns the named parts, or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that the router follows without a page load (a middle-click still opens a tab). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const { navigate } = useRouter();
  return (
    <a
      href={to}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
      {...rest}
    />
  );
}
