import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FakeRoute } from '../../testing/fake-api';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { campaign, CAMPAIGN_ID, channelStats, runStatus, STRATEGY_ID, textStrategy } from '../../testing/fixtures';
import { renderPage } from '../../testing/render';
import { CampaignDetailPage } from './campaign-detail-page';
import { click } from '../../testing/wizard-routes';

const BASE = `/api/v1/campaigns/${CAMPAIGN_ID}`;
const ROUTE = '/campaigns/:campaignId';

function routes(overrides: Record<string, FakeRoute> = {}): Record<string, FakeRoute> {
  return {
    [`GET ${BASE}`]: () => json(200, campaign({ status: 'active' })),
    [`GET ${BASE}/strategies`]: () => json(200, { items: [textStrategy({ status: 'active', deployedAt: '2026-11-21T15:00:00.000Z' })] }),
    ...overrides,
  };
}

/** A member's per-channel progress as the API sends it: SMS at `sms`, the others not started, no reasons. */
function channelsOf(sms: string) {
  const idle = { status: 'not-started', reasonCode: null, reason: null, statusAt: null };
  return { sms: { ...idle, status: sms }, email: idle, voicemail: idle };
}

describe('campaign detail', () => {
  it('shows status, budget against its limit and the figures per channel', async () => {
    installFakeApi(
      routes({
        [`GET ${BASE}`]: () =>
          json(200, campaign({ status: 'paused', pausedReason: 'The budget is spent', budget: { limitUsd: 10, spentUsd: 10 }, stats: { sms: channelStats({ sent: 5, delivered: 4, costUsd: 0.04 }), email: channelStats(), voicemail: channelStats() } })),
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}`);

    expect(await screen.findByRole('heading', { name: 'PDCC Expireds' })).toBeTruthy();
    expect(screen.getByText('The budget is spent')).toBeTruthy();
    expect(screen.getByTestId('budget-spent').textContent).toBe('$10.00 of $10.00');
    const sms = within(screen.getByRole('table', { name: 'Campaign figures per channel' })).getByTestId('stats-sms');
    expect(within(sms).getByTestId('stats-sms-delivered').textContent).toBe('4');
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
  });

  it('downloads the compliance record of the campaign as CSV from the overview', async () => {
    const csv = 'sentAt,contact,consentSource\n2026-11-21T15:00:00.000Z,Maria Gonzalez,open house\n';
    const api = installFakeApi(routes({ [`GET ${BASE}/compliance-export`]: () => new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv' } }) }));
    const createObjectURL = jest.fn((blob: Blob) => (blob.size > 0 ? 'blob:compliance' : 'blob:empty'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}`);

    const record = await screen.findByRole('region', { name: 'Compliance record' });
    await click(within(record).getByRole('button', { name: 'Export compliance record' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    expect(createObjectURL.mock.results[0].value).toBe('blob:compliance');
    expect(api.to(`GET ${BASE}/compliance-export`)).toHaveLength(1);
  });

  it('pauses an active campaign and says so', async () => {
    let status = 'active';
    const api = installFakeApi(
      routes({
        [`GET ${BASE}`]: () => json(200, campaign({ status: status as 'active' })),
        [`POST ${BASE}/pause`]: () => {
          status = 'paused';
          return json(200, campaign({ status: 'paused' }));
        },
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}`);

    await click(await screen.findByRole('button', { name: 'Pause' }));
    expect(api.to(`POST ${BASE}/pause`)).toHaveLength(1);
    expect(await screen.findByText('The campaign is paused.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeTruthy();
  });

  it('shows a submitted voicemail campaign as submitted, pausable, and not launchable again', async () => {
    installFakeApi(routes({ [`GET ${BASE}`]: () => json(200, campaign({ status: 'submitted', submittedAt: '2026-11-21T15:00:00.000Z' })) }));
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}`);

    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.getAllByText('Submitted').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Launch' })).toBeNull();
  });

  it("shows a refused action's reason", async () => {
    installFakeApi(routes({ [`POST ${BASE}/pause`]: () => apiError(409, 'CAMPAIGN_ILLEGAL_TRANSITION', 'A completed campaign cannot pause') }));
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}`);

    await click(await screen.findByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('A completed campaign cannot pause (CAMPAIGN_ILLEGAL_TRANSITION)')).toBeTruthy();
  });

  it('follows a running strategy live until everything went out', async () => {
    let reads = 0;
    installFakeApi(
      routes({
        [`GET ${BASE}/strategies/${STRATEGY_ID}/status`]: () => {
          reads += 1;
          return json(
            200,
            reads === 1
              ? runStatus()
              : runStatus({ executions: { pending: 0, queued: 0, sending: 0, sent: 2, deferred: 0, skipped: 1, failed: 0, unknown: 0, cancelled: 0 }, etaSeconds: null }),
          );
        },
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}?tab=strategies`);

    const card = await screen.findByRole('article', { name: 'Text message' });
    expect((await within(card).findByTestId('strategy-progress')).textContent).toBe('0 of 3 done · 3 s left');
    await waitFor(() => expect(within(card).getByTestId('strategy-progress').textContent).toBe('3 of 3 done'), { timeout: 5000 });
    expect(within(card).getByTestId('executions-sent').textContent).toBe('2');
    expect(within(card).getByTestId('executions-skipped').textContent).toBe('1');
    expect(within(card).getByRole('button', { name: 'Pause' })).toBeTruthy();
  });

  it('deploys a draft strategy of a running campaign', async () => {
    const api = installFakeApi(
      routes({
        [`GET ${BASE}/strategies`]: () => json(200, { items: [textStrategy()] }),
        [`POST ${BASE}/strategies/${STRATEGY_ID}/deploy`]: () => json(202, { strategyId: STRATEGY_ID, status: 'active', deployedAt: '2026-11-21T15:00:00.000Z' }),
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}?tab=strategies`);

    const card = await screen.findByRole('article', { name: 'Text message' });
    await click(within(card).getByRole('button', { name: 'Deploy now' }));
    expect(api.to(`POST ${BASE}/strategies/${STRATEGY_ID}/deploy`)).toHaveLength(1);
    expect(await screen.findByText('Text message is deploying.')).toBeTruthy();
  });

  it('schedules a draft strategy for later and says when it deploys', async () => {
    let scheduled = false;
    const api = installFakeApi(
      routes({
        [`GET ${BASE}`]: () => json(200, campaign({ status: 'approved' })),
        [`GET ${BASE}/strategies`]: () =>
          json(200, { items: [scheduled ? textStrategy({ status: 'scheduled', scheduledFor: '2099-12-01T14:00:00.000Z' }) : textStrategy()] }),
        [`POST ${BASE}/strategies/${STRATEGY_ID}/schedule`]: () => {
          scheduled = true;
          return json(200, textStrategy({ status: 'scheduled', scheduledFor: '2099-12-01T14:00:00.000Z' }));
        },
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}?tab=strategies`);

    const card = await screen.findByRole('article', { name: 'Text message' });
    expect((within(card).getByRole('button', { name: 'Deploy now' }) as HTMLButtonElement).disabled).toBe(true);
    await click(within(card).getByRole('button', { name: 'Schedule' }));
    const form = within(card).getByRole('form', { name: 'Schedule Text message' });
    fireEvent.change(within(form).getByLabelText('Deploy at (your time)'), { target: { value: '2020-01-01T09:00' } });
    await click(within(form).getByRole('button', { name: 'Schedule deploy' }));
    expect(within(form).getByText('Choose a moment in the future, or deploy now.')).toBeTruthy();
    expect(api.to(`POST ${BASE}/strategies/${STRATEGY_ID}/schedule`)).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Deploy at (your time)'), { target: { value: '2099-12-01T09:00' } });
    await click(within(form).getByRole('button', { name: 'Schedule deploy' }));
    expect(api.to(`POST ${BASE}/strategies/${STRATEGY_ID}/schedule`)[0].body).toEqual({ at: new Date('2099-12-01T09:00').toISOString() });
    expect((await within(card).findByTestId('strategy-scheduled-for')).textContent).toMatch(/^Deploys on its own at .*2099.*, once the campaign is running\.$/);
  });

  it('lists the members with where each channel stands', async () => {
    installFakeApi(
      routes({
        [`GET ${BASE}/contacts`]: () =>
          json(200, {
            items: [
              {
                contactId: 'c1',
                firstName: 'Maria',
                lastName: 'Gonzalez',
                status: 'active',
                source: 'manual',
                sms: 'delivered',
                email: 'skipped',
                voicemail: 'not-started',
                channels: {
                  sms: { status: 'delivered', reasonCode: null, reason: null, statusAt: null },
                  email: { status: 'skipped', reasonCode: 'no_email', reason: null, statusAt: null },
                  voicemail: { status: 'not-started', reasonCode: null, reason: null, statusAt: null },
                },
                addedAt: '2026-11-20T10:00:00.000Z',
              },
            ],
            total: 1,
            page: 1,
            limit: 25,
          }),
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}?tab=contacts`);

    const table = await screen.findByRole('table', { name: 'Campaign contacts' });
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getAllByRole('cell').slice(1, 5).map((c) => c.textContent)).toEqual(['Maria Gonzalez', 'Delivered', 'SkippedNo email address', 'Not started']);
  });

  it('shows the activity feed, newest first', async () => {
    installFakeApi(
      routes({
        [`GET ${BASE}/activity`]: () =>
          json(200, {
            items: [
              { id: 'a3', campaignId: CAMPAIGN_ID, type: 'send_failed', message: 'SMS to +12125550101 failed: unreachable', data: {}, at: '2026-11-21T15:00:09.000Z' },
              { id: 'a2', campaignId: CAMPAIGN_ID, type: 'strategy_deployed', message: 'Strategy "Text message" deployed', data: {}, at: '2026-11-21T15:00:01.000Z' },
              { id: 'a1', campaignId: CAMPAIGN_ID, type: 'launched', message: 'Launched', data: {}, at: '2026-11-21T15:00:00.000Z' },
            ],
            total: 3,
            page: 1,
            limit: 25,
          }),
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}?tab=activity`);

    expect(await screen.findByText('SMS to +12125550101 failed: unreachable')).toBeTruthy();
    const feed = screen.getByLabelText('Activity feed');
    expect(Array.from(feed.querySelectorAll('[data-testid^="activity-"]')).map((e) => e.getAttribute('data-testid'))).toEqual([
      'activity-send_failed',
      'activity-strategy_deployed',
      'activity-launched',
    ]);
  });

  it('removes selected members after a confirmation', async () => {
    const api = installFakeApi(
      routes({
        [`GET ${BASE}/contacts`]: () =>
          json(200, {
            items: [
              { contactId: 'c1', firstName: 'Maria', lastName: 'Gonzalez', status: 'active', source: 'manual', sms: 'sent', email: 'not-started', voicemail: 'not-started', channels: channelsOf('sent'), addedAt: '2026-11-20T10:00:00.000Z' },
              { contactId: 'c2', firstName: 'James', lastName: 'Carter', status: 'active', source: 'manual', sms: 'scheduled', email: 'not-started', voicemail: 'not-started', channels: channelsOf('scheduled'), addedAt: '2026-11-20T10:00:00.000Z' },
            ],
            total: 2,
            page: 1,
            limit: 25,
          }),
        [`DELETE ${BASE}/contacts`]: () => json(200, { removed: 1, cancelledExecutions: 1 }),
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}?tab=contacts`);

    await click(await screen.findByRole('checkbox', { name: 'Select James Carter' }));
    await click(screen.getByRole('button', { name: 'Remove 1 contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove from the campaign?' });
    expect(api.to(`DELETE ${BASE}/contacts`)).toHaveLength(0);
    await click(within(dialog).getByRole('button', { name: 'Remove' }));

    expect(api.to(`DELETE ${BASE}/contacts`)[0].body).toEqual({ contactIds: ['c2'] });
    expect(await screen.findByText('Removed 1 contact; 1 pending send cancelled.')).toBeTruthy();
  });

  it('sends a test of a strategy to the agent, asking for a phone for a text', async () => {
    const api = installFakeApi(
      routes({
        [`GET ${BASE}/strategies/${STRATEGY_ID}/status`]: () => json(200, runStatus()),
        [`POST ${BASE}/strategies/${STRATEGY_ID}/test`]: () => json(202, { testId: 't1', channel: 'sms', to: '+17605550134', contactId: 'c1', step: 0, variant: 'A' }),
      }),
    );
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}?tab=strategies`);

    const card = await screen.findByRole('article', { name: 'Text message' });
    await click(within(card).getByRole('button', { name: 'Send a test' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send a test' });
    await click(within(dialog).getByRole('button', { name: 'Send test' }));
    expect(within(dialog).getByText('Enter your own phone number.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Your phone/ }), { target: { value: '(760) 555-0134' } });
    await click(within(dialog).getByRole('button', { name: 'Send test' }));

    expect(api.to(`POST ${BASE}/strategies/${STRATEGY_ID}/test`)[0].body).toEqual({ to: '(760) 555-0134' });
    expect(await screen.findByText('Test on its way to +17605550134; its outcome shows in Activity.')).toBeTruthy();
  });

  it("says when the campaign does not exist (or is someone else's)", async () => {
    installFakeApi({ [`GET ${BASE}`]: () => apiError(404, 'CAMPAIGN_NOT_FOUND', 'Campaign not found') });
    renderPage(ROUTE, <CampaignDetailPage />, `/campaigns/${CAMPAIGN_ID}`);

    expect((await screen.findByRole('alert')).textContent).toContain('CAMPAIGN_NOT_FOUND');
    expect(screen.getByRole('link', { name: 'Back to campaigns' }).getAttribute('href')).toBe('/campaigns');
  });
});
