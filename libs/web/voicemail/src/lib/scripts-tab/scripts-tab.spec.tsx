import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { renderWithProviders } from '../../testing/render';
import { batchFigures, BatchProgressPanel } from './batch-progress-panel';
import { batch, CAMPAIGN, page, script, TEXT } from './fixtures';
import { EDIT_LOCKED_REASON } from './script-card';
import { ScriptsTab } from './scripts-tab';

const SETTINGS = { agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '(760) 555-0142', optOutNumber: '1-800-555-0199', voiceId: null, templateKind: 'neighborhood_expireds' };
const base = `/api/v1/campaigns/${CAMPAIGN}/voicemail`;

function routes(overrides: Record<string, Parameters<typeof installFakeApi>[0][string]> = {}) {
  return installFakeApi({
    [`GET ${base}/settings`]: () => json(200, SETTINGS),
    [`GET ${base}/scripts`]: () => json(200, page([script()])),
    [`GET ${base}/batches/current`]: () => json(200, { batch: null }),
    'GET /api/v1/voicemail/voices': () => json(200, { voices: [{ voiceId: 'offline-warm', name: 'Warm (offline)', category: 'offline', description: null, previewUrl: '/api/v1/media/voice-sample.wav?expires=1&sig=s' }], provider: 'offline', defaultVoiceId: 'offline-warm' }),
    ...overrides,
  });
}

