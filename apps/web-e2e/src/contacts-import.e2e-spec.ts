import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, uniqueEmail } from './support/chromium';

// Screenshots go to the git-ignored tmp/ for a person to look at; nothing compares them.
const SHOTS = resolve(__dirname, '../../../tmp');
const MAPPING_SCREENSHOT = join(SHOTS, 'e2e-import-mapping.png');
const PROGRESS_SCREENSHOT = join(SHOTS, 'e2e-import-progress.png');
const RESULT_SCREENSHOT = join(SHOTS, 'e2e-import-result.png');
const CONTACTS_SCREENSHOT = join(SHOTS, 'e2e-contacts-list.png');
const CONTACT_SCREENSHOT = join(SHOTS, 'e2e-contact-detail.png');
const SEGMENT_SCREENSHOT = join(SHOTS, 'e2e-segment-builder.png');
const PHONE_CONTACTS_SCREENSHOT = join(SHOTS, 'e2e-phone-contacts.png');
const PHONE_MAPPING_SCREENSHOT = join(SHOTS, 'e2e-phone-import-mapping.png');

/** Rows after the three hand-written ones, so the import runs long enough to be watched. */
const GENERATED_ROWS = 120;

/**
 * A title-rep style sheet whose phone column has a header the server does not recognise ("Best
 * Number"): without fixing the mapping, James (no email) and every generated row would be lost.
 * Ana's phone and email are both broken, so her row lands in the error rows.
 */
