import { tokenStore } from '@cadence/web-api-client';
import { notifications } from '@mantine/notifications';

// The jsdom polyfills Mantine needs are installed by libs/web/ui/src/test-setup.ts (see jest.config.cts).

beforeEach(() => {
  tokenStore.clear();
  localStorage.clear();
  notifications.clean();
});
