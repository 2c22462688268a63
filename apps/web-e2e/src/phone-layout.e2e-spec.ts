import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, uniqueEmail } from './support/chromium';

const PHONE = { width: 375, height: 740 };
const PHONE_SCREENSHOT = resolve(__dirname, '../../../tmp/e2e-phone-api-keys.png');
const PHONE_NAV_SCREENSHOT = resolve(__dirname, '../../../tmp/e2e-phone-navigation.png');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('at phone width (375 px)', () => {
  it('hides the navigation behind the burger and reaches every page through it', async () => {
    const { context, page } = await openPage(browser, PHONE);
    try {
      await page.goto('/register');
      await page.getByLabel('Name').fill('Pat Phone');
      await page.getByLabel('Email').fill(uniqueEmail('phone'));
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough password');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Welcome, Pat Phone' }).waitFor();

      // Closed, the navigation is off-screen and out of the tab order.
      expect(await navigationOnScreen()).toBe(false);
      expect(await page.locator('#main-navigation').getAttribute('inert')).not.toBeNull();
      await expectNoSidewaysScroll();

      await page.getByRole('button', { name: 'Open navigation' }).click();
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await waitUntil(navigationOnScreen);
      await page.screenshot({ path: PHONE_NAV_SCREENSHOT });
      await nav.getByRole('link', { name: 'Campaigns' }).click();
      await page.getByRole('heading', { name: 'Campaigns', exact: true }).waitFor();
      // Choosing a page closes the menu again.
      await waitUntil(async () => !(await navigationOnScreen()));

      await page.getByRole('button', { name: 'Open navigation' }).click();
      await nav.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'API keys', exact: true }).waitFor();

      // The key list turns into cards so that nothing has to scroll sideways.
      await page.getByLabel('Name').fill('Phone key');
      await page.getByRole('button', { name: 'Create key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Your new API key' });
      await dialog.getByRole('button', { name: /I have stored it/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('list', { name: 'API keys' }).getByText('Phone key').waitFor();
      await page.getByRole('button', { name: 'Revoke Phone key' }).waitFor({ state: 'visible' });
      await expectNoSidewaysScroll();
      await page.screenshot({ path: PHONE_SCREENSHOT, fullPage: true });
    } finally {
      await context.close();
    }

    /** True when the navigation panel lies inside the viewport (not moved off to the left). */
    async function navigationOnScreen(): Promise<boolean> {
      const box = await page.locator('#main-navigation').boundingBox();
      return box !== null && box.x + box.width > 1 && box.x >= -1;
    }

    async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
        await page.waitForTimeout(50);
      }
    }

    async function expectNoSidewaysScroll() {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
});
