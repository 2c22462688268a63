import type { Clock } from '@cadence/api-core';
import { Types } from 'mongoose';
import { CampaignAction } from '../domain/campaign-status';
import { CampaignRepository } from '../repositories/campaign.repository';
import { CampaignActivityType } from '../schemas/campaign-activity.schema';
import { Campaign, CampaignStatus } from '../schemas/campaign.schema';
import { CampaignActivityInput, RecordCampaignActivityUseCase } from './campaign-activity.usecase';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';
import { TransitionCampaignUseCase } from './transition-campaign.usecase';

const tenant = { userId: new Types.ObjectId().toHexString(), teamId: null };
const NOW = new Date('2026-03-10T18:00:00Z');

/** One campaign in memory; the repository's compare-and-set on the status is what the use case relies on. */
function setUp(fields: Partial<Campaign>) {
  const campaign = { _id: new Types.ObjectId(), status: CampaignStatus.Draft, schedule: null, launchedAt: null, dropsPreparedAt: null, submittedAt: null, ...fields } as Campaign;
  const activities: CampaignActivityInput[] = [];
  const repository = {
    transition: async (_t: unknown, _id: Types.ObjectId, from: CampaignStatus, to: CampaignStatus, set: Partial<Campaign>) => {
      if (campaign.status !== from) return null;
      Object.assign(campaign, set, { status: to });
      return { ...campaign };
    },
  };
  const useCase = new TransitionCampaignUseCase(
    repository as unknown as CampaignRepository,
    { execute: async () => ({ ...campaign }) } as unknown as FindOwnedCampaignUseCase,
    { now: () => NOW } as Clock,
    { execute: async (_t: unknown, input: CampaignActivityInput) => void activities.push(input) } as unknown as RecordCampaignActivityUseCase,
  );
  return { campaign, activities, useCase };
}

describe('TransitionCampaignUseCase: voicemail submission', () => {
  it('stamps when drops were first prepared, and keeps that time through later generation runs', async () => {
    const { campaign, useCase } = setUp({});
    await useCase.execute(tenant, campaign._id.toHexString(), CampaignAction.StartScriptGeneration);
    expect(campaign.dropsPreparedAt).toEqual(NOW);
    campaign.status = CampaignStatus.Review;
    campaign.dropsPreparedAt = new Date('2026-03-01T00:00:00Z');
    await useCase.execute(tenant, campaign._id.toHexString(), CampaignAction.StartAudioGeneration);
    expect(campaign.dropsPreparedAt).toEqual(new Date('2026-03-01T00:00:00Z'));
  });

  it('launches a campaign with prepared drops as submitted, then active once at the first acceptance', async () => {
    const { campaign, activities, useCase } = setUp({ status: CampaignStatus.Approved, dropsPreparedAt: new Date('2026-03-01T00:00:00Z') });
    const launched = await useCase.execute(tenant, campaign._id.toHexString(), CampaignAction.Start);
    expect(launched).toMatchObject({ status: CampaignStatus.Submitted, submittedAt: NOW, launchedAt: NOW });
    expect(activities.map((a) => a.type)).toEqual([CampaignActivityType.Submitted]);

    expect(await useCase.confirmSubmission(tenant, campaign._id, 'Drop Cowboy accepted the first voicemail drop')).toBe(true);
    expect(await useCase.confirmSubmission(tenant, campaign._id, 'Drop Cowboy accepted the first voicemail drop')).toBe(false);
    expect(campaign.status).toBe(CampaignStatus.Active);
    expect(campaign.launchedAt).toEqual(NOW);
    expect(activities.map((a) => [a.type, a.message])).toEqual([
      [CampaignActivityType.Submitted, expect.stringContaining('handed to Drop Cowboy')],
      [CampaignActivityType.SubmissionAccepted, 'Active: Drop Cowboy accepted the first voicemail drop'],
    ]);
  });

  it('launches a campaign without voicemail drops straight to active, and never confirms an active one', async () => {
    const { campaign, activities, useCase } = setUp({ status: CampaignStatus.Approved });
    expect((await useCase.execute(tenant, campaign._id.toHexString(), CampaignAction.Start)).status).toBe(CampaignStatus.Active);
    expect(await useCase.confirmSubmission(tenant, campaign._id, 'Twilio accepted the first text')).toBe(false);
    expect(activities.map((a) => a.type)).toEqual([CampaignActivityType.Launched]);
  });

  it('submits a scheduled voicemail campaign when its start date arrives, and resumes a paused one to active', async () => {
    const scheduled = setUp({ status: CampaignStatus.Scheduled, dropsPreparedAt: NOW, schedule: { timeZone: 'UTC', startDate: '2026-03-10', endDate: null, dailyStart: null, dailyEnd: null, daysOfWeek: null, dailyCap: null } });
    expect((await scheduled.useCase.execute(tenant, scheduled.campaign._id.toHexString(), CampaignAction.Start)).status).toBe(CampaignStatus.Submitted);
    expect(scheduled.activities[0].message).toMatch(/^Started: its start date 2026-03-10 arrived\. Submitted/);
    const paused = setUp({ status: CampaignStatus.Paused, dropsPreparedAt: NOW });
    expect((await paused.useCase.execute(tenant, paused.campaign._id.toHexString(), CampaignAction.Resume)).status).toBe(CampaignStatus.Active);
  });
});
