import { GetComplianceSettingsUseCase, UpdateComplianceSettingsUseCase } from '@cadence/api-anti-spam';
import { Campaign, CampaignMembershipRepository, CampaignRepository, FindOwnedCampaignUseCase, RemoveCampaignContactsRequestDto, RemoveCampaignContactsUseCase } from '@cadence/api-campaign';
import { Clock, Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Execution, ExecutionChannel } from '../schemas/execution.schema';
import { CancelContactSendsUseCase } from './contact-sends.usecase';

const DAY_MS = 24 * 3600 * 1000;
const BATCH = 500;

export interface DuplicateCampaignTouch {
  campaignId: string;
  campaignName: string;
  lastSent: Date;
  daysSince: number;
}

export interface DuplicateContact {
  contactId: string;
  name: string;
  phone: string | null;
  campaigns: DuplicateCampaignTouch[];
}

/** Seed 004's DuplicateReport: members of this campaign that other campaigns reached recently. */
export interface DuplicateReport {
  totalDuplicates: number;
  withinDays: number;
  duplicateContacts: DuplicateContact[];
  recommendations: string[];
}

export type DuplicateAction = 'remove' | 'keep' | 'change_interval';

/**
 * The cross-campaign duplicate check of a campaign's audience, and what the agent does about it:
 * remove the duplicates from this campaign, keep them, or change the minimum interval between touches.
 */
@Injectable()
export class CheckCampaignDuplicatesUseCase {
  constructor(
    @InjectModel(Execution.name) private readonly executions: Model<Execution>,
    private readonly campaigns: FindOwnedCampaignUseCase,
    private readonly campaignRepository: CampaignRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly settings: GetComplianceSettingsUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, campaignId: string, withinDays?: number): Promise<DuplicateReport> {
    const campaign = await this.campaigns.execute(tenant, campaignId);
    const settings = await this.settings.execute(tenant);
    const window = withinDays ?? Math.max(settings.touchBudget.minDaysBetweenTouches, 30);
    const now = this.clock.now();
    const since = new Date(now.getTime() - window * DAY_MS);
    const duplicates: DuplicateContact[] = [];
    const names = new Map<string, string>();
    await this.members.forEachContactIdBatch(tenant, campaign._id, BATCH, async (contactIds) => {
      const touches = await this.executions
        .aggregate<{ _id: { contactId: Types.ObjectId; campaignId: Types.ObjectId }; lastSent: Date }>([
          { $match: { ...tenantFilter(tenant), contactId: { $in: contactIds }, campaignId: { $ne: campaign._id }, sentAt: { $gte: since } } },
          { $group: { _id: { contactId: '$contactId', campaignId: '$campaignId' }, lastSent: { $max: '$sentAt' } } },
        ])
        .exec();
      if (touches.length === 0) return;
      const byContact = new Map<string, DuplicateCampaignTouch[]>();
      for (const t of touches) {
        const campaignKey = t._id.campaignId.toHexString();
        if (!names.has(campaignKey)) names.set(campaignKey, (await this.campaignRepository.findOne(tenant, t._id.campaignId))?.name ?? '(deleted campaign)');
        const list = byContact.get(t._id.contactId.toHexString()) ?? [];
        list.push({ campaignId: campaignKey, campaignName: names.get(campaignKey) as string, lastSent: t.lastSent, daysSince: Math.floor((now.getTime() - t.lastSent.getTime()) / DAY_MS) });
        byContact.set(t._id.contactId.toHexString(), list);
      }
      const contacts = await this.members.findContacts(tenant, [...byContact.keys()].map((id) => new Types.ObjectId(id)));
      for (const contact of contacts) {
        const campaigns = (byContact.get(contact._id.toHexString()) ?? []).sort((a, b) => b.lastSent.getTime() - a.lastSent.getTime());
        duplicates.push({ contactId: contact._id.toHexString(), name: `${contact.firstName} ${contact.lastName}`.trim(), phone: contact.phones?.[0]?.e164 ?? null, campaigns });
      }
    });
    return { totalDuplicates: duplicates.length, withinDays: window, duplicateContacts: duplicates, recommendations: recommendationsFor(campaign, duplicates, settings.touchBudget.minDaysBetweenTouches) };
  }
}

function recommendationsFor(campaign: Campaign, duplicates: DuplicateContact[], minDays: number): string[] {
  if (duplicates.length === 0) return [`No contact of "${campaign.name}" was reached by another campaign in this window.`];
  const recent = duplicates.filter((d) => d.campaigns[0].daysSince < 7).length;
  const advice = [`${duplicates.length} contact(s) were reached by other campaigns; remove them or keep them and let the touch budget space the sends.`];
  if (recent > 0) advice.push(`${recent} of them were reached in the last 7 days: removing them avoids a barrage.`);
  if (minDays < 3) advice.push('Consider a minimum interval of at least 3 days between touches.');
  return advice;
}

@Injectable()
export class ResolveCampaignDuplicatesUseCase {
  constructor(
    private readonly check: CheckCampaignDuplicatesUseCase,
    private readonly remove: RemoveCampaignContactsUseCase,
    private readonly cancelSends: CancelContactSendsUseCase,
    private readonly updateSettings: UpdateComplianceSettingsUseCase,
    private readonly settings: GetComplianceSettingsUseCase,
  ) {}

  /** Returns how many contacts the action changed (removed), or 0 for keep / a new interval. */
  async execute(tenant: Tenant, campaignId: string, action: DuplicateAction, options: { contactIds?: string[]; minDaysBetweenTouches?: number; withinDays?: number }): Promise<{ action: DuplicateAction; removed: number; minDaysBetweenTouches: number | null }> {
    if (action === 'keep') return { action, removed: 0, minDaysBetweenTouches: null };
    if (action === 'change_interval') {
      const current = (await this.settings.execute(tenant)).touchBudget;
      const updated = await this.updateSettings.execute(tenant, { touchBudget: { ...current, minDaysBetweenTouches: options.minDaysBetweenTouches ?? 3 } });
      return { action, removed: 0, minDaysBetweenTouches: updated.touchBudget.minDaysBetweenTouches };
    }
    const report = await this.check.execute(tenant, campaignId, options.withinDays);
    const chosen = options.contactIds ? new Set(options.contactIds) : null;
    const ids = report.duplicateContacts.map((d) => d.contactId).filter((id) => !chosen || chosen.has(id));
    if (ids.length === 0) return { action, removed: 0, minDaysBetweenTouches: null };
    const removed = await this.remove.execute(tenant, campaignId, Object.assign(new RemoveCampaignContactsRequestDto(), { contactIds: ids }), async (campaign, contactIds) => {
      for (const contactId of contactIds) {
        await this.cancelSends.execute(tenant, { contactId, campaignId: campaign._id, channels: [ExecutionChannel.Sms, ExecutionChannel.Email, ExecutionChannel.Voicemail], reasonCode: 'removed_duplicate', reason: 'Removed from the campaign: another campaign reached the contact recently' });
      }
    });
    return { action, removed, minDaysBetweenTouches: null };
  }
}
