import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { campaignRoutes } from '../../testing/campaigns';
import { contact } from '../../testing/contacts';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { renderPage } from '../../testing/render';
import { ContactsPage } from './contacts-page';

const PAGE = Array.from({ length: 25 }, (_, i) => contact(`c${i}`, `Owner${i}`, 'Farm'));

function listRoute(total: number, items = PAGE) {
  return () => json(200, { items, total, page: 1, limit: 25 });
}

describe('contacts list', () => {
  it('invites an import when there are no contacts yet', async () => {
    installFakeApi({ ...campaignRoutes([]), 'GET /api/v1/contacts': listRoute(0, []) });
    renderPage('/contacts', <ContactsPage />);

    expect(await screen.findByText('No contacts yet')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Import contacts' })[0].getAttribute('href')).toBe('/imports/new');
  });

  it("shows the API's message and code when the list cannot be loaded, and retries", async () => {
    let failing = true;
    installFakeApi({
      ...campaignRoutes([]),
      'GET /api/v1/contacts': () => (failing ? apiError(503, 'SERVICE_UNAVAILABLE', 'The database is not reachable') : listRoute(0, [])()),
    });
    renderPage('/contacts', <ContactsPage />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not reachable');
    expect(alert.textContent).toContain('SERVICE_UNAVAILABLE');
    failing = false;
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    });
    expect(await screen.findByText('No contacts yet')).toBeTruthy();
  });

  it('lists only the contacts of one import when linked so, and shows everyone again on request', async () => {
    const BATCH = '6b01902fe519b84038d530d8';
    const api = installFakeApi({ ...campaignRoutes([]), 'GET /api/v1/contacts': listRoute(2, PAGE.slice(0, 2)) });
    const { router } = renderPage('/contacts', <ContactsPage />, `/contacts?importBatchId=${BATCH}`);

    expect(await screen.findByText('Contacts created by one import')).toBeTruthy();
    expect(api.to('GET /api/v1/contacts')[0].query.get('importBatchId')).toBe(BATCH);
    expect(screen.getByRole('link', { name: 'import' }).getAttribute('href')).toBe(`/imports/${BATCH}`);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show all contacts' }));
    });
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.queryByText('Contacts created by one import')).toBeNull();
    expect(api.to('GET /api/v1/contacts').at(-1)?.query.has('importBatchId')).toBe(false);
  });

  it("shows each contact's opt-outs and consent on its row", async () => {
    const granted = { status: 'granted' as const, source: 'open-house', capturedAt: '2026-11-01T10:00:00.000Z', wording: null, ip: null };
    const unknown = { status: 'unknown' as const, source: null, capturedAt: null, wording: null, ip: null };
    const optedOut = contact('c1', 'Stop', 'Texting', {
      consent: { sms: unknown, voice: granted, email: unknown },
      optOuts: { sms: { at: '2026-11-20T10:00:00.000Z', reason: null, source: 'sms-reply', evidence: 'STOP' }, voice: null, email: null },
    });
    const stoppedAll = contact('c2', 'Stop', 'Everything', { doNotContact: true });
    installFakeApi({ ...campaignRoutes([]), 'GET /api/v1/contacts': listRoute(2, [optedOut, stoppedAll]) });
    renderPage('/contacts', <ContactsPage />);

    const firstRow = (await screen.findByRole('link', { name: 'Stop Texting' })).closest('tr') as HTMLElement;
    expect(within(firstRow).getByText('Text: opted out')).toBeTruthy();
    expect(within(firstRow).getByText('Voicemail: consent')).toBeTruthy();
    expect(within(firstRow).queryByText('Email: no consent')).toBeNull();
    const secondRow = screen.getByRole('link', { name: 'Stop Everything' }).closest('tr') as HTMLElement;
    expect(within(secondRow).getByText('Do not contact')).toBeTruthy();
  });

  it('sends the filters from the address and offers to clear them when nothing matches', async () => {
    const api = installFakeApi({ ...campaignRoutes([]), 'GET /api/v1/contacts': listRoute(0, []) });
    renderPage('/contacts', <ContactsPage />, '/contacts?inAnyCampaign=false&tag=farm&page=2');

    expect(await screen.findByText('No contacts match')).toBeTruthy();
    const query = api.to('GET /api/v1/contacts')[0].query;
    expect(Object.fromEntries(query)).toEqual({ inAnyCampaign: 'false', tag: 'farm', page: '2', limit: '25', sort: '-createdAt' });
  });

  it('selects the page, widens to every matching contact and tags them all through the filter', async () => {
    const api = installFakeApi({
      ...campaignRoutes([]),
      'GET /api/v1/contacts': listRoute(312),
      'POST /api/v1/contacts/bulk': () => json(200, { action: 'tag', matched: 312, modified: 300 }),
    });
    renderPage('/contacts', <ContactsPage />, '/contacts?inAnyCampaign=false');
    await screen.findByRole('link', { name: 'Owner0 Farm' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all contacts on this page' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('25 contacts selected')).toBeTruthy();
    fireEvent.click(within(bar).getByRole('button', { name: 'Select all 312 matching contacts' }));
    expect(within(bar).getByText('All 312 matching contacts selected')).toBeTruthy();

    fireEvent.click(within(bar).getByRole('button', { name: 'Add tags' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add tags' });
    expect(within(dialog).getByText(/This applies to/).textContent).toBe('This applies to 312 contacts.');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Add tags' }));
    });
    expect(within(dialog).getByText('Type at least one tag and press Enter.')).toBeTruthy();
    expect(api.to('POST /api/v1/contacts/bulk')).toHaveLength(0);

    const tags = within(dialog).getByRole('combobox', { name: 'Tags' });
    act(() => tags.focus());
    fireEvent.change(tags, { target: { value: 'farm-2026' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Add tags' }));
    });

    expect(api.to('POST /api/v1/contacts/bulk')[0].body).toEqual({ action: 'tag', filter: { inAnyCampaign: false }, tags: ['farm-2026'] });
    expect(await screen.findByText('Tagged 300 contacts (12 contacts already had it).')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Bulk actions' })).toBeNull());
  });

  it('sends picked contacts as ids, and says plainly when there is no campaign to add them to', async () => {
    const api = installFakeApi({
      ...campaignRoutes([]),
      'GET /api/v1/contacts': listRoute(312),
      'POST /api/v1/contacts/bulk': () => json(200, { action: 'mark-do-not-contact', matched: 2, modified: 2 }),
    });
    renderPage('/contacts', <ContactsPage />);
    await screen.findByRole('link', { name: 'Owner0 Farm' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Owner3 Farm' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Owner7 Farm' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('2 contacts selected')).toBeTruthy();
    expect(within(bar).queryByRole('button', { name: /Select all 312/ })).toBeNull();

    fireEvent.click(within(bar).getByRole('button', { name: 'Add to campaign' }));
    const campaignDialog = await screen.findByRole('dialog', { name: 'Add to campaign' });
    expect(await within(campaignDialog).findByText('No campaigns yet')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(campaignDialog).getByRole('button', { name: 'Add to campaign' }));
    });
    expect(within(campaignDialog).getByText('Choose a campaign.')).toBeTruthy();
    fireEvent.click(within(campaignDialog).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(bar).getByRole('button', { name: 'Mark do not contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as do not contact' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reason/ }), { target: { value: 'Asked on the phone' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Mark do not contact' }));
    });
    expect(api.to('POST /api/v1/contacts/bulk')[0].body).toEqual({
      action: 'mark-do-not-contact',
      ids: ['c3', 'c7'],
      reason: 'Asked on the phone',
    });
  });

  it('preselects the campaign the list is filtered by in the add-to-campaign dialog', async () => {
    const api = installFakeApi({
      ...campaignRoutes([
        { id: '6b01902fe519b84038d530d8', name: 'Spring farm' },
        { id: '6b01902fe519b84038d530d9', name: 'Fall expireds', status: 'active' },
      ]),
      'GET /api/v1/contacts': listRoute(30),
      'POST /api/v1/contacts/bulk': () => json(200, { action: 'add-to-campaign', matched: 30, modified: 30 }),
    });
    renderPage('/contacts', <ContactsPage />, '/contacts?notInCampaign=6b01902fe519b84038d530d8&campaignName=Spring+farm');
    await screen.findByRole('link', { name: 'Owner0 Farm' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all contacts on this page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Select all 30 matching contacts' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add to campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add to campaign' });
    await waitFor(() => expect((within(dialog).getByRole('combobox', { name: 'Campaign' }) as HTMLInputElement).value).toBe('Spring farm'));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Add to campaign' }));
    });
    expect(api.to('POST /api/v1/contacts/bulk')[0].body).toEqual({
      action: 'add-to-campaign',
      filter: { notInCampaign: '6b01902fe519b84038d530d8' },
      campaignId: '6b01902fe519b84038d530d8',
    });
    expect(await screen.findByText('Added 30 contacts to the campaign.')).toBeTruthy();
  });
});
