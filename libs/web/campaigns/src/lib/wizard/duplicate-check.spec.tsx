import { fireEvent, screen, within } from '@testing-library/react';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { CAMPAIGN_ID } from '../../testing/fixtures';
import { renderWithProviders } from '../../testing/render';
import { DuplicateCheck } from './duplicate-check';
import { click } from '../../testing/wizard-routes';

const CHECK = `POST /api/v1/campaigns/${CAMPAIGN_ID}/duplicate-check`;
const RESOLVE = `POST /api/v1/campaigns/${CAMPAIGN_ID}/duplicate-check/resolve`;

const REPORT = {
  totalDuplicates: 1,
  withinDays: 30,
  duplicateContacts: [
    {
      contactId: 'c1',
      name: 'Maria Gonzalez',
      phone: '+17605550134',
      campaigns: [
        { campaignId: 'k1', campaignName: 'Spring farm', lastSent: '2026-11-18T17:00:00.000Z', daysSince: 3 },
        { campaignId: 'k2', campaignName: 'Open house follow-up', lastSent: '2026-11-09T17:00:00.000Z', daysSince: 12 },
      ],
    },
  ],
  recommendations: ['1 contact was texted 3 days ago by "Spring farm"'],
};
const NONE = { totalDuplicates: 0, withinDays: 30, duplicateContacts: [], recommendations: [] };

describe('duplicate check', () => {
  it('lists the other campaigns with the last send and the days since, and removes the duplicates', async () => {
    let removed = false;
    const api = installFakeApi({
      [CHECK]: () => json(200, removed ? NONE : REPORT),
      [RESOLVE]: () => {
        removed = true;
        return json(200, { action: 'remove', removed: 1, minDaysBetweenTouches: null });
      },
    });
    renderWithProviders(<DuplicateCheck campaignId={CAMPAIGN_ID} />);

    const table = await screen.findByRole('table', { name: 'Contacts already in other campaigns' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['Maria Gonzalez+17605550134', 'Spring farm', 'Nov 18, 2026', '3'],
      ['', 'Open house follow-up', 'Nov 9, 2026', '12'],
    ]);
    expect(screen.getByText('1 contact heard from another campaign in the last 30 days')).toBeTruthy();
    expect(screen.getByText('1 contact was texted 3 days ago by "Spring farm"')).toBeTruthy();

    await click(screen.getByRole('button', { name: 'Remove duplicates' }));
    expect(api.to(RESOLVE)[0].body).toEqual({ action: 'remove' });
    expect(await screen.findByText('Removed 1 contact from this campaign.')).toBeTruthy();
    expect(await screen.findByTestId('duplicates-none')).toBeTruthy();
    expect(api.to(CHECK).length).toBe(2);
  });

  it('keeps them, or changes the minimum days between touches', async () => {
    const api = installFakeApi({
      [CHECK]: () => json(200, REPORT),
      [RESOLVE]: (request) => {
        const body = request.body as { action: string; minDaysBetweenTouches?: number };
        return json(200, { action: body.action, removed: 0, minDaysBetweenTouches: body.minDaysBetweenTouches ?? null });
      },
    });
    const first = renderWithProviders(<DuplicateCheck campaignId={CAMPAIGN_ID} />);
    await click(await screen.findByRole('button', { name: 'Keep them' }));
    expect(api.to(RESOLVE)[0].body).toEqual({ action: 'keep' });
    expect(await screen.findByText('Kept them: they get this campaign too, within the touch budget.')).toBeTruthy();
    first.unmount();

    renderWithProviders(<DuplicateCheck campaignId={CAMPAIGN_ID} />);
    const days = await screen.findByRole('textbox', { name: 'Minimum days between touches' });
    fireEvent.change(days, { target: { value: '7' } });
    await click(screen.getByRole('button', { name: 'Change the interval' }));
    expect(api.to(RESOLVE)[1].body).toEqual({ action: 'change_interval', minDaysBetweenTouches: 7 });
    expect(await screen.findByText('Contacts now get at least 7 days between touches; sends closer than that wait.')).toBeTruthy();
  });

  it("shows the API's refusal of an action", async () => {
    installFakeApi({
      [CHECK]: () => json(200, REPORT),
      [RESOLVE]: () => apiError(409, 'CAMPAIGN_NOT_EDITABLE', 'The campaign is running'),
    });
    renderWithProviders(<DuplicateCheck campaignId={CAMPAIGN_ID} />);
    await click(await screen.findByRole('button', { name: 'Remove duplicates' }));
    expect(await screen.findByText('The campaign is running')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove duplicates' })).toBeTruthy();
  });
});
