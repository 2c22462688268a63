import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import type { AppRouter } from './router';
import { theme } from './theme';

export interface AppProps {
  router: AppRouter;
  queryClient: QueryClient;
  /** 'test' turns off transitions and portals so component tests see the final state at once. */
  env?: 'default' | 'test';
}

export function App({ router, queryClient, env = 'default' }: AppProps) {
  return (
    <MantineProvider theme={theme} env={env}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
