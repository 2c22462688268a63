import { Campaign, CampaignAction, CampaignErrorCode, CampaignException, CampaignRepository, CampaignStatus, RecordCampaignActivityUseCase, TransitionCampaignUseCase } from '@cadence/api-campaign';
import { Types } from 'mongoose';
import { MemberProgress } from '../pipeline/member-progress';
import { ExecutionRepository } from '../repositories/execution.repository';
import { StrategyRepository } from '../repositories/strategy.repository';
import { Strategy, StrategyStatus } from '../schemas/strategy.schema';
import { StartFanOutUseCase } from './deploy-strategy.usecase';
import type { Clock } from '@cadence/api-core';
import { RunCampaignClockUseCase } from './run-campaign-clock.usecase';

const userId = new Types.ObjectId();

function campaign(status: CampaignStatus, schedule: Partial<Campaign['schedule']> = {}): Campaign {
  return { _id: new Types.ObjectId(), userId, status, schedule: { timeZone: 'America/Los_Angeles', startDate: null, endDate: null, dailyStart: null, dailyEnd: null, daysOfWeek: null, dailyCap: null, ...schedule } } as Campaign;
}

function strategy(campaignId: Types.ObjectId, fields: Partial<Strategy>): Strategy {
  return { _id: new Types.ObjectId(), userId, campaignId, name: 'Texts', status: StrategyStatus.Active, scheduledFor: null, fanOutRequestedAt: null, fanOutCompletedAt: null, ...fields } as Strategy;
}

/** In-memory stand-ins: the use case's rules are what is tested here, the queries by the API e2e specs. */
function setUp(now: string, campaigns: Campaign[], strategies: Strategy[], unfinished: Set<string> = new Set()) {
  const moves: { id: string; action: CampaignAction }[] = [];
  const fanOuts: string[] = [];
  const activities: string[] = [];
  const cancelled: { campaignId: string; contactIds: unknown; reasonCode: string }[] = [];
  const campaignRepo = {
    findInStatusesSystemWide: async (statuses: CampaignStatus[], after: Types.ObjectId | null) => (after ? [] : campaigns.filter((c) => statuses.includes(c.status))),
    findOne: async (_t: unknown, id: Types.ObjectId) => campaigns.find((c) => c._id.equals(id)) ?? null,
  };
  const strategyRepo = {
    findForCampaign: async (_t: unknown, id: Types.ObjectId) => strategies.filter((s) => s.campaignId.equals(id)),
    findDueScheduledSystemWide: async (at: Date, after: Types.ObjectId | null) => (after ? [] : strategies.filter((s) => s.status === StrategyStatus.Scheduled && (s.scheduledFor as Date) <= at)),
    findFannedOutActiveSystemWide: async (after: Types.ObjectId | null) => (after ? [] : strategies.filter((s) => s.status === StrategyStatus.Active && s.fanOutCompletedAt)),
    transition: async (_t: unknown, id: Types.ObjectId, from: StrategyStatus[], to: StrategyStatus) => {
      const found = strategies.find((s) => s._id.equals(id) && from.includes(s.status));
      if (!found) return null;
      found.status = to;
      return found;
    },
  };
  const transition = {
    execute: async (_t: unknown, id: string, action: CampaignAction) => {
      const found = campaigns.find((c) => c._id.toHexString() === id) as Campaign;
      const to = action === CampaignAction.Start ? CampaignStatus.Active : CampaignStatus.Completed;
      if (found.status === to) throw new CampaignException(CampaignErrorCode.IllegalTransition, 'moved already');
      found.status = to;
      moves.push({ id, action });
      return found;
    },
  };
  const useCase = new RunCampaignClockUseCase(
    campaignRepo as unknown as CampaignRepository,
    strategyRepo as unknown as StrategyRepository,
    { hasUnfinished: async (_t: unknown, id: Types.ObjectId) => unfinished.has(id.toHexString()), cancelWaiting: async () => 0 } as unknown as ExecutionRepository,
    transition as unknown as TransitionCampaignUseCase,
    { execute: async (_t: unknown, s: Strategy) => void fanOuts.push(s._id.toHexString()) } as unknown as StartFanOutUseCase,
    { execute: async (_t: unknown, a: { type: string }) => void activities.push(a.type) } as unknown as RecordCampaignActivityUseCase,
    { now: () => new Date(now) } as Clock,
    { sendsCancelled: async (_t: unknown, id: Types.ObjectId, contactIds: unknown, reasonCode: string) => void cancelled.push({ campaignId: id.toHexString(), contactIds, reasonCode }) } as unknown as MemberProgress,
  );
  return { useCase, moves, fanOuts, activities, cancelled };
}

