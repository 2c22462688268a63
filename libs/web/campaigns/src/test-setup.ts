import { tokenStore } from '@cadence/web-api-client';
import { notifications } from '@mantine/notifications';

// The jsdom polyfills Mantine needs are installed by libs/web/ui/src/test-setup.ts (see jest.config.cts).

beforeEach(() => {
  tokenStore.clear();
  localStorage.clear();
  notifications.clean();
});

// jsdom has no layout: the wizard scrolls to the top of each step, which is a no-op here.
window.scrollTo = (() => undefined) as typeof window.scrollTo;
