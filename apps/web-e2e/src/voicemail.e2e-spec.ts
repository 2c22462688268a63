import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { api, register, PASSWORD, SHOTS } from './support/agent';
import { baseUrl, launchChromium, openPage, uniqueEmail } from './support/chromium';

const PEOPLE = ['Nina', 'Omar', 'Pete'].map((firstName) => `${firstName} Vasquez`);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A campaign with three contacts, made through the API: the browser part is about the scripts. */
async function createCampaign(token: string): Promise<string> {
  const contactIds: string[] = [];
  for (const [i, person] of PEOPLE.entries()) {
    const [firstName, lastName] = person.split(' ');
    const contact = await api<{ id: string }>(token, 'POST', '/contacts', {
      firstName,
      lastName,
      phones: [{ number: `+1760555${2000 + i}`, type: 'mobile' }],
      propertyAddress: { street: `${i + 1} Palm Drive`, city: 'Palm Desert', state: 'CA', zip: '92260' },
    });
    contactIds.push(contact.id);
  }
  const campaign = await api<{ id: string }>(token, 'POST', '/campaigns', { name: 'Palm Drive expireds', type: 'neighborhood_expireds', neighborhood: 'Palm Drive' });
  await api(token, 'POST', `/campaigns/${campaign.id}/contacts`, { contactIds });
  return campaign.id;
}

function scriptCard(page: Page, person: string): Locator {
  return page.locator(`[aria-label="Script for ${person}"]`);
}

/** "123 characters · 87 words · about 35 s" → 87. */
async function wordsIn(counts: Locator): Promise<number> {
  const match = /(\d+) words/.exec(await counts.innerText());
  if (!match) throw new Error(`No word count in "${await counts.innerText()}"`);
  return Number(match[1]);
}