describe('RunCampaignClockUseCase', () => {
  it('starts a scheduled campaign on its start date in its own zone, not on the UTC date', async () => {
    const scheduled = campaign(CampaignStatus.Scheduled, { startDate: '2026-03-11' });
    const active = strategy(scheduled._id, { status: StrategyStatus.Active });
    const early = setUp('2026-03-11T06:59:00Z', [scheduled], [active]);
    expect((await early.useCase.execute()).campaignsStarted).toBe(0);
    const onTime = setUp('2026-03-11T07:00:00Z', [scheduled], [active]);
    expect((await onTime.useCase.execute()).campaignsStarted).toBe(1);
    expect(onTime.fanOuts).toEqual([active._id.toHexString()]);
  });

  it('completes a strategy only after a fan-out ran since the last request and every execution is final', async () => {
    const running = campaign(CampaignStatus.Active);
    const pendingFanOut = strategy(running._id, { fanOutRequestedAt: new Date('2026-03-10T10:00:01Z'), fanOutCompletedAt: new Date('2026-03-10T10:00:00Z') });
    const stillSending = strategy(running._id, { fanOutRequestedAt: new Date('2026-03-10T10:00:00Z'), fanOutCompletedAt: new Date('2026-03-10T10:00:00Z') });
    const done = strategy(running._id, { fanOutRequestedAt: new Date('2026-03-10T10:00:00Z'), fanOutCompletedAt: new Date('2026-03-10T10:00:05Z') });
    const { useCase, moves } = setUp('2026-03-10T12:00:00Z', [running], [pendingFanOut, stillSending, done], new Set([stillSending._id.toHexString()]));
    expect(await useCase.execute()).toMatchObject({ strategiesCompleted: 1, campaignsCompleted: 0 });
    expect([pendingFanOut.status, stillSending.status, done.status]).toEqual([StrategyStatus.Active, StrategyStatus.Active, StrategyStatus.Completed]);
    expect(moves).toEqual([]);
  });

  it('completes a campaign when its last strategy completes, and one past its end date at once', async () => {
    const finishing = campaign(CampaignStatus.Active);
    const ended = campaign(CampaignStatus.Paused, { endDate: '2026-03-09' });
    const last = strategy(finishing._id, { fanOutRequestedAt: new Date(0), fanOutCompletedAt: new Date(0) });
    const held = strategy(ended._id, { status: StrategyStatus.Paused });
    const { useCase, moves, activities } = setUp('2026-03-10T19:00:00Z', [finishing, ended], [last, held], new Set([held._id.toHexString()]));
    expect(await useCase.execute()).toMatchObject({ campaignsCompleted: 2, strategiesCompleted: 1 });
    expect(moves.map((m) => m.action)).toEqual([CampaignAction.Complete, CampaignAction.Complete]);
    expect(held.status).toBe(StrategyStatus.Completed);
    expect(activities.filter((a) => a === 'strategy_completed')).toHaveLength(2);
  });

  it('ends a submitted campaign past its end date too, and marks every member still waiting as cancelled', async () => {
    const submitted = campaign(CampaignStatus.Submitted, { endDate: '2026-03-09' });
    const { useCase, moves, cancelled } = setUp('2026-03-10T19:00:00Z', [submitted], []);
    expect((await useCase.execute()).campaignsCompleted).toBe(1);
    expect(moves).toEqual([{ id: submitted._id.toHexString(), action: CampaignAction.Complete }]);
    expect(cancelled).toEqual([{ campaignId: submitted._id.toHexString(), contactIds: null, reasonCode: 'campaign_ended' }]);
  });

  it('deploys a scheduled strategy once its time has come and its campaign is active, and counts a lost race as nothing', async () => {
    const waiting = campaign(CampaignStatus.Scheduled, { startDate: '2026-04-01' });
    const running = campaign(CampaignStatus.Active);
    const early = strategy(waiting._id, { status: StrategyStatus.Scheduled, scheduledFor: new Date('2026-03-10T18:00:00Z') });
    const due = strategy(running._id, { status: StrategyStatus.Scheduled, scheduledFor: new Date('2026-03-10T18:00:00Z') });
    const { useCase, fanOuts } = setUp('2026-03-10T19:00:00Z', [waiting, running], [early, due]);
    expect((await useCase.execute()).strategiesDeployed).toBe(1);
    expect(fanOuts).toEqual([due._id.toHexString()]);
    expect(early.status).toBe(StrategyStatus.Scheduled);
  });
});