describe('ScriptsTab', () => {
  it('lists scripts with review and audio badges, counts and the compliance check', async () => {
    routes({ [`GET ${base}/scripts`]: () => json(200, page([script(), script({ id: '6b01902fe519b84038d53101', contactName: 'Bo Chen', reviewStatus: 'approved', complianceProblems: ['too_long'], audio: { status: 'completed', url: '/api/v1/media/vm-1.wav?expires=9&sig=x', voiceId: 'offline-warm', duration: 38.2, generatedAt: null, error: null }, editable: false })])) });
    renderWithProviders(<ScriptsTab campaignId={CAMPAIGN} />);
    const maria = await screen.findByLabelText('Script for Maria Lopez');
    expect(within(maria).getByText('Pending review')).toBeTruthy();
    expect(within(maria).getByText('No audio')).toBeTruthy();
    expect(within(maria).getByTestId('text-counts').textContent).toBe(`${TEXT.length} characters · 91 words · about 36 s`);
    const bo = screen.getByLabelText('Script for Bo Chen');
    expect(within(bo).getByText('Approved')).toBeTruthy();
    expect(within(bo).getByText('Audio ready')).toBeTruthy();
    expect(within(bo).getByText('Check: over 45 seconds')).toBeTruthy();
    expect((within(bo).getByTestId('script-audio') as HTMLAudioElement).getAttribute('src')).toBe('/api/v1/media/vm-1.wav?expires=9&sig=x');
  });

  it('edits a script inline with live counts, saves it with PATCH and shows the new version', async () => {
    let current = script();
    const api = routes({
      [`GET ${base}/scripts`]: () => json(200, page([current])),
      [`PATCH /api/v1/voicemail/scripts/${current.id}`]: (r) => {
        current = script({ script: (r.body as { script: string }).script, scriptVersion: 2, generatedBy: 'manual' });
        return json(200, current);
      },
    });
    renderWithProviders(<ScriptsTab campaignId={CAMPAIGN} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const box = screen.getByLabelText('Script text');
    fireEvent.change(box, { target: { value: 'Hi Maria, short one.' } });
    expect(screen.getByTestId('text-counts').textContent).toBe('20 characters · 4 words · about 2 s (aim for 75–115 words)');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('script-text').textContent).toBe(TEXT);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText('Script text'), { target: { value: `${TEXT} Talk soon.` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.to(`PATCH /api/v1/voicemail/scripts/${current.id}`)).toHaveLength(1));
    expect(api.to(`PATCH /api/v1/voicemail/scripts/${current.id}`)[0].body).toEqual({ script: `${TEXT} Talk soon.` });
    await waitFor(() => expect(screen.getByTestId('script-text').textContent).toBe(`${TEXT} Talk soon.`));
    expect(screen.getByText('v2 · manual')).toBeTruthy();
  });

  it('disables editing once audio exists and says why', async () => {
    routes({ [`GET ${base}/scripts`]: () => json(200, page([script({ editable: false, audio: { status: 'completed', url: '/api/v1/media/a.wav?expires=1&sig=s', voiceId: null, duration: 40, generatedAt: null, error: null } })])) });
    renderWithProviders(<ScriptsTab campaignId={CAMPAIGN} />);
    const edit = await screen.findByRole('button', { name: 'Edit' });
    expect((edit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(EDIT_LOCKED_REASON)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete audio' })).toBeTruthy();
  });

  it('approves one, approves all, and regenerates with the agent\'s instructions', async () => {
    const s = script();
    const api = routes({
      [`POST /api/v1/voicemail/scripts/${s.id}/review`]: () => json(200, script({ reviewStatus: 'approved' })),
      [`POST ${base}/scripts/approve`]: () => json(200, { approved: 1 }),
      [`POST /api/v1/voicemail/scripts/${s.id}/regenerate`]: () => json(200, script({ scriptVersion: 2 })),
    });
    renderWithProviders(<ScriptsTab campaignId={CAMPAIGN} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.to(`POST /api/v1/voicemail/scripts/${s.id}/review`)[0]?.body).toEqual({ status: 'approved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve all (1)' }));
    await waitFor(() => expect(api.to(`POST ${base}/scripts/approve`)).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    fireEvent.change(await screen.findByLabelText('Extra instructions (optional)'), { target: { value: 'Mention the new park' } });
    fireEvent.click(screen.getByRole('button', { name: 'Write a new version' }));
    await waitFor(() => expect(api.to(`POST /api/v1/voicemail/scripts/${s.id}/regenerate`)[0]?.body).toEqual({ customPrompt: 'Mention the new park' }));
  });

  it('shows the cost estimate before starting "Generate all scripts", with an optional A/B template', async () => {
    const api = routes({
      [`POST ${base}/estimate`]: () => json(200, { kind: 'scripts', items: 1000, llmUsd: 0.39, ttsUsd: 0, totalUsd: 0.39, offline: false }),
      [`POST ${base}/script-batches`]: () => json(202, batch({ status: 'queued', current: 0, succeeded: 0, failed: 0, percentage: 0, etaSeconds: null })),
    });
    renderWithProviders(<ScriptsTab campaignId={CAMPAIGN} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Generate all scripts' }));
    expect((await screen.findByTestId('estimate-text')).textContent).toBe('1000 scripts to write, estimated $0.39.');
    expect(api.to(`POST ${base}/script-batches`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(api.to(`POST ${base}/script-batches`)).toHaveLength(1));
    expect(api.to(`POST ${base}/estimate`)[0].body).toEqual({ kind: 'scripts' });
  });

  it('shows the new scripts when a small batch is already over by the first read after "Start"', async () => {
    let started = false;
    const done = batch({ status: 'completed', current: 3, total: 3, succeeded: 3, percentage: 100, etaSeconds: null, finishedAt: '2026-11-21T10:05:00.000Z' });
    const api = routes({
      [`POST ${base}/estimate`]: () => json(200, { kind: 'scripts', items: 3, llmUsd: 0, ttsUsd: 0, totalUsd: 0.001, offline: true }),
      [`POST ${base}/script-batches`]: () => {
        started = true;
        return json(202, batch({ status: 'queued', current: 0, total: 3, succeeded: 0, failed: 0, percentage: 0, etaSeconds: null }));
      },
      [`GET ${base}/batches/current`]: (r) => json(200, { batch: started && r.query.get('kind') === 'scripts' ? done : null }),
    });
    renderWithProviders(<ScriptsTab campaignId={CAMPAIGN} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Generate all scripts' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start' }));
    await waitFor(() => expect(within(screen.getByTestId('batch-scripts')).getByText('Completed')).toBeTruthy());
    // The list is read again once the batch shows up finished, not only on first load.
    await waitFor(() => expect(api.to(`GET ${base}/scripts`)).toHaveLength(2));
  });

  it('reads the running batch from the API (so it survives a reload) and polls until it finishes', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      const states = [batch(), batch({ status: 'completed', current: 1000, succeeded: 998, percentage: 100, etaSeconds: null, actualUsd: 0.38, finishedAt: '2026-11-21T10:05:00.000Z' })];
      let calls = 0;
      const api = routes({ [`GET ${base}/batches/current`]: (r) => json(200, { batch: r.query.get('kind') === 'scripts' ? states[Math.min(calls++, 1)] : null }) });
      renderWithProviders(<ScriptsTab campaignId={CAMPAIGN} />);
      const panel = await screen.findByTestId('batch-scripts');
      expect(within(panel).getByTestId('batch-count').textContent).toBe('250 of 1000 scripts');
      expect(within(panel).getByTestId('batch-eta').textContent).toBe('about 2 min left');
      expect(within(panel).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
      const listCalls = api.to(`GET ${base}/scripts`).length;
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1600);
      });
      await waitFor(() => expect(within(screen.getByTestId('batch-scripts')).getByText('Completed')).toBeTruthy());
      expect(within(screen.getByTestId('batch-scripts')).getByTestId('batch-cost').textContent).toBe('$0.38 spent (estimate $0.39)');
      await waitFor(() => expect(api.to(`GET ${base}/scripts`).length).toBeGreaterThan(listCalls));
    } finally {
      jest.useRealTimers();
    }
  });

  it('asks for the agent, brokerage and numbers first when the campaign has no voicemail settings', async () => {
    const api = routes({
      [`GET ${base}/settings`]: () => apiError(409, 'VOICEMAIL_SETTINGS_MISSING', 'Set the agent name first'),
      [`PUT ${base}/settings`]: (r) => json(200, r.body),
    });
    renderWithProviders(<ScriptsTab campaignId={CAMPAIGN} />);
    fireEvent.change(await screen.findByLabelText(/Agent name/), { target: { value: 'Dana Reyes' } });
    fireEvent.change(screen.getByLabelText(/Brokerage/), { target: { value: 'Desert Sun Realty' } });
    fireEvent.change(screen.getByLabelText(/Callback number/), { target: { value: '(760) 555-0142' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save voicemail settings' }));
    await waitFor(() => expect(api.to(`PUT ${base}/settings`)).toHaveLength(1));
    expect(api.to(`PUT ${base}/settings`)[0].body).toEqual({ agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '(760) 555-0142', optOutNumber: null, voiceId: null, templateKind: 'sphere_of_influence' });
  });
});

describe('batch figures', () => {
  it('words each stage of a batch', () => {
    expect(batchFigures(batch({ status: 'queued', etaSeconds: null })).etaText).toBe('Waiting for a worker');
    expect(batchFigures(batch({ etaSeconds: null })).etaText).toBe('Estimating…');
    expect(batchFigures(batch({ cancelRequested: true })).etaText).toBe('Stopping after the current page');
    expect(batchFigures(batch({ kind: 'audio', skipped: 3 }))).toMatchObject({ countText: '250 of 1000 recordings', outcomeText: '248 done · 2 failed · 3 already had one' });
  });

  it('cancels a running batch', async () => {
    const b = batch();
    const api = installFakeApi({ [`POST /api/v1/voicemail/batches/${b.id}/cancel`]: () => json(200, batch({ cancelRequested: true })) });
    renderWithProviders(<BatchProgressPanel batch={b} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(api.to(`POST /api/v1/voicemail/batches/${b.id}/cancel`)).toHaveLength(1));
  });
});
