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
 * Contacts must be inside legal calling hours (08:00–21:00 their time) for the sandbox to send now.
 * The stack's clock is moved into New York's calling hours when needed (support/calling-hours.ts).
 */
function reachableLocation(): { zip: string; state: string; areaCode: string; city: string } {
  const hour = hourIn('America/New_York', stackNow());
  if (hour < 8 || hour >= 21) throw new Error(`The stack's clock is outside New York calling hours (${hour}:00); check CLOCK_OFFSET_MINUTES`);
  return { zip: '10001', state: 'NY', areaCode: '212', city: 'New York' };
}

async function createContacts(token: string) {
  const where = reachableLocation();
  const people = [
    { firstName: 'Nina', lastName: 'Farmsworth', consent: true, line: '0101' },
    { firstName: 'Omar', lastName: 'Farmsworth', consent: true, line: '0102' },
    { firstName: 'Pete', lastName: 'Farmsworth', consent: false, line: '0103' },
  ];
  for (const person of people) {
    const created = await api<{ id: string }>(token, 'POST', '/contacts', {
      firstName: person.firstName,
      lastName: person.lastName,
      phones: [{ number: `+1${where.areaCode}555${person.line}`, type: 'mobile' }],
      propertyAddress: { street: '12 Orchard Lane', city: where.city, state: where.state, zip: where.zip },
    });
    if (person.consent) {
      await api(token, 'PUT', `/contacts/${created.id}/consent`, { channel: 'sms', status: 'granted', source: 'open-house sign-in sheet' });
    }
  }
}

