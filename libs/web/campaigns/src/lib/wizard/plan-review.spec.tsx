import { act, fireEvent, screen, within } from '@testing-library/react';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { CAMPAIGN_ID, plan } from '../../testing/fixtures';
import { renderWithProviders } from '../../testing/render';
import { PlanReview } from './plan-review';

const PLAN = `GET /api/v1/campaigns/${CAMPAIGN_ID}/plan`;

describe('plan review', () => {
  it('shows the totals, the exclusions with their reasons and the rows per contact', async () => {
    installFakeApi({ [PLAN]: () => json(200, plan()) });
    renderWithProviders(<PlanReview campaignId={CAMPAIGN_ID} />);

    expect((await screen.findByTestId('plan-contacts')).textContent).toBe('2');
    expect(screen.getByTestId('plan-sends').textContent).toBe('1');
    expect(screen.getByTestId('plan-excluded').textContent).toBe('1');
    expect(screen.getByTestId('plan-cost').textContent).toBe('$0.0079');

    const reasons = screen.getByRole('table', { name: 'Exclusions by reason' });
    expect(within(reasons).getByRole('row').textContent).toBe('No recorded consent1 message');

    const rows = within(screen.getByRole('table', { name: 'Plan per contact' })).getAllByRole('row').slice(1);
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Maria Gonzalez',
      'SMS',
      'A',
      'Dec 1, 2026, 9:00 AM (America/New_York)',
      '$0.0079',
      '',
    ]);
    expect(within(rows[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'James Carter',
      'SMS',
      'A',
      'Not sent',
      '—',
      'No recorded consent for text messages',
    ]);
  });

  it('pages through the contacts of a large plan', async () => {
    const api = installFakeApi({ [PLAN]: (r) => json(200, plan({ total: 25, page: Number(r.query.get('page')) })) });
    renderWithProviders(<PlanReview campaignId={CAMPAIGN_ID} />);
    await screen.findByTestId('plan-contacts');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Plan page 3' }));
    });
    expect(api.to(PLAN).map((r) => r.query.get('page'))).toEqual(['1', '3']);
  });

  it('says what is missing when nothing can be planned yet', async () => {
    const empty = plan({ items: [], total: 0 });
    installFakeApi({ [PLAN]: () => json(200, { ...empty, totals: { ...empty.totals, contacts: 0, messages: 0, sends: 0, excluded: 0, excludedByReason: [], byChannel: [] } }) });
    renderWithProviders(<PlanReview campaignId={CAMPAIGN_ID} />);

    expect(await screen.findByText(/Nothing to plan yet/)).toBeTruthy();
  });

  it("shows the API's error and retries", async () => {
    let failing = true;
    installFakeApi({ [PLAN]: () => (failing ? apiError(404, 'CAMPAIGN_NOT_FOUND', 'No such campaign') : json(200, plan())) });
    renderWithProviders(<PlanReview campaignId={CAMPAIGN_ID} />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No such campaign');
    expect(alert.textContent).toContain('CAMPAIGN_NOT_FOUND');
    failing = false;
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    });
    expect((await screen.findByTestId('plan-sends')).textContent).toBe('1');
  });
});
