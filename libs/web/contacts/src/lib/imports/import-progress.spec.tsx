import type { ImportBatchDetailResponseDto } from '@cadence/web-api-client';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeApi, json } from '../../testing/fake-api';
import { renderPage, renderWithProviders } from '../../testing/render';
import { formatDuration } from '../shared/format';
import { ImportPage } from './import-page';
import { ImportProgressPanel, progressFigures } from './import-progress-panel';

function batch(overrides: Partial<ImportBatchDetailResponseDto> = {}): ImportBatchDetailResponseDto {
  return {
    id: '6b01902fe519b84038d530d8',
    status: 'processing',
    origin: 'file',
    format: 'csv',
    preset: 'generic',
    fileName: 'farm.csv',
    mapping: { Phone: 'phone' },
    dedupePolicy: 'create-or-update',
    campaignId: null,
    progress: { processed: 1200, total: 5000, percentage: 24, rowsPerSecond: 40, etaSeconds: 95 },
    counts: { created: 0, updated: 0, duplicates: 0, skipped: 0, failed: 0, rowErrors: 0 },
    failureCode: null,
    failureMessage: null,
    createdAt: '2026-11-21T10:00:00.000Z',
    startedAt: '2026-11-21T10:00:01.000Z',
    completedAt: null,
    firstErrors: [],
    ...overrides,
  };
}

describe('import progress', () => {
  it('prints processed/total, the rate and the time left the API estimates', () => {
    renderWithProviders(<ImportProgressPanel batch={batch()} />);

    expect(screen.getByTestId('import-processed').textContent).toBe('1,200 of 5,000 rows');
    expect(screen.getByTestId('import-rate').textContent).toBe('40 rows/s');
    expect(screen.getByTestId('import-eta').textContent).toBe('about 2 min left');
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('24');
    expect(bar.getAttribute('aria-valuetext')).toBe('24% · 1,200 of 5,000 rows');
  });

  it('words the time left for every stage of a run', () => {
    const eta = (b: Partial<ImportBatchDetailResponseDto>) => progressFigures(batch(b)).etaText;
    expect(eta({ status: 'queued', progress: { processed: 0, total: 10, percentage: 0, rowsPerSecond: null, etaSeconds: null } })).toBe(
      'Waiting to start',
    );
    expect(eta({ progress: { processed: 3, total: 10, percentage: 30, rowsPerSecond: null, etaSeconds: null } })).toBe('Estimating…');
    expect(eta({ progress: { processed: 9, total: 10, percentage: 90, rowsPerSecond: 9, etaSeconds: 1 } })).toBe('Almost done');
    expect(eta({ progress: { processed: 9, total: 100000, percentage: 0, rowsPerSecond: 20, etaSeconds: 4800 } })).toBe(
      'about 1 h 20 min left',
    );
    expect(eta({ status: 'completed' })).toBe('Done');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(3600)).toBe('about 1 h');
    // A total not known yet (a connector import) still shows the rows done.
    expect(progressFigures(batch({ progress: { processed: 70, total: null, percentage: null, rowsPerSecond: 7, etaSeconds: null } })))
      .toMatchObject({ percent: null, processedText: '70 rows' });
  });

  it('keeps polling GET /v1/imports/:id until the import is done, then shows results and row errors', async () => {
    const responses = [
      batch({ status: 'queued', progress: { processed: 0, total: 3, percentage: 0, rowsPerSecond: null, etaSeconds: null } }),
      batch({ progress: { processed: 2, total: 3, percentage: 66.7, rowsPerSecond: 2, etaSeconds: 1 } }),
      batch({
        status: 'completed',
        completedAt: '2026-11-21T10:00:03.000Z',
        progress: { processed: 3, total: 3, percentage: 100, rowsPerSecond: 2, etaSeconds: 0 },
        counts: { created: 2, updated: 0, duplicates: 0, skipped: 0, failed: 1, rowErrors: 2 },
        firstErrors: [
          { rowNumber: 4, column: 'Phone', value: 'not a phone', reason: '"not a phone" is not a valid phone number', rowImported: false },
          { rowNumber: 4, column: '', value: '', reason: 'No valid phone number or email; row not imported', rowImported: false },
        ],
      }),
    ];
    let calls = 0;
    const api = installFakeApi({
      'GET /api/v1/imports/6b01902fe519b84038d530d8': () => json(200, responses[Math.min(calls++, responses.length - 1)]),
      'GET /api/v1/imports/6b01902fe519b84038d530d8/errors.csv': () =>
        new Response('row,column,value,reason,rowImported\r\n4,Phone,not a phone,bad,false\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        }),
    });
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:errors';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    renderPage('/imports/:importId', <ImportPage />, '/imports/6b01902fe519b84038d530d8');

    expect(await screen.findByText('Waiting for a worker')).toBeTruthy();
    expect(await screen.findByText('2 of 3 rows', {}, { timeout: 3000 })).toBeTruthy();
    expect(await screen.findByText('Completed', {}, { timeout: 3000 })).toBeTruthy();
    const polls = api.to('GET /api/v1/imports/6b01902fe519b84038d530d8').length;
    expect(polls).toBe(3);

    const results = screen.getByRole('region', { name: 'Results' });
    expect(within(results).getByText('Not imported').nextSibling?.textContent).toBe('1');
    const errors = screen.getByRole('table', { name: 'Row errors' });
    expect(within(errors).getByText('not a phone')).toBeTruthy();
    expect(within(errors).getByText('Whole row')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download error rows (CSV)' }));
    });
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    expect(text).toContain('4,Phone,not a phone');
    const anchor = clicked.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe('farm-errors.csv');

    // Done means done: no more polling.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(api.to('GET /api/v1/imports/6b01902fe519b84038d530d8')).toHaveLength(polls);
    clicked.mockRestore();
  }, 10_000);

  it('says so when the import does not exist', async () => {
    installFakeApi({
      'GET /api/v1/imports/6b01902fe519b84038d530d9': () =>
        json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Import not found' }),
    });
    renderPage('/imports/:importId', <ImportPage />, '/imports/6b01902fe519b84038d530d9');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This import does not exist');
    expect(alert.textContent).toContain('NOT_FOUND');
  });
});
