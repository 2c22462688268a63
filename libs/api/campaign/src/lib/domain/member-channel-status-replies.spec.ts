import { ChannelDeliveryStatus as S } from '@cadence/api-contact';
import { memberStatusCanAdvance, statusesThatAdvanceTo } from './member-channel-status';

describe('replies and opt-outs on a member channel', () => {
  it('a reply shows "responded" even after a later step failed, but never over an opt-out', () => {
    expect(memberStatusCanAdvance(S.Failed, S.Responded)).toBe(true);
    expect(memberStatusCanAdvance(S.Failed, S.Delivered)).toBe(false);
    expect(memberStatusCanAdvance(S.OptedOut, S.Responded)).toBe(false);
  });

  it('an opt-out ends the channel from any status, and nothing moves it afterwards', () => {
    expect(statusesThatAdvanceTo(S.OptedOut)).not.toContain(S.OptedOut);
    for (const status of [S.NotStarted, S.Queued, S.Deferred, S.Sent, S.Delivered, S.Responded, S.Failed, S.Skipped, S.Cancelled]) expect([status, memberStatusCanAdvance(status, S.OptedOut)]).toEqual([status, true]);
    for (const next of [S.Queued, S.Sent, S.Delivered, S.Responded, S.Failed, S.Cancelled]) expect([next, memberStatusCanAdvance(S.OptedOut, next)]).toEqual([next, false]);
  });
});
