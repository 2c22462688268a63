import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { baseUrl } from './chromium';

/** Screenshots go to the git-ignored tmp/ for a person to look at; nothing compares them. */
export const SHOTS = resolve(__dirname, '../../../../tmp');
export const PASSWORD = 'a long enough password';

/** The JSON API behind the SPA's proxy, with the token of the agent the test registered (or none). */
export async function api<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Registers an agent through the SPA's form and waits for the dashboard's welcome. */
export async function register(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Welcome, ${name}` }).waitFor();
}
