import { configureFetcher, getMeQueryKey, logout, tokenStore } from '@cadence/web-api-client';
import type { AuthTokensResponseDto } from '@cadence/web-api-client';
import { notifications } from '@mantine/notifications';
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

/** True while the user is signed in, or can be silently (a refresh token survived a reload). */
export function useHasSession(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.hasSession, () => false);
}

export function useStartSession(): (tokens: AuthTokensResponseDto) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (tokens: AuthTokensResponseDto) => {
      queryClient.clear();
      tokenStore.setSession(tokens);
      queryClient.setQueryData(getMeQueryKey(), tokens.user);
    },
    [queryClient],
  );
}

export function useEndSession(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    const refreshToken = tokenStore.getRefreshToken();
    tokenStore.clear();
    queryClient.clear();
    // Revoke the session on the server too, so a copied refresh token dies with the logout. The user is
    // signed out locally whatever the answer: a failed revoke must not keep anyone signed in.
    if (refreshToken) logout({ refreshToken }).catch(() => undefined);
  }, [queryClient]);
}

/**
 * When a refresh is refused the fetcher has already cleared the session, and the route guard sends the
 * user to /login remembering the page; here we drop cached data of the old session and say why.
 */
export function handleSessionExpiry(queryClient: QueryClient): void {
  configureFetcher({
    onSessionExpired: () => {
      queryClient.clear();
      notifications.show({
        id: 'session-expired',
        color: 'yellow',
        title: 'Session expired',
        message: 'Please sign in again.',
      });
    },
  });
}