describe('voicemail scripts', () => {
  it('generates, edits one, approves all, renders audio and plays it', async () => {
    const { context, page } = await openPage(browser);
    try {
      const email = uniqueEmail('voicemail');
      await register(page, 'Dana Reyes', email);
      const { accessToken } = await api<{ accessToken: string }>(null, 'POST', '/auth/login', { email, password: PASSWORD });
      const campaignId = await createCampaign(accessToken);

      await page.goto(`/campaigns/${campaignId}`);
      await page.getByRole('tab', { name: 'Scripts' }).click();
      await page.waitForURL(new RegExp(`/campaigns/${campaignId}\\?tab=scripts$`));

      // No settings yet: the tab asks who speaks before anything can be generated.
      await page.getByRole('heading', { name: 'Voicemail settings' }).waitFor();
      await page.getByRole('textbox', { name: 'Agent name' }).fill('Dana Reyes');
      await page.getByRole('textbox', { name: 'Brokerage' }).fill('Desert Sun Realty');
      await page.getByRole('textbox', { name: 'Callback number' }).fill('(760) 555-0142');
      await page.getByRole('textbox', { name: 'Opt-out number' }).fill('1-800-555-0199');
      await page.getByRole('button', { name: 'Save voicemail settings' }).click();
      await page.getByText('Dana Reyes · Desert Sun Realty · (760) 555-0142').waitFor();
      await page.getByText('No scripts yet: "Generate all scripts" writes one for every contact of the campaign.').waitFor();

      // The cost estimate comes before anything starts.
      await page.getByRole('button', { name: 'Generate all scripts' }).click();
      const scriptsDialog = page.getByRole('dialog', { name: 'Generate all scripts' });
      const scriptsEstimate = scriptsDialog.getByTestId('estimate-text');
      await scriptsEstimate.waitFor();
      expect(await scriptsEstimate.innerText()).toMatch(/^3 scripts to write, estimated \$\d+\.\d+ \(offline provider: nothing is charged\)\.$/);
      await scriptsDialog.getByRole('button', { name: 'Start' }).click();
      await scriptsDialog.waitFor({ state: 'hidden' });

      // The progress panel is read from the API, so a reload in the middle of the batch brings it back.
      const scriptsPanel = page.getByTestId('batch-scripts');
      await scriptsPanel.waitFor();
      await page.reload();
      await scriptsPanel.waitFor();
      await scriptsPanel.getByRole('status').filter({ hasText: 'Completed' }).waitFor({ timeout: 30_000 });
      expect(await scriptsPanel.getByTestId('batch-count').innerText()).toBe('3 of 3 scripts');
      expect(await scriptsPanel.getByTestId('batch-outcome').innerText()).toBe('3 done · 0 failed');
      expect(await scriptsPanel.getByTestId('batch-eta').innerText()).toBe('Done');
      expect(await scriptsPanel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

      // One script per contact, each naming the agent with the callback and opt-out numbers.
      for (const person of PEOPLE) {
        const card = scriptCard(page, person);
        await card.waitFor();
        const text = await card.getByTestId('script-text').innerText();
        expect(text).toContain('Dana Reyes');
        expect(text).toContain('Desert Sun Realty');
        expect(text).toContain('(760) 555-0142');
        expect(await card.getByText('Pending review').count()).toBe(1);
        expect(await card.getByText('v1 · template').count()).toBe(1);
      }
      await page.getByTestId('scripts-summary').filter({ hasText: /^3 scripts · 0 approved · 0 with audio · / }).waitFor();
      await page.screenshot({ path: join(SHOTS, 'e2e-voicemail-scripts.png'), fullPage: true });

      // Edit one: the counts follow the text, and saving makes version 2, written by hand.
      const edited = scriptCard(page, PEOPLE[0]);
      const wordsBefore = await wordsIn(edited.getByTestId('text-counts'));
      await edited.getByRole('button', { name: 'Edit' }).click();
      const textarea = edited.getByRole('textbox', { name: 'Script text' });
      const original = await textarea.inputValue();
      await textarea.fill(`${original} Talk soon, neighbor.`);
      await edited.getByTestId('text-counts').filter({ hasText: ` ${wordsBefore + 3} words` }).waitFor();
      await edited.getByRole('button', { name: 'Save' }).click();
      await edited.getByText('v2 · manual').waitFor();
      expect(await edited.getByTestId('script-text').innerText()).toMatch(/Talk soon, neighbor\.$/);
      expect(await wordsIn(edited.getByTestId('text-counts'))).toBe(wordsBefore + 3);

      // Approve all.
      await page.getByRole('button', { name: 'Approve all (3)' }).click();
      await page.getByTestId('scripts-summary').filter({ hasText: /^3 scripts · 3 approved · 0 with audio · / }).waitFor();
      for (const person of PEOPLE) await scriptCard(page, person).getByText('Approved', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Approve all (0)' }).isDisabled()).toBe(true);

      // Generate all audio, again after its estimate.
      await page.getByRole('button', { name: 'Generate all audio' }).click();
      const audioDialog = page.getByRole('dialog', { name: 'Generate all audio' });
      const audioEstimate = audioDialog.getByTestId('estimate-text');
      await audioEstimate.waitFor();
      expect(await audioEstimate.innerText()).toMatch(/^3 recordings to make, estimated \$\d+\.\d+ \(offline provider: nothing is charged\)\.$/);
      await audioDialog.getByRole('button', { name: 'Start' }).click();
      const audioPanel = page.getByTestId('batch-audio');
      await audioPanel.getByRole('status').filter({ hasText: 'Completed' }).waitFor({ timeout: 30_000 });
      expect(await audioPanel.getByTestId('batch-count').innerText()).toBe('3 of 3 recordings');
      expect(await audioPanel.getByTestId('batch-outcome').innerText()).toBe('3 done · 0 failed');
      await page.getByTestId('scripts-summary').filter({ hasText: /^3 scripts · 3 approved · 3 with audio · / }).waitFor();

      // With audio the text is locked, and the player is there.
      const played = scriptCard(page, PEOPLE[0]);
      await played.getByText('Audio ready').waitFor();
      await played.getByText('This script already has audio. Delete the audio to edit the text.').waitFor();
      expect(await played.getByRole('button', { name: 'Edit' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('script-audio').count()).toBe(3);
      await page.screenshot({ path: join(SHOTS, 'e2e-voicemail-audio.png'), fullPage: true });

      // The player's source is a signed link the API serves as audio.
      const player = played.getByTestId('script-audio');
      const src = await player.getAttribute('src');
      expect(src).toMatch(/^\/api\/v1\/media\/[^?]+\?expires=\d+&sig=/);
      const file = await fetch(`${baseUrl()}${src}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/^audio\//);
      expect(Buffer.from(await file.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF');

      // Play it: the browser loads and decodes the file and its playhead moves. Muted, because a script's
      // play() is not a user gesture and Chromium's autoplay policy only lets muted media start without one.
      await player.evaluate(async (audio: HTMLAudioElement) => {
        audio.muted = true;
        await audio.play();
      });
      const playing = await player.elementHandle();
      await page.waitForFunction((audio) => audio instanceof HTMLAudioElement && audio.readyState >= 2 && audio.currentTime > 0, playing);
      const state = await player.evaluate((audio: HTMLAudioElement) => ({ duration: audio.duration, error: audio.error?.code ?? null, paused: audio.paused }));
      expect(state.error).toBeNull();
      expect(state.paused).toBe(false);
      // The offline voice speaks at the same pace as the estimate: a 75–115 word script lasts well over 20 s.
      expect(state.duration).toBeGreaterThan(20);
      await player.evaluate((audio: HTMLAudioElement) => audio.pause());
    } catch (error) {
      await page.screenshot({ path: join(SHOTS, 'e2e-voicemail-failure.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 150_000);
});
