import { SuppressionChannel } from '../schemas/suppression.schema';
import { evaluateDncScrub } from './dnc-scrub';
import { channelsStoppedBy, DEFAULT_OPT_OUT_POLICY } from './opt-out-policy';
import { evaluateTouchBudget, Touch } from './touch-budget';

const now = new Date('2026-03-10T18:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600 * 1000);
const touch = (h: number, campaignId = 'a', channel = 'sms'): Touch => ({ at: hoursAgo(h), campaignId, channel });

describe('opt-out policy', () => {
  it('by default stops voicemail on a text STOP, and only email on an email unsubscribe', () => {
    expect(channelsStoppedBy(SuppressionChannel.Sms, DEFAULT_OPT_OUT_POLICY)).toEqual([SuppressionChannel.Sms, SuppressionChannel.Voicemail]);
    expect(channelsStoppedBy(SuppressionChannel.Email, DEFAULT_OPT_OUT_POLICY)).toEqual([SuppressionChannel.Email]);
  });

  it('stops every channel when the agent chose "stop everything"', () => {
    expect(channelsStoppedBy(SuppressionChannel.Email, { ...DEFAULT_OPT_OUT_POLICY, stopEverything: true }).sort()).toEqual(['email', 'sms', 'voicemail']);
  });
});

describe('touch budget', () => {
  it('refuses a fourth touch in 7 days across two campaigns and says when the next one fits', () => {
    const verdict = evaluateTouchBudget([touch(100, 'a'), touch(60, 'b', 'email'), touch(30, 'a', 'voicemail')], { maxTouchesPer7Days: 3, minDaysBetweenTouches: 0 }, null, true, now);
    expect(verdict).toMatchObject({ allowed: false, rule: 'weekly_budget', touchesLast7Days: 3 });
    if (!verdict.allowed) expect(verdict.until).toEqual(new Date(hoursAgo(100).getTime() + 7 * 24 * 3600 * 1000));
  });

  it('ignores touches older than 7 days', () => {
    expect(evaluateTouchBudget([touch(24 * 8), touch(24 * 9), touch(24 * 10)], { maxTouchesPer7Days: 3, minDaysBetweenTouches: 0 }, null, true, now)).toEqual({ allowed: true, touchesLast7Days: 0 });
  });

  it('enforces the minimum gap between touches', () => {
    const verdict = evaluateTouchBudget([touch(30)], { maxTouchesPer7Days: null, minDaysBetweenTouches: 2 }, null, true, now);
    expect(verdict).toMatchObject({ allowed: false, rule: 'min_gap' });
    if (!verdict.allowed) expect(verdict.until).toEqual(new Date(hoursAgo(30).getTime() + 2 * 24 * 3600 * 1000));
  });

  it('caps calls and texts to FL, OK and MD numbers at 3 per 24 hours, not elsewhere', () => {
    const three = [touch(20), touch(10, 'b', 'voicemail'), touch(2)];
    expect(evaluateTouchBudget(three, { maxTouchesPer7Days: null, minDaysBetweenTouches: 0 }, 'FL', true, now)).toMatchObject({ allowed: false, rule: 'state_daily_cap' });
    expect(evaluateTouchBudget(three, { maxTouchesPer7Days: null, minDaysBetweenTouches: 0 }, 'CA', true, now)).toMatchObject({ allowed: true });
    expect(evaluateTouchBudget(three, { maxTouchesPer7Days: null, minDaysBetweenTouches: 0 }, 'MD', false, now)).toMatchObject({ allowed: true });
  });

  it('caps a recipient whose state is unknown like FL, OK and MD, saying why', () => {
    const three = [touch(20), touch(10, 'b', 'voicemail'), touch(2)];
    const verdict = evaluateTouchBudget(three, { maxTouchesPer7Days: null, minDaysBetweenTouches: 0 }, null, true, now);
    expect(verdict).toMatchObject({ allowed: false, rule: 'state_daily_cap' });
    expect(verdict.allowed === false && verdict.message).toMatch(/state is unknown/);
    expect(evaluateTouchBudget(three.slice(1), { maxTouchesPer7Days: null, minDaysBetweenTouches: 0 }, null, true, now)).toMatchObject({ allowed: true });
  });
});

describe('National DNC scrub', () => {
  const day = 24 * 3600 * 1000;
  it('refuses calls to numbers never scrubbed, listed, or scrubbed more than 31 days ago when compliance is on', () => {
    expect(evaluateDncScrub(null, true, now)).toMatchObject({ allowed: false, reason: 'not_scrubbed' });
    expect(evaluateDncScrub({ listed: true, scrubbedAt: now }, true, now)).toMatchObject({ allowed: false, reason: 'registry_listed' });
    expect(evaluateDncScrub({ listed: false, scrubbedAt: new Date(now.getTime() - 32 * day) }, true, now)).toMatchObject({ allowed: false, reason: 'scrub_expired' });
    expect(evaluateDncScrub({ listed: false, scrubbedAt: new Date(now.getTime() - 30 * day) }, true, now)).toEqual({ allowed: true });
  });

  it('checks nothing while the agent has registry compliance off', () => {
    expect(evaluateDncScrub(null, false, now)).toEqual({ allowed: true });
  });
});
