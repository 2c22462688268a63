import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from './support/chromium';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('unknown addresses', () => {
  it('show a 404 page (served by the SPA, not a blank page) with a way back', async () => {
    const { context, page } = await openPage(browser);
    try {
      const response = await page.goto('/this/page/does-not-exist');
      expect(response?.ok()).toBe(true);

      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await page.getByText('/this/page/does-not-exist').count()).toBe(1);
      expect(await page.title()).toBe('Page not found · Cadence');

      await page.getByRole('link', { name: 'Go to sign in' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
