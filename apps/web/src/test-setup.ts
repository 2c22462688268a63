import { tokenStore } from '@cadence/web-api-client';
import { notifications } from '@mantine/notifications';

// The jsdom polyfills Mantine needs are installed by libs/web/ui/src/test-setup.ts (see jest.config.cts).

// Each test starts signed out: no access token in memory, no refresh token in storage.
beforeEach(() => {
  tokenStore.clear();
  localStorage.clear();
  // The notifications store is module-wide: a toast of one test must not show up in the next.
  notifications.clean();
});