function writeCsv(dir: string): string {
  const lines = [
    'First Name,Last Name,Best Number,Email,City,State,Lead Notes',
    'Maria,Gonzalez,(760) 555-0134,maria.gonzalez@example.com,Palm Desert,CA,Met at open house',
    'James,Carter,760-555-0199,,Indio,CA,',
    'Ana,Silva,not a phone,ana.silva@example,La Quinta,CA,',
  ];
  for (let i = 0; i < GENERATED_ROWS; i += 1) {
    const line = String(2000 + i).padStart(4, '0');
    lines.push(`Owner${i},Farm,(442) 555-${line},,Palm Springs,CA,generated`);
  }
  const path = join(dir, 'title-rep-farm.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`, 'utf8');
  return path;
}

let browser: Browser;
let workDir: string;

beforeAll(async () => {
  browser = await launchChromium();
  workDir = mkdtempSync(join(tmpdir(), 'cadence-e2e-import-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function register(page: Page, name: string, tag: string) {
  await page.goto('/register');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(uniqueEmail(tag));
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Welcome, ${name}` }).waitFor();
}

/** Best effort: catch the panel mid-run (rows done, rate and time left shown); a fast run may finish first. */
async function screenshotWhileRunning(page: Page, path: string) {
  for (let i = 0; i < 100; i += 1) {
    const processed = await page.getByTestId('import-processed').textContent();
    const status = await page.getByRole('status').filter({ hasText: /Importing|Completed/ }).count();
    if (status > 0 && processed && !processed.startsWith('0 of')) break;
    await page.waitForTimeout(50);
  }
  await page.screenshot({ path, fullPage: true });
}

/** How far the page scrolls sideways; anything above 0 means something does not fit a phone. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function chooseOption(page: Page, comboboxName: string, option: string) {
  await page.getByRole('combobox', { name: comboboxName, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('importing contacts and working with them', () => {
  it('uploads a CSV, fixes a mapping, watches progress, finds the contacts, filters and bulk-tags them', async () => {
    const csv = writeCsv(workDir);
    const { context, page } = await openPage(browser);
    try {
      await register(page, 'Irene Import', 'import');

      // An empty CRM says so and leads to the import.
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
      await page.getByText('No contacts yet').waitFor();
      await page.getByRole('link', { name: 'Import contacts' }).first().click();

      // 1. Upload: the server reads the file and suggests a mapping; nothing is stored yet.
      await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
      await page.locator('input[type="file"]').setInputFiles(csv);
      await page.getByRole('button', { name: 'Upload and preview' }).click();

      // 2. Columns: "Best Number" was not recognised; map it to Phone.
      await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
      await page.getByText(`${GENERATED_ROWS + 3} rows`, { exact: false }).first().waitFor();
      expect(await page.getByTestId('mapping-note-Best Number').textContent()).toBe('Not recognised');
      expect(await page.getByTestId('mapping-note-Email').textContent()).toBe('Contact column');
      await chooseOption(page, 'Best Number', 'Phone');
      expect(await page.getByTestId('mapping-note-Best Number').textContent()).toBe('Contact column');
      await chooseOption(page, 'Lead Notes', 'Do not import');
      // The sample rows are read again with the edited mapping: James now has his phone.
      await page.getByRole('button', { name: 'Update preview' }).click();
      await page.getByText('With the mapping above.').waitFor();
      const sample = page.getByRole('table', { name: 'First rows as they will be imported' });
      await sample.getByText('(760) 555-0199').waitFor();
      await page.screenshot({ path: MAPPING_SCREENSHOT, fullPage: true });
      await page.getByRole('button', { name: 'Continue' }).click();

      // 3. Options, then start.
      await page.getByRole('heading', { name: '3. Choose the options' }).waitFor();
      expect(await page.getByLabel('Create new contacts and update existing ones').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Start import' }).click();

      // Progress: the batch id is in the address and the panel polls GET /v1/imports/:id.
      await page.waitForURL(/\/imports\/[0-9a-f]{24}$/);
      const importUrl = page.url();
      await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
      await page.getByTestId('import-processed').waitFor();
      await screenshotWhileRunning(page, PROGRESS_SCREENSHOT);
      // A reload keeps following the same import.
      await page.reload();
      await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Completed' }).waitFor({ timeout: 45_000 });
      expect(page.url()).toBe(importUrl);
      expect(await page.getByTestId('import-processed').innerText()).toBe(`${GENERATED_ROWS + 3} of ${GENERATED_ROWS + 3} rows`);
      expect(await page.getByTestId('import-eta').innerText()).toBe('Done');
      expect(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('100');

      // Results: everyone but Ana came in; her row is in the error rows, downloadable as CSV.
      const results = page.getByRole('region', { name: 'Results' });
      await results.waitFor();
      expect(await results.innerText()).toMatch(new RegExp(`Created\\s+${GENERATED_ROWS + 2}\\b`));
      const errors = page.getByRole('table', { name: 'Row errors' });
      await errors.getByRole('cell', { name: 'not a phone', exact: true }).waitFor();
      await page.screenshot({ path: RESULT_SCREENSHOT, fullPage: true });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download error rows (CSV)' }).click(),
      ]);
      const saved = join(workDir, download.suggestedFilename());
      await download.saveAs(saved);
      expect(download.suggestedFilename()).toBe('title-rep-farm-errors.csv');
      const errorCsv = readFileSync(saved, 'utf8');
      expect(errorCsv.split(/\r?\n/)[0].toLowerCase()).toContain('row');
      expect(errorCsv).toContain('not a phone');

      // Find the contacts: search by name, then by phone in another format.
      await page.getByRole('link', { name: 'View contacts' }).click();
      await page.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
      const list = page.getByRole('table', { name: 'Contacts' });
      await page.getByRole('status').filter({ hasText: `${GENERATED_ROWS + 2} contacts` }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill('gonzalez');
      await page.getByRole('status').filter({ hasText: '1 contact match' }).waitFor();
      await list.getByRole('link', { name: 'Maria Gonzalez' }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill('760.555.0199');
      await list.getByRole('link', { name: 'James Carter' }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill('');

      // Filter by campaign membership (nobody is in a campaign yet), then narrow with a search.
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await chooseOption(page, 'Campaigns', 'Not in any campaign');
      await page.getByRole('status').filter({ hasText: `${GENERATED_ROWS + 2} contacts match` }).waitFor();
      await chooseOption(page, 'Campaigns', 'In at least one campaign');
      await page.getByText('No contacts match').waitFor();
      await chooseOption(page, 'Campaigns', 'Not in any campaign');
      await page.getByRole('searchbox', { name: 'Search' }).fill('farm');
      await page.getByRole('status').filter({ hasText: `${GENERATED_ROWS} contacts match` }).waitFor();
      expect(new URL(page.url()).searchParams.get('inAnyCampaign')).toBe('false');

      // Bulk-tag every match (more than one page): select the page, widen to all matching, tag.
      await page.getByRole('checkbox', { name: 'Select all contacts on this page' }).check();
      const bulk = page.getByRole('region', { name: 'Bulk actions' });
      await bulk.getByText('25 contacts selected').waitFor();
      await bulk.getByRole('button', { name: `Select all ${GENERATED_ROWS} matching contacts` }).click();
      await bulk.getByText(`All ${GENERATED_ROWS} matching contacts selected`).waitFor();
      await bulk.getByRole('button', { name: 'Add tags' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add tags' });
      await dialog.getByText(`This applies to ${GENERATED_ROWS} contacts.`).waitFor();
      await dialog.getByRole('combobox', { name: 'Tags' }).fill('farm-2026');
      await dialog.getByRole('combobox', { name: 'Tags' }).press('Enter');
      await dialog.getByRole('button', { name: 'Add tags' }).click();
      await page.getByText(`Tagged ${GENERATED_ROWS} contacts.`).waitFor();
      await dialog.waitFor({ state: 'hidden' });

      // The tag filter now finds exactly them, across pages.
      await page.getByRole('searchbox', { name: 'Search' }).fill('');
      await page.getByRole('textbox', { name: 'Tag', exact: true }).fill('farm-2026');
      await page.waitForURL((url) => url.searchParams.get('tag') === 'farm-2026' && !url.searchParams.has('search'));
      await page.getByRole('status').filter({ hasText: `${GENERATED_ROWS} contacts match` }).waitFor();
      await page.getByRole('button', { name: 'Page 2' }).click();
      await page.getByText(`Page 2 of ${Math.ceil(GENERATED_ROWS / 25)}`).waitFor();
      await page.getByRole('textbox', { name: 'Tag', exact: true }).fill('');
      await page.getByRole('status').filter({ hasText: `${GENERATED_ROWS + 2} contacts match` }).waitFor();
      await page.screenshot({ path: CONTACTS_SCREENSHOT, fullPage: true });

      // The contact's page: phones with the DNC flag, consent, campaign history and the import on the timeline.
      await page.getByRole('searchbox', { name: 'Search' }).fill('gonzalez');
      await list.getByRole('link', { name: 'Maria Gonzalez' }).click();
      await page.getByRole('heading', { name: 'Maria Gonzalez' }).waitFor();
      const phones = page.getByRole('table', { name: 'Phone numbers' });
      await phones.getByText('(760) 555-0134').waitFor();
      await phones.getByText('Not on DNC list').waitFor();
      await page.getByText('Not in any campaign yet.').waitFor();
      await page.getByRole('button', { name: 'Record SMS consent' }).click();
      const consent = page.getByRole('dialog', { name: 'Record consent' });
      await consent.getByRole('button', { name: 'Save consent' }).click();
      await consent.getByText(/Say where the consent was given/).waitFor();
      await consent.getByLabel('Where was it given?').fill('open-house sign-in sheet');
      await consent.getByRole('button', { name: 'Save consent' }).click();
      await consent.waitFor({ state: 'hidden' });
      await page.getByRole('table', { name: 'Consent per channel' }).getByText('open-house sign-in sheet').waitFor();
      await page.getByRole('button', { name: 'Add to campaign' }).first().click();
      const addDialog = page.getByRole('dialog', { name: 'Add to campaign' });
      await addDialog.getByText('No campaigns yet').waitFor();
      await addDialog.getByRole('button', { name: 'Cancel' }).click();
      await addDialog.waitFor({ state: 'hidden' });
      await page.getByRole('region', { name: 'Timeline' }).getByText('Imported', { exact: true }).first().waitFor();
      await page.screenshot({ path: CONTACT_SCREENSHOT, fullPage: true });

      // A segment over the tag: the live count follows the rules, then it is saved, edited and deleted.
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Segments' }).click();
      await page.getByText('No segments yet').waitFor();
      await page.getByRole('link', { name: 'New segment' }).first().click();
      await page.getByLabel('Name').fill('Farm 2026 owners');
      await page.getByRole('combobox', { name: 'Condition 1: value' }).fill('farm-2026');
      await page.getByRole('combobox', { name: 'Condition 1: value' }).press('Enter');
      await page.getByRole('status').filter({ hasText: `${GENERATED_ROWS} contacts match` }).waitFor();
      await page.getByRole('button', { name: 'Add condition' }).click();
      await chooseOption(page, 'Condition 2: field', 'First name');
      await chooseOption(page, 'Condition 2: comparison', 'starts with');
      await page.getByRole('textbox', { name: 'Condition 2: value' }).fill('Owner1');
      // Owner1, Owner10–19 and Owner100–119.
      await page.getByRole('status').filter({ hasText: '31 contacts match' }).waitFor();
      await page.screenshot({ path: SEGMENT_SCREENSHOT, fullPage: true });
      await page.getByRole('button', { name: 'Save segment' }).click();
      const segments = page.getByRole('list', { name: 'Segments' });
      await segments.getByRole('link', { name: 'Farm 2026 owners', exact: true }).waitFor();
      expect(await segments.innerText()).toContain('Tags has any of farm-2026 and First name starts with Owner1');
      await page.getByRole('link', { name: 'Edit Farm 2026 owners' }).click();
      await page.getByRole('status').filter({ hasText: '31 contacts match' }).waitFor();
      await page.getByRole('button', { name: 'Remove Condition 2' }).click();
      await page.getByRole('status').filter({ hasText: `${GENERATED_ROWS} contacts match` }).waitFor();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('button', { name: 'Delete Farm 2026 owners' }).click();
      await page.getByRole('dialog', { name: 'Delete segment?' }).getByRole('button', { name: 'Delete segment' }).click();
      await page.getByText('No segments yet').waitFor();
    } catch (error) {
      await page.screenshot({ path: join(SHOTS, 'e2e-contacts-import-failure.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows the contacts list at phone width without sideways scrolling', async () => {
    const csv = writeCsv(workDir);
    const { context, page } = await openPage(browser, { width: 375, height: 740 });
    try {
      await register(page, 'Pia Phone', 'import-phone');
      await page.goto('/imports/new');
      await page.locator('input[type="file"]').setInputFiles(csv);
      await page.getByRole('button', { name: 'Upload and preview' }).click();
      await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
      await chooseOption(page, 'Best Number', 'Phone');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: PHONE_MAPPING_SCREENSHOT, fullPage: false });
      await page.getByRole('button', { name: 'Continue' }).click();
      // This time every imported contact also goes into a new draft campaign.
      await page.getByRole('radio', { name: /Create a draft campaign/ }).check();
      await page.getByRole('textbox', { name: 'Campaign name' }).fill('Phone farm');
      await page.getByRole('button', { name: 'Start import' }).click();
      await page.getByRole('status').filter({ hasText: 'Completed' }).waitFor({ timeout: 45_000 });
      await page.getByRole('list', { name: 'Row errors' }).waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('link', { name: 'View the contacts of “Phone farm”' }).click();
      await page.getByRole('status').filter({ hasText: `${GENERATED_ROWS + 2} contacts match` }).waitFor();
      expect(new URL(page.url()).searchParams.get('campaignId')).toMatch(/^[0-9a-f]{24}$/);
      await page.getByRole('button', { name: 'Clear filters' }).click();

      await page.getByRole('searchbox', { name: 'Search' }).fill('maria');
      const cards = page.getByRole('list', { name: 'Contacts' });
      await cards.getByRole('link', { name: 'Maria Gonzalez' }).waitFor();
      await cards.getByRole('checkbox', { name: 'Select Maria Gonzalez' }).check();
      await page.getByRole('region', { name: 'Bulk actions' }).getByText('1 contact selected').waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: PHONE_CONTACTS_SCREENSHOT, fullPage: false });
    } catch (error) {
      await page.screenshot({ path: join(SHOTS, 'e2e-contacts-phone-failure.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 90_000);

  it('creates a contact by hand, shows the server\'s validation on the right field, and edits it', async () => {
    const { context, page } = await openPage(browser);
    try {
      await register(page, 'Nora New', 'contact-form');
      await page.goto('/contacts');
      await page.getByRole('link', { name: 'New contact' }).click();
      await page.getByRole('heading', { name: 'New contact' }).waitFor();
      await page.getByLabel('First name').fill('Nora');
      await page.getByLabel('Last name').fill('Núñez');
      const firstPhone = page.getByRole('group', { name: 'Phone 1' });
      await firstPhone.getByLabel('Number').fill('211');
      await page.getByRole('textbox', { name: 'Email 1', exact: true }).fill('nora@example.com');
      await page.getByRole('button', { name: 'Create contact' }).click();
      // The server refuses the number and names the field; the form puts it there.
      await firstPhone.getByText(/phone/i).first().waitFor();
      expect(await firstPhone.getByLabel('Number').getAttribute('aria-invalid')).toBe('true');
      await firstPhone.getByLabel('Number').fill('(760) 555-0142');
      await firstPhone.getByLabel('Do not call').check();
      await page.getByRole('button', { name: 'Create contact' }).click();
      await page.waitForURL(/\/contacts\/[0-9a-f]{24}$/);
      await page.getByRole('heading', { name: 'Nora Núñez' }).waitFor();
      const phones = page.getByRole('table', { name: 'Phone numbers' });
      await phones.getByText('(760) 555-0142').waitFor();
      await phones.getByText('On do-not-call list').waitFor();

      await page.getByRole('button', { name: 'Edit contact' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit contact' });
      await dialog.getByRole('button', { name: 'Add phone' }).click();
      await dialog.getByRole('group', { name: 'Phone 2' }).getByLabel('Number').fill('+1 512 555 0143');
      await dialog.getByRole('group', { name: 'Phone 1' }).getByLabel('Do not call').uncheck();
      await dialog.getByRole('combobox', { name: 'Tags' }).fill('sphere');
      await dialog.getByRole('combobox', { name: 'Tags' }).press('Enter');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await phones.getByText('(512) 555-0143').waitFor();
      expect(await phones.getByText('On do-not-call list').count()).toBe(0);
      await page.getByText('sphere', { exact: true }).first().waitFor();
    } catch (error) {
      await page.screenshot({ path: join(SHOTS, 'e2e-contact-form-failure.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 60_000);
});
