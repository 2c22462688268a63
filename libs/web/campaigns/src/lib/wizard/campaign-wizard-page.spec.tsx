import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { campaign, CAMPAIGN_ID, plan, STRATEGY_ID, textStrategy } from '../../testing/fixtures';
import { renderPage } from '../../testing/render';
import { CampaignWizardPage } from './campaign-wizard-page';
import { click, draftRoutes } from '../../testing/wizard-routes';

const BASE = `/api/v1/campaigns/${CAMPAIGN_ID}`;
const SETUP = '/campaigns/:campaignId/setup';

describe('campaign wizard', () => {
  it('will not create a draft without a name, then creates it and moves on to the contacts', async () => {
    const api = installFakeApi({
      'POST /api/v1/campaigns': () => json(201, campaign({ name: 'Spring farm', neighborhood: null, type: 'past_clients' })),
      ...draftRoutes(),
    });
    const { router } = renderPage('/campaigns/new', <CampaignWizardPage />);

    await click(screen.getByRole('button', { name: 'Create draft and continue' }));
    expect(screen.getByText('Give the campaign a name.')).toBeTruthy();
    expect(api.to('POST /api/v1/campaigns')).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: /Campaign name/ }), { target: { value: '  Spring farm ' } });
    await click(screen.getByRole('button', { name: 'Create draft and continue' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/campaigns/${CAMPAIGN_ID}/setup`));
    expect(router.state.location.search).toBe('?step=contacts');
    expect(api.to('POST /api/v1/campaigns')[0].body).toEqual({ name: 'Spring farm', type: 'custom', neighborhood: null });
  });

  it('asks for a contact before the channels', async () => {
    installFakeApi(
      draftRoutes({
        [`GET ${BASE}/contacts`]: () => json(200, { items: [], total: 0, page: 1, limit: 5 }),
        'GET /api/v1/contacts': () => json(200, { items: [], total: 0, page: 1, limit: 10 }),
      }),
    );
    const { router } = renderPage(SETUP, <CampaignWizardPage />, `/campaigns/${CAMPAIGN_ID}/setup?step=contacts`);

    expect((await screen.findByTestId('campaign-member-count')).textContent).toBe('0 contacts in this campaign.');
    await click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert').textContent).toBe('Add at least one contact to the campaign.');
    expect(router.state.location.search).toBe('?step=contacts');
  });

  it('needs a channel, then keeps the choice in the address', async () => {
    installFakeApi(draftRoutes());
    const { router } = renderPage(SETUP, <CampaignWizardPage />, `/campaigns/${CAMPAIGN_ID}/setup?step=strategies`);

    await click(await screen.findByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one way to reach your contacts.');

    await click(screen.getByRole('checkbox', { name: 'Text message (SMS)' }));
    await click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('step')).toBe('configure'));
    expect(new URLSearchParams(router.state.location.search).get('channels')).toBe('text');
  });

  it('refuses an unknown merge field, counts segments, saves the text and previews it for a contact', async () => {
    let saved = false;
    const api = installFakeApi(
      draftRoutes({
        [`GET ${BASE}/strategies`]: () => json(200, { items: saved ? [textStrategy()] : [] }),
        [`POST ${BASE}/strategies`]: () => {
          saved = true;
          return json(201, textStrategy());
        },
        [`GET ${BASE}/strategies/${STRATEGY_ID}/preview`]: (r) =>
          json(200, {
            contactId: r.query.get('contactId'),
            steps: [{ step: 0, variant: 'A', sms: { body: 'Hi Maria, homes near 74-123 Fairway Dr are selling.\nReply STOP to opt out', segments: { encoding: 'GSM-7', segments: 1, units: 76, nonGsmCharacters: [] } } }],
          }),
      }),
    );
    renderPage(SETUP, <CampaignWizardPage />, `/campaigns/${CAMPAIGN_ID}/setup?step=configure&channels=text`);

    const message = await screen.findByRole('textbox', { name: 'Message' });
    fireEvent.change(message, { target: { value: 'Hi {{frstName}}' } });
    await click(screen.getByRole('button', { name: 'Save and preview' }));
    expect(screen.getByText(/Unknown merge field: \{\{frstName\}\}/)).toBeTruthy();
    expect(api.to(`POST ${BASE}/strategies`)).toHaveLength(0);

    fireEvent.change(message, { target: { value: `It’s ${'a'.repeat(60)}` } });
    expect(screen.getByTestId('sms-segment-count').textContent).toContain('2 segments');
    expect(screen.getByTestId('sms-segment-count').textContent).toContain('UCS-2');

    fireEvent.change(message, { target: { value: 'Hi , homes near {{propertyAddress}} are selling.' } });
    (message as HTMLTextAreaElement).setSelectionRange(3, 3);
    await click(screen.getByRole('button', { name: 'Insert merge field into the message' }));
    await click(await screen.findByRole('menuitem', { name: 'First name' }));
    expect((message as HTMLTextAreaElement).value).toBe('Hi {{firstName|there}}, homes near {{propertyAddress}} are selling.');
    expect(screen.getByTestId('sms-segment-count').textContent).toContain('1 segment');

    await click(screen.getByRole('button', { name: 'Save and preview' }));
    await waitFor(() => expect(api.to(`POST ${BASE}/strategies`)).toHaveLength(1));
    expect(api.to(`POST ${BASE}/strategies`)[0].body).toEqual({
      type: 'text',
      name: 'Text message',
      steps: [{ delayDays: 0, variants: [{ key: 'A', weight: 1, body: 'Hi {{firstName|there}}, homes near {{propertyAddress}} are selling.' }] }],
    });
    expect((await screen.findByTestId('sms-preview')).textContent).toBe('Hi Maria, homes near 74-123 Fairway Dr are selling.\nReply STOP to opt out');
    expect(api.to(`GET ${BASE}/strategies/${STRATEGY_ID}/preview`)[0].query.get('contactId')).toBe('c1');
  });

  it('shows the API refusing the content', async () => {
    installFakeApi(
      draftRoutes({
        [`POST ${BASE}/strategies`]: () => apiError(400, 'STRATEGY_UNKNOWN_MERGE_FIELD', 'Unknown merge field: agentCell', { fields: ['agentCell'] }),
      }),
    );
    renderPage(SETUP, <CampaignWizardPage />, `/campaigns/${CAMPAIGN_ID}/setup?step=configure&channels=text`);

    fireEvent.change(await screen.findByRole('textbox', { name: 'Message' }), { target: { value: 'Hello' } });
    await click(screen.getByRole('button', { name: 'Save and continue' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Unknown merge field: agentCell');
    expect(alert.textContent).toContain('STRATEGY_UNKNOWN_MERGE_FIELD');
  });

  it('checks the schedule before saving it', async () => {
    const api = installFakeApi(draftRoutes({ [`PATCH ${BASE}`]: () => json(200, campaign()) }));
    const { router } = renderPage(SETUP, <CampaignWizardPage />, `/campaigns/${CAMPAIGN_ID}/setup?step=schedule`);

    fireEvent.change(await screen.findByLabelText('First day'), { target: { value: '2026-12-10' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('Daily window ends'), { target: { value: '08:00' } });
    await click(screen.getByRole('button', { name: 'Save and review' }));
    expect(screen.getByText('The last day cannot be before the first day.')).toBeTruthy();
    expect(screen.getByText('The window must end after it starts.')).toBeTruthy();
    expect(api.to(`PATCH ${BASE}`)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-12-31' } });
    fireEvent.change(screen.getByLabelText('Daily window ends'), { target: { value: '18:00' } });
    await click(screen.getByRole('checkbox', { name: 'Saturday' }));
    await click(screen.getByRole('button', { name: 'Save and review' }));
    await waitFor(() => expect(api.to(`PATCH ${BASE}`)).toHaveLength(1));
    expect(api.to(`PATCH ${BASE}`)[0].body).toMatchObject({
      schedule: { startDate: '2026-12-10', endDate: '2026-12-31', dailyStart: '09:00', dailyEnd: '18:00', daysOfWeek: [1, 2, 3, 4, 5], dailyCap: null },
      budgetLimitUsd: null,
    });
    await waitFor(() => expect(router.state.location.search).toBe('?step=review'));
  });

  it('reviews the plan, then approves, launches and deploys every strategy', async () => {
    const api = installFakeApi(
      draftRoutes({
        [`GET ${BASE}/strategies`]: () => json(200, { items: [textStrategy()] }),
        [`GET ${BASE}/plan`]: () => json(200, plan()),
        [`POST ${BASE}/duplicate-check`]: () => json(200, { totalDuplicates: 0, withinDays: 30, duplicateContacts: [], recommendations: [] }),
        [`POST ${BASE}/approve`]: () => json(200, campaign({ status: 'approved' })),
        [`POST ${BASE}/launch`]: () => json(200, campaign({ status: 'active' })),
        [`POST ${BASE}/strategies/${STRATEGY_ID}/deploy`]: () => json(202, { strategyId: STRATEGY_ID, status: 'active', deployedAt: '2026-11-21T15:00:00.000Z' }),
      }),
    );
    const { router } = renderPage(SETUP, <CampaignWizardPage />, `/campaigns/${CAMPAIGN_ID}/setup?step=review`);

    expect((await screen.findByTestId('plan-excluded')).textContent).toBe('1');
    expect((await screen.findByTestId('duplicates-none')).textContent).toBe('No contact in this campaign got a message from another campaign in the last 30 days.');
    expect(within(screen.getByRole('table', { name: 'Exclusions by reason' })).getByText('No recorded consent')).toBeTruthy();
    await click(screen.getByRole('button', { name: 'Approve and launch' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/campaigns/${CAMPAIGN_ID}`));
    const order = api.requests.filter((r) => r.method === 'POST').map((r) => r.path.replace(BASE, ''));
    expect(order).toEqual(['/duplicate-check', '/approve', '/launch', `/strategies/${STRATEGY_ID}/deploy`]);
  });
});
