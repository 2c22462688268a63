import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { campaign, channelStats } from '../../testing/fixtures';
import { renderPage } from '../../testing/render';
import { CampaignsPage } from './campaigns-page';

function page(items: ReturnType<typeof campaign>[], total = items.length) {
  return () => json(200, { items, total, page: 1, limit: 12 });
}

describe('campaign list', () => {
  it('invites the first campaign when there is none', async () => {
    installFakeApi({ 'GET /api/v1/campaigns': page([]) });
    renderPage('/campaigns', <CampaignsPage />);

    expect(await screen.findByText('No campaigns yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create your first campaign' }).getAttribute('href')).toBe('/campaigns/new');
  });

  it("shows the API's message and code when the list fails, and retries", async () => {
    let failing = true;
    installFakeApi({
      'GET /api/v1/campaigns': () => (failing ? apiError(503, 'SERVICE_UNAVAILABLE', 'The database is not reachable') : page([])()),
    });
    renderPage('/campaigns', <CampaignsPage />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not reachable');
    expect(alert.textContent).toContain('SERVICE_UNAVAILABLE');
    failing = false;
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    });
    expect(await screen.findByText('No campaigns yet')).toBeTruthy();
  });

  it('shows each campaign as a card with its status and what went out per channel', async () => {
    installFakeApi({
      'GET /api/v1/campaigns': page([
        campaign({
          id: 'a1',
          name: 'Spring farm',
          status: 'active',
          budget: { limitUsd: 50, spentUsd: 1.25 },
          stats: { sms: channelStats({ sent: 40, delivered: 38, failed: 2 }), email: channelStats(), voicemail: channelStats() },
        }),
        campaign({ id: 'a2', name: 'Fall expireds', status: 'draft' }),
      ]),
    });
    renderPage('/campaigns', <CampaignsPage />);

    const spring = await screen.findByRole('article', { name: 'Spring farm' });
    expect(within(spring).getByTestId('campaign-status').textContent).toBe('Active');
    const sms = within(spring).getByRole('row', { name: /SMS/ });
    expect(within(sms).getAllByRole('cell').map((c) => c.textContent)).toEqual(['40', '38', '2']);
    expect(within(spring).queryByRole('row', { name: /Email/ })).toBeNull();
    expect(within(spring).getByText(/Spent \$1\.25 of \$50\.00/)).toBeTruthy();
    expect(within(spring).getByRole('link', { name: 'Spring farm' }).getAttribute('href')).toBe('/campaigns/a1');

    const fall = screen.getByRole('article', { name: 'Fall expireds' });
    expect(within(fall).getByText('Nothing sent yet.')).toBeTruthy();
    expect(within(fall).getByRole('link', { name: 'Continue setup' }).getAttribute('href')).toBe('/campaigns/a2/setup');
    expect(screen.getByRole('status').textContent).toBe('2 campaigns');
  });

  it('sends the status tab, type, search, sort and page to the API and keeps them in the address', async () => {
    const api = installFakeApi({ 'GET /api/v1/campaigns': page([campaign({ name: 'Spring farm' })], 30) });
    const { router } = renderPage('/campaigns', <CampaignsPage />, '/campaigns?type=past_clients&sort=name');
    await screen.findByRole('article', { name: 'Spring farm' });
    expect(Object.fromEntries(api.to('GET /api/v1/campaigns')[0].query)).toEqual({ page: '1', limit: '12', sort: 'name', type: 'past_clients' });

    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Active' }));
    });
    await waitFor(() => expect(api.to('GET /api/v1/campaigns').at(-1)?.query.get('status')).toBe('active'));

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'spring' } });
    await waitFor(() => expect(api.to('GET /api/v1/campaigns').at(-1)?.query.get('search')).toBe('spring'), { timeout: 2000 });

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Page 3' }));
    });
    await waitFor(() => expect(api.to('GET /api/v1/campaigns').at(-1)?.query.get('page')).toBe('3'));
    const address = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(address)).toEqual({ status: 'active', type: 'past_clients', search: 'spring', sort: 'name', page: '3' });
  });

  it('offers to show everything when the filters match nothing', async () => {
    const api = installFakeApi({ 'GET /api/v1/campaigns': page([]) });
    const { router } = renderPage('/campaigns', <CampaignsPage />, '/campaigns?status=paused');

    expect(await screen.findByText('No campaigns match')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show all campaigns' }));
    });
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(api.to('GET /api/v1/campaigns').at(-1)?.query.has('status')).toBe(false));
  });
});
