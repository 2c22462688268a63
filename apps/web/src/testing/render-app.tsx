import { tokenStore } from '@cadence/web-api-client';
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App } from '../app/app';
import { handleSessionExpiry } from '../app/auth/session';
import { createAppQueryClient } from '../app/query-client';
import { appRoutes } from '../app/router';

/** The whole SPA (providers, routes, guards) in memory, starting at `path`. */
export function renderApp(path: string) {
  const queryClient = createAppQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  handleSessionExpiry(queryClient);
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  const view = render(<App router={router} queryClient={queryClient} env="test" />);
  return { ...view, router, queryClient };
}

/** A signed-in user whose access token the fake API accepts. */
export function signIn(accessToken = 'access-1', refreshToken = 'refresh-1') {
  tokenStore.setSession({ accessToken, refreshToken });
}
