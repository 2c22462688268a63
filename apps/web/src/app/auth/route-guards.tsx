import { Navigate, Outlet, useLocation } from 'react-router';
import type { Location } from 'react-router';
import { useHasSession } from './session';

export interface ReturnState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

/** Pages behind sign-in: without a session, go to /login and come back here afterwards. */
export function RequireAuth() {
  const hasSession = useHasSession();
  const location = useLocation();
  if (!hasSession) {
    const state: ReturnState = { from: { pathname: location.pathname, search: location.search, hash: location.hash } };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up make no sense to someone signed in: send them on. */
export function PublicOnly() {
  const hasSession = useHasSession();
  const location = useLocation();
  if (hasSession) return <Navigate to={returnPath(location.state)} replace />;
  return <Outlet />;
}

/** Where to go after signing in: the page that asked for it, else the dashboard. */
export function returnPath(state: unknown): string {
  const from = (state as ReturnState | null)?.from;
  if (!from || typeof from.pathname !== 'string' || from.pathname === '/login' || from.pathname === '/register') {
    return '/dashboard';
  }
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}
