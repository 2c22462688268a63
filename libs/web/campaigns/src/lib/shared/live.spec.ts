import { isLive, RECEIPTS_SETTLE_MS } from './live';

describe('isLive', () => {
  const now = Date.parse('2026-11-21T17:00:00Z');

  it('follows an active campaign, and a submitted one until its first drop is accepted', () => {
    expect(isLive({ status: 'active', completedAt: null }, now)).toBe(true);
    expect(isLive({ status: 'submitted', completedAt: null }, now)).toBe(true);
  });

  it('keeps following a campaign that completed a moment ago, for its late receipts', () => {
    expect(isLive({ status: 'completed', completedAt: new Date(now - 60_000).toISOString() }, now)).toBe(true);
    expect(isLive({ status: 'completed', completedAt: new Date(now - RECEIPTS_SETTLE_MS - 1).toISOString() }, now)).toBe(false);
  });

  it('does not poll drafts, paused or failed campaigns', () => {
    for (const status of ['draft', 'paused', 'failed'] as const) expect(isLive({ status, completedAt: null }, now)).toBe(false);
  });
});
