import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { hourIn, stackNow } from './support/calling-hours';
import { api, register, PASSWORD, SHOTS } from './support/agent';
import { launchChromium, openPage, uniqueEmail } from './support/chromium';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Two New York contacts with SMS consent in a campaign, made through the API: the browser part is the
 * sequence. New York must be inside legal calling hours for the plan to send now (support/calling-hours.ts).
 */
async function createCampaign(token: string): Promise<string> {
  const hour = hourIn('America/New_York', stackNow());
  if (hour < 8 || hour >= 21) throw new Error(`The stack's clock is outside New York calling hours (${hour}:00); check CLOCK_OFFSET_MINUTES`);
  const contactIds: string[] = [];
  for (const [i, firstName] of ['Ada', 'Ben'].entries()) {
    const contact = await api<{ id: string }>(token, 'POST', '/contacts', {
      firstName,
      lastName: 'Sequence',
      phones: [{ number: `+1212555030${i}`, type: 'mobile' }],
      propertyAddress: { street: `${i + 1} Cadence Court`, city: 'New York', state: 'NY', zip: '10001' },
    });
    await api(token, 'PUT', `/contacts/${contact.id}/consent`, { channel: 'sms', status: 'granted', source: 'open-house sign-in sheet' });
    contactIds.push(contact.id);
  }
  const campaign = await api<{ id: string }>(token, 'POST', '/campaigns', { name: 'Cadence Court follow-ups', type: 'custom' });
  await api(token, 'POST', `/campaigns/${campaign.id}/contacts`, { contactIds });
  return campaign.id;
}

describe('campaign sequences', () => {
  it('writes a two-step SMS sequence with an A/B test on the first step and sees both steps in the plan', async () => {
    const { context, page } = await openPage(browser);
    try {
      const email = uniqueEmail('sequences');
      await register(page, 'Sam Sequence', email);
      const { accessToken } = await api<{ accessToken: string }>(null, 'POST', '/auth/login', { email, password: PASSWORD });
      const campaignId = await createCampaign(accessToken);

      await page.goto(`/campaigns/${campaignId}/setup?step=strategies`);
      await page.getByRole('checkbox', { name: 'Text message (SMS)' }).check();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();

      const step1 = page.getByRole('region', { name: 'Step 1', exact: true });
      await step1.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi {{firstName|there}}, homes on Cadence Court are selling.');
      await step1.getByRole('button', { name: 'Add variant B (A/B test)' }).click();
      const variantB = step1.getByRole('group', { name: 'Variant B', exact: true });
      await variantB.getByRole('textbox', { name: 'Message', exact: true }).fill('{{firstName|there}}, curious what your home is worth?');
      await step1.getByRole('group', { name: 'Variant A', exact: true }).getByRole('textbox', { name: 'Weight' }).fill('60');
      await variantB.getByRole('textbox', { name: 'Weight' }).fill('40');
      await variantB.getByText('40% of contacts').waitFor();

      await page.getByRole('button', { name: 'Add a follow-up step' }).click();
      const step2 = page.getByRole('region', { name: 'Step 2', exact: true });
      await step2.getByRole('textbox', { name: 'Days after step 1' }).fill('2');
      await step2.getByRole('textbox', { name: 'Message', exact: true }).fill('Still thinking of selling, {{firstName|there}}?');
      await step2.getByRole('heading', { name: 'Step 2 — 2 days after step 1' }).waitFor();

      await page.getByRole('button', { name: 'Save and preview' }).click();
      await page.getByRole('article', { name: 'Preview of step 1' }).getByTestId('preview-variant').filter({ hasText: /^Gets variant [AB] of 2$/ }).waitFor();
      await page.getByRole('article', { name: 'Preview of step 2' }).getByTestId('sms-preview').filter({ hasText: /^Still thinking of selling, (Ada|Ben)\?$/ }).waitFor();
      await page.screenshot({ path: join(SHOTS, 'e2e-campaign-sequence.png'), fullPage: true });
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByRole('button', { name: 'Save and review' }).waitFor();

      // The schedule is left as it is (any day, legal hours); the review lists every step per contact.
      await page.goto(`/campaigns/${campaignId}/setup?step=review`);
      await page.getByText(/· 2 steps over 2 days, A\/B on step 1$/).waitFor();
      await page.getByTestId('plan-contacts').filter({ hasText: /^2$/ }).waitFor();
      const plan = page.getByRole('table', { name: 'Plan per contact' });
      expect(await plan.getByRole('cell', { name: 'SMS · step 1 of 2', exact: true }).count()).toBe(2);
      expect(await plan.getByRole('cell', { name: 'SMS · step 2 of 2', exact: true }).count()).toBe(2);
      expect(await plan.getByRole('cell', { name: /^(Ada|Ben) Sequence$/ }).count()).toBe(2);
    } finally {
      await context.close();
    }
  });
});
