import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { hourIn, stackNow } from './support/calling-hours';
import { api, register, PASSWORD, SHOTS } from './support/agent';
import { baseUrl, launchChromium, openPage, uniqueEmail } from './support/chromium';

/** The sandbox Twilio sender, which the stack uses without real Twilio credentials. */
const SANDBOX_TWILIO_FROM = '+15005550006';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The stack runs without Twilio credentials, so the sandbox account verifies signatures; its auth token
 * is derived from CHANNEL_SANDBOX_SECRET (the stack keeps the default) exactly as the API derives it.
 */
function sandboxTwilioAuthToken(): string {
  const seed = process.env['CHANNEL_SANDBOX_SECRET'] ?? 'cadence-sandbox-not-a-secret';
  return createHmac('sha256', seed).update('twilio-auth-token').digest().toString('hex').slice(0, 32);
}

/** Twilio's request signature: HMAC-SHA1 over the URL followed by the sorted form fields. */
function twilioSignature(authToken: string, url: string, fields: Record<string, string>): string {
  const data = Object.keys(fields)
    .sort()
    .reduce((acc, key) => acc + key + fields[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}

/** Posts straight to the API process, as Twilio would: the signature covers the URL the API sees. */
async function postTwilioInbound(fields: Record<string, string>): Promise<Response> {
  const apiUrl = process.env['E2E_API_URL'] ?? baseUrl();
  const url = `${apiUrl}/api/webhooks/twilio/inbound`;
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilioSignature(sandboxTwilioAuthToken(), url, fields) },
    body: new URLSearchParams(fields).toString(),
  });
}

interface ExecutionView {
  step: number;
  status: string;
  reasonCode: string | null;
  notBefore: string;
}

describe('replies', () => {
  it('a text reply lands in the inbox and pauses the rest of that contact\'s sends in the campaign', async () => {
    const hour = hourIn('America/New_York', stackNow());
    if (hour < 8 || hour >= 21) throw new Error(`The stack's clock is outside New York calling hours (${hour}:00); check CLOCK_OFFSET_MINUTES`);
    const { context, page } = await openPage(browser);
    try {
      const email = uniqueEmail('replies');
      await register(page, 'Rita Replies', email);
      const { accessToken: token } = await api<{ accessToken: string }>(null, 'POST', '/auth/login', { email, password: PASSWORD });

      // A New York contact (inside calling hours) with a number no other test uses, consenting to texts.
      const phone = `+1212555${String(Date.now() % 10_000).padStart(4, '0')}`;
      const contact = await api<{ id: string }>(token, 'POST', '/contacts', {
        firstName: 'Rosa',
        lastName: 'Replier',
        phones: [{ number: phone, type: 'mobile' }],
        propertyAddress: { street: '12 Orchard Lane', city: 'New York', state: 'NY', zip: '10001' },
      });
      await api(token, 'PUT', `/contacts/${contact.id}/consent`, { channel: 'sms', status: 'granted', source: 'open-house sign-in sheet' });

      // A campaign whose text strategy sends now and again in three days.
      const campaign = await api<{ id: string }>(token, 'POST', '/campaigns', {
        name: 'Orchard replies',
        schedule: { timeZone: 'America/New_York', dailyStart: '00:00', dailyEnd: '23:59' },
      });
      await api(token, 'POST', `/campaigns/${campaign.id}/contacts`, { contactIds: [contact.id] });
      await api(token, 'POST', `/campaigns/${campaign.id}/approve`);
      await api(token, 'POST', `/campaigns/${campaign.id}/launch`);
      const strategy = await api<{ id: string }>(token, 'POST', `/campaigns/${campaign.id}/strategies`, {
        type: 'text',
        name: 'Text message',
        steps: [0, 3].map((delayDays) => ({ delayDays, variants: [{ key: 'A', body: 'Hi {{firstName}}, a quick question about your home?' }] })),
      });
      const base = `/campaigns/${campaign.id}/strategies/${strategy.id}`;
      await api(token, 'POST', `${base}/deploy`);
      const executions = () => api<{ items: ExecutionView[] }>(token, 'GET', `${base}/executions?limit=100`).then((page) => page.items);
      await waitFor(executions, (items) => items.find((e) => e.step === 0)?.status === 'sent' && items.find((e) => e.step === 1)?.status === 'queued');

      // The contact texts back, signed as Twilio signs it.
      const body = "Yes, I'm thinking of selling. Call me";
      const inbound = await postTwilioInbound({ MessageSid: `SM${Date.now().toString(16).padStart(32, '0')}`, From: phone, To: SANDBOX_TWILIO_FROM, Body: body, NumMedia: '0' });
      expect(inbound.status).toBe(200);

      // The inbox shows the reply, naming the contact, and says the contact is paused.
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Replies' }).click();
      const row = page.getByRole('row').filter({ hasText: body });
      await row.waitFor({ timeout: 30_000 });
      await row.getByRole('link', { name: 'Rosa Replier' }).waitFor();
      await row.getByText('Reply · paused').waitFor();
      await page.screenshot({ path: join(SHOTS, 'e2e-replies-inbox.png'), fullPage: true });

      // In the campaign, the contact's next text is not sent, and says why.
      await page.goto(`/campaigns/${campaign.id}`);
      await page.getByRole('tab', { name: 'Strategies' }).click();
      const card = page.getByRole('article', { name: 'Text message' });
      await card.getByRole('button', { name: 'Show executions' }).click();
      const executionRows = card.getByRole('table', { name: 'Executions' });
      await executionRows.getByText('Paused: the contact replied by text').waitFor({ timeout: 30_000 });
      const [first, second] = (await executions()).sort((a, b) => a.step - b.step);
      expect(first.status).toBe('sent');
      expect(second).toMatchObject({ status: 'skipped', reasonCode: 'contact_replied' });
      await page.screenshot({ path: join(SHOTS, 'e2e-replies-paused.png'), fullPage: true });
    } catch (error) {
      await page.screenshot({ path: join(SHOTS, 'e2e-replies-failure.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 150_000);
});