describe('campaigns', () => {
  it('walks the wizard to launch with an SMS strategy and watches the sends arrive', async () => {
    const { context, page } = await openPage(browser);
    try {
      const email = uniqueEmail('campaigns');
      await register(page, 'Carla Campaign', email);
      const { accessToken } = await api<{ accessToken: string }>(null, 'POST', '/auth/login', { email, password: PASSWORD });
      await createContacts(accessToken);

      // The list starts empty and leads to the wizard.
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Campaigns' }).click();
      await page.getByText('No campaigns yet').waitFor();
      await page.getByRole('link', { name: 'Create your first campaign' }).click();

      // 1. Basics: nothing is created without a name; then the draft exists on the server.
      await page.getByRole('button', { name: 'Create draft and continue' }).click();
      await page.getByText('Give the campaign a name.').waitFor();
      await page.getByRole('textbox', { name: 'Campaign name' }).fill('Orchard Lane farm');
      await page.getByRole('textbox', { name: 'Neighborhood' }).fill('Orchard');
      await page.getByRole('button', { name: 'Create draft and continue' }).click();
      await page.waitForURL(/\/campaigns\/[0-9a-f]{24}\/setup\?step=contacts$/);
      const campaignId = /campaigns\/([0-9a-f]{24})/.exec(page.url())?.[1] as string;

      // 2. Contacts from the CRM: search, then add every match.
      await page.getByTestId('campaign-member-count').filter({ hasText: '0 contacts in this campaign' }).waitFor();
      await page.getByRole('searchbox', { name: 'Search contacts' }).fill('Farmsworth');
      await page.getByRole('status').filter({ hasText: '3 contacts not in this campaign yet' }).waitFor();
      await page.getByRole('button', { name: 'Add all 3 matching contacts' }).click();
      await page.getByTestId('campaign-member-count').filter({ hasText: '3 contacts in this campaign' }).waitFor();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();

      // 3. Channels.
      await page.getByRole('checkbox', { name: 'Text message (SMS)' }).check();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();

      // 4. The message, with a merge field from the picker, a live segment count and a per-contact preview.
      const message = page.getByRole('textbox', { name: 'Message' });
      await message.fill('Hi , homes on Orchard Lane are selling fast. Curious what yours is worth?');
      await message.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
      await page.getByRole('button', { name: 'Insert merge field into the message' }).click();
      await page.getByRole('menuitem', { name: 'First name', exact: true }).click();
      await page.getByTestId('sms-segment-count').filter({ hasText: '1 segment' }).waitFor();
      expect(await message.inputValue()).toBe('Hi {{firstName|there}}, homes on Orchard Lane are selling fast. Curious what yours is worth?');
      await page.getByRole('button', { name: 'Save and preview' }).click();
      await page.getByTestId('sms-preview').filter({ hasText: /^Hi (Nina|Omar|Pete), homes on Orchard Lane/ }).waitFor();
      expect(await page.getByTestId('sms-preview').innerText()).toContain('Reply STOP to opt out');
      await page.screenshot({ path: join(SHOTS, 'e2e-campaign-message.png'), fullPage: true });
      await page.getByRole('button', { name: 'Save and continue' }).click();

      // 5. Schedule and budget: in New York time, every day, the whole day (legal hours still apply).
      await page.getByRole('combobox', { name: 'Time zone' }).click();
      await page.getByRole('combobox', { name: 'Time zone' }).fill('America/New_York');
      await page.getByRole('option', { name: 'America/New_York', exact: true }).click();
      await page.getByLabel('Daily window starts').fill('00:00');
      await page.getByLabel('Daily window ends').fill('23:59');
      // A chip's checkbox is visually hidden; its label is what a person clicks.
      await page.locator('label[for]').filter({ hasText: /^Sun$/ }).click();
      expect(await page.getByRole('checkbox', { name: 'Sunday' }).isChecked()).toBe(true);
      await page.getByRole('textbox', { name: 'Budget (USD)' }).fill('5');
      await page.getByRole('button', { name: 'Save and review' }).click();

      // 6. Review: the dry run sends to the two with consent and leaves Pete out, saying why.
      await page.getByTestId('plan-sends').filter({ hasText: /^2$/ }).waitFor();
      expect(await page.getByTestId('plan-excluded').innerText()).toBe('1');
      await page.getByRole('table', { name: 'Exclusions by reason' }).getByText('No recorded consent').waitFor();
      const planRows = page.getByRole('table', { name: 'Plan per contact' });
      await planRows.getByRole('row').filter({ hasText: 'Pete Farmsworth' }).getByText('Not sent').waitFor();
      await page.screenshot({ path: join(SHOTS, 'e2e-campaign-review.png'), fullPage: true });
      await page.getByRole('button', { name: 'Approve and launch' }).click();

      // The campaign runs; the strategy's live status and the counters move as the sandbox delivers.
      // The campaign clock (every 15 s) completes the campaign once every send is final, which can
      // happen at any point from here on: "Active" or "Completed" are both right until the end.
      await page.waitForURL(new RegExp(`/campaigns/${campaignId}$`));
      await page.getByTestId('campaign-status').filter({ hasText: /^(Active|Completed)$/ }).waitFor();
      await page.getByRole('tab', { name: 'Strategies' }).click();
      const strategy = page.getByRole('article', { name: 'Text message' });
      await strategy.getByTestId('strategy-status').filter({ hasText: /^(Sending|Completed)$/ }).waitFor();
      await strategy.getByTestId('executions-sent').filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
      expect(await strategy.getByTestId('executions-skipped').innerText()).toBe('1');
      await strategy.getByTestId('strategy-progress').filter({ hasText: '3 of 3 done' }).waitFor();
      await page.screenshot({ path: join(SHOTS, 'e2e-campaign-strategies.png'), fullPage: true });

      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.getByTestId('stats-sms-sent').filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
      await page.getByTestId('stats-sms-delivered').filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('budget-spent').innerText()).toMatch(/^\$0\.\d+ of \$5\.00$/);

      // A test to the agent's own phone; its outcome lands in the activity feed with the launch and deploy.
      await page.getByRole('tab', { name: 'Strategies' }).click();
      await strategy.getByRole('button', { name: 'Send a test' }).click();
      const testDialog = page.getByRole('dialog', { name: 'Send a test' });
      await testDialog.getByRole('textbox', { name: 'Your phone' }).fill('(212) 555-0199');
      await testDialog.getByRole('button', { name: 'Send test' }).click();
      await page.getByText('Test on its way to +12125550199; its outcome shows in Activity.').waitFor();

      await page.getByRole('tab', { name: 'Activity' }).click();
      const feed = page.getByLabel('Activity feed');
      await feed.getByTestId('activity-launched').waitFor();
      await feed.getByText('Strategy "Text message" deployed').waitFor();
      await feed.getByTestId('activity-test_sent').waitFor({ timeout: 30_000 });

      await page.getByRole('tab', { name: 'Contacts' }).click();
      const members = page.getByRole('table', { name: 'Campaign contacts' });
      // Every member is listed with its per-channel status, Pete's with why he was not texted.
      await members.getByRole('link', { name: 'Pete Farmsworth' }).waitFor();
      expect(await members.getByRole('row').count()).toBe(4);
      await members.getByRole('row').filter({ hasText: 'Pete Farmsworth' }).getByText('No recorded consent for text messages').waitFor();
      await page.screenshot({ path: join(SHOTS, 'e2e-campaign-detail.png'), fullPage: true });

      // Back on the list the card shows the campaign with its SMS figures; with every send final the
      // clock completes it (the list refreshes on its own).
      await page.getByRole('link', { name: '← Campaigns' }).click();
      const card = page.getByRole('article', { name: 'Orchard Lane farm' });
      await card.getByTestId('campaign-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 45_000 });
      expect(await card.getByTestId('stats-sms-sent').innerText()).toBe('2');
      await page.screenshot({ path: join(SHOTS, 'e2e-campaign-list.png'), fullPage: true });
    } catch (error) {
      await page.screenshot({ path: join(SHOTS, 'e2e-campaigns-failure.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 150_000);
});
