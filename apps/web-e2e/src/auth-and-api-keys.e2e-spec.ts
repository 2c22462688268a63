import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, uniqueEmail } from './support/chromium';

// Screenshots go to the git-ignored tmp/ for a person to look at; nothing compares them.
const DASHBOARD_SCREENSHOT = resolve(__dirname, '../../../tmp/e2e-dashboard.png');
const SECRET_SCREENSHOT = resolve(__dirname, '../../../tmp/e2e-api-key-secret.png');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('an agent’s first visit', () => {
  it('registers, lands on the dashboard, creates an API key seen once, revokes it, logs out and is kept out', async () => {
    const { context, page } = await openPage(browser);
    try {
      // Register.
      await page.goto('/register');
      await page.getByLabel('Name').fill('Jane Smith');
      await page.getByLabel('Email').fill(uniqueEmail('journey'));
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough password');
      await page.getByRole('button', { name: 'Create account' }).click();

      // The dashboard shell greets the new agent.
      await page.getByRole('heading', { name: 'Welcome, Jane Smith' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/dashboard');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Campaigns' }).waitFor();
      await page.screenshot({ path: DASHBOARD_SCREENSHOT, fullPage: true });

      // Create an API key; its secret is shown once.
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'API keys', exact: true }).waitFor();
      await page.getByText('No API keys yet').waitFor();
      await page.getByLabel('Name').fill('Zapier integration');
      await page.getByLabel('Read and write').check();
      await page.getByRole('button', { name: 'Create key' }).click();

      const dialog = page.getByRole('dialog', { name: 'Your new API key' });
      await dialog.waitFor();
      const secret = (await dialog.getByTestId('one-time-secret').innerText()).trim();
      expect(secret.length).toBeGreaterThan(20);
      await dialog.getByText(/only time the api key secret is shown/i).waitFor();
      await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
      await dialog.getByRole('button', { name: 'Copied' }).waitFor();
      await page.screenshot({ path: SECRET_SCREENSHOT });
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await dialog.getByRole('button', { name: /I have stored it/ }).click();
      await dialog.waitFor({ state: 'hidden' });

      const list = page.getByRole('table', { name: 'API keys' });
      const row = list.getByRole('row', { name: /Zapier integration/ });
      await row.waitFor();
      expect(await row.textContent()).toContain('Read and write');
      expect(await row.textContent()).toContain('Never');
      expect(await page.content()).not.toContain(secret);

      // The secret is gone for good, also after a reload (which restores the session by refresh).
      await page.reload();
      await list.getByRole('row', { name: /Zapier integration/ }).waitFor();
      expect(await page.content()).not.toContain(secret);

      // Revoke, after confirming.
      await page.getByRole('button', { name: 'Revoke Zapier integration' }).click();
      const confirm = page.getByRole('dialog', { name: 'Revoke API key?' });
      await confirm.getByRole('button', { name: 'Revoke key' }).click();
      await page.getByText('No API keys yet').waitFor();
      await page.getByText('API key “Zapier integration” was revoked.').waitFor();

      // Log out from the account menu.
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => localStorage.getItem('cadence.refreshToken'))).toBeNull();

      // A protected page now sends the visitor to sign in, and back there afterwards.
      await page.goto('/settings/api-keys');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('signs in with Enter and returns to the page that asked for it', async () => {
    const email = uniqueEmail('return');
    const { context, page } = await openPage(browser);
    try {
      await page.goto('/register');
      await page.getByLabel('Name').fill('Sam Return');
      await page.getByLabel('Email').fill(email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough password');
      await page.getByRole('textbox', { name: 'Password', exact: true }).press('Enter');
      await page.getByRole('heading', { name: 'Welcome, Sam Return' }).waitFor();
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      await page.goto('/settings/api-keys');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      // A wrong password shows the API's message and code; the form stays usable.
      await page.getByLabel('Email').fill(email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
      await page.getByRole('textbox', { name: 'Password', exact: true }).press('Enter');
      const alert = page.getByRole('alert').filter({ hasText: 'Could not sign you in' });
      await alert.waitFor();
      expect(await alert.innerText()).toContain('INVALID_CREDENTIALS');

      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough password');
      await page.getByRole('textbox', { name: 'Password', exact: true }).press('Enter');
      await page.getByRole('heading', { name: 'API keys', exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/settings/api-keys');
    } finally {
      await context.close();
    }
  });
});
