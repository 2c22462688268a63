import { ChannelDeliveryStatus as S } from '@cadence/api-contact';
import { memberStatusCanAdvance, memberStatusOfDelivery, statusesThatAdvanceTo } from './member-channel-status';

describe('memberStatusCanAdvance', () => {
  it('follows a send from not started through the channel delivery order', () => {
    const path = [S.NotStarted, S.Queued, S.Deferred, S.Queued, S.Sent, S.Delivered, S.Opened, S.Clicked, S.Responded];
    for (let i = 1; i < path.length; i++) expect([path[i - 1], path[i], memberStatusCanAdvance(path[i - 1], path[i])]).toEqual([path[i - 1], path[i], true]);
  });

  it('never moves back: a later step queued after a delivery, or a late sent receipt, changes nothing', () => {
    expect(memberStatusCanAdvance(S.Delivered, S.Queued)).toBe(false);
    expect(memberStatusCanAdvance(S.Delivered, S.Deferred)).toBe(false);
    expect(memberStatusCanAdvance(S.Delivered, S.Sent)).toBe(false);
    expect(memberStatusCanAdvance(S.Sent, S.Skipped)).toBe(false);
    expect(memberStatusCanAdvance(S.Skipped, S.Queued)).toBe(false);
    expect(memberStatusCanAdvance(S.Sent, S.Sent)).toBe(false);
  });

  it('lets a deferral change its reason, and a skip give way to a later send', () => {
    expect(memberStatusCanAdvance(S.Deferred, S.Deferred)).toBe(true);
    expect(memberStatusCanAdvance(S.Queued, S.Skipped)).toBe(true);
    expect(memberStatusCanAdvance(S.Skipped, S.Sent)).toBe(true);
  });

  it('takes a bounce after delivery but not after an open, and nothing after a failure or an opt-out', () => {
    expect(memberStatusCanAdvance(S.Delivered, S.Failed)).toBe(true);
    expect(memberStatusCanAdvance(S.Opened, S.Failed)).toBe(false);
    expect(memberStatusCanAdvance(S.Failed, S.Delivered)).toBe(false);
    expect(memberStatusCanAdvance(S.Responded, S.OptedOut)).toBe(true);
    expect(memberStatusCanAdvance(S.OptedOut, S.Responded)).toBe(false);
  });

  it('cancels only what was still waiting, and lets a send in flight or a re-added contact move on', () => {
    for (const waiting of [S.NotStarted, S.Scheduled, S.Queued, S.Deferred]) expect([waiting, memberStatusCanAdvance(waiting, S.Cancelled)]).toEqual([waiting, true]);
    for (const done of [S.Sent, S.Delivered, S.Skipped, S.Failed, S.OptedOut, S.Cancelled]) expect([done, memberStatusCanAdvance(done, S.Cancelled)]).toEqual([done, false]);
    expect(memberStatusCanAdvance(S.Cancelled, S.Sent)).toBe(true);
    expect(memberStatusCanAdvance(S.Cancelled, S.Queued)).toBe(true);
    expect(memberStatusCanAdvance(S.Cancelled, S.Skipped)).toBe(true);
    expect(memberStatusCanAdvance(S.Cancelled, S.NotStarted)).toBe(false);
  });

  it('reads the older `engaged` as an open', () => {
    expect(memberStatusCanAdvance(S.Engaged, S.Clicked)).toBe(true);
    expect(memberStatusCanAdvance(S.Engaged, S.Delivered)).toBe(false);
  });
});

describe('statusesThatAdvanceTo', () => {
  it('lists the compare set of the atomic update', () => {
    expect(statusesThatAdvanceTo(S.Delivered).sort()).toEqual([S.NotStarted, S.Scheduled, S.Sent, S.Skipped, S.Queued, S.Deferred, S.Cancelled].sort());
    expect(statusesThatAdvanceTo(S.Cancelled).sort()).toEqual([S.NotStarted, S.Scheduled, S.Queued, S.Deferred].sort());
  });
});

describe('memberStatusOfDelivery', () => {
  it('reads bounces and undelivered messages as failed', () => {
    expect(memberStatusOfDelivery('bounced')).toBe(S.Failed);
    expect(memberStatusOfDelivery('undelivered')).toBe(S.Failed);
    expect(memberStatusOfDelivery('listened')).toBe(S.Listened);
  });
});
