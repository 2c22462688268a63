import { CampaignMembershipRepository, FindOwnedCampaignUseCase } from '@cadence/api-campaign';
import { localDayOf, localDayRange, microsToUsd } from '@cadence/api-channel';
import { Clock, PageQueryDto, skipOf, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { pickVariant } from '../domain/strategy-content';
import { CampaignPlanResponseDto, PlanItemResponseDto, PlanOutcome } from '../dto/plan.dto';
import { ExecutionGate } from '../pipeline/execution-gate';
import { ExecutionRepository } from '../repositories/execution.repository';
import { StrategyRepository } from '../repositories/strategy.repository';
import { ExecutionChannel } from '../schemas/execution.schema';
import { StrategyStatus } from '../schemas/strategy.schema';
import { CHANNEL_OF } from './run-fan-out.usecase';

const BATCH_SIZE = 200;
const DAY_MS = 24 * 3600 * 1000;
/** A cap so small that a plan runs out of days means the campaign cannot finish this year anyway. */
const MAX_DAYS_AHEAD = 366;

/**
 * The dry run: every contact × strategy step judged by the same gate the send path uses, at the time
 * it would be due (now, or deploy time plus the step delays), with a running spend so the plan shows
 * where the budget runs out, and a running count per local day so sends beyond the daily cap move to
 * the next day with room (as the send path defers them). Nothing is written. Contacts are paged in
 * the walk's order (contact id); the totals cover the whole campaign.
 */
@Injectable()
export class PlanCampaignUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly strategies: StrategyRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly gate: ExecutionGate,
    private readonly executions: ExecutionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, campaignId: string, query: PageQueryDto): Promise<CampaignPlanResponseDto> {
    const campaign = await this.findCampaign.execute(tenant, campaignId);
    const strategies = (await this.strategies.findForCampaign(tenant, campaign._id)).filter((s) => s.status !== StrategyStatus.Completed);
    const now = this.clock.now();
    const from = skipOf(query);
    const items: PlanItemResponseDto[] = [];
    const reasons = new Map<string, number>();
    const channels = new Map<ExecutionChannel, { sends: number; micros: number }>();
    let position = 0;
    let sends = 0;
    let excluded = 0;
    let plannedMicros = 0;
    const cap = campaign.schedule?.dailyCap ?? null;
    const capZone = campaign.schedule?.timeZone ?? 'UTC';
    const perDay = new Map<string, number>();
    if (cap) perDay.set(localDayOf(now, capZone), await this.executions.countSentSince(tenant, campaign._id, localDayRange(localDayOf(now, capZone), capZone).start));
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch = await this.members.findBatchAfter(tenant, campaign._id, after, BATCH_SIZE);
      if (batch.length === 0) break;
      after = batch[batch.length - 1].contactId;
      const contacts = new Map((await this.members.findContacts(tenant, batch.map((m) => m.contactId))).map((c) => [c._id.toHexString(), c]));
      for (const member of batch) {
        const contact = contacts.get(member.contactId.toHexString());
        const onPage = position >= from && position < from + query.limit;
        position += 1;
        if (!contact) continue;
        for (const strategy of strategies) {
          const start = strategy.deployedAt ? Math.max(now.getTime(), strategy.deployedAt.getTime()) : now.getTime();
          let offset = 0;
          for (const [index, step] of strategy.steps.entries()) {
            offset += step.delayDays * DAY_MS;
            const due = new Date(start + offset);
            const variant = pickVariant(step.variants, strategy._id.toHexString(), contact._id.toHexString());
            const channel = CHANNEL_OF[strategy.type];
            const spent = { ...campaign, budget: { limitMicros: campaign.budget?.limitMicros ?? null, spentMicros: (campaign.budget?.spentMicros ?? 0) + plannedMicros } };
            const planned = { step: index, variant: variant.key, channel, contactId: contact._id, campaignId: campaign._id };
            let { decision, estimatedCostMicros } = await this.gate.judge(tenant, planned, strategy, spent, contact, null, due);
            let plannedAt = decision.verdict === 'send' ? due : decision.verdict === 'defer' ? decision.until : null;
            let capNote: string | null = null;
            for (let days = 0; cap && plannedAt && days < MAX_DAYS_AHEAD; days++) {
              const day = localDayOf(plannedAt, capZone);
              const used = perDay.get(day) ?? 0;
              if (used < cap) {
                perDay.set(day, used + 1);
                break;
              }
              // That day is full: the send path would defer to the next local day and ask the gate again.
              const nextDay = localDayRange(DateTime.fromISO(day, { zone: capZone }).plus({ days: 1 }).toISODate() as string, capZone).start;
              ({ decision, estimatedCostMicros } = await this.gate.judge(tenant, planned, strategy, spent, contact, null, nextDay));
              plannedAt = decision.verdict === 'send' ? nextDay : decision.verdict === 'defer' ? decision.until : null;
              capNote = `The daily cap of ${cap} is reached on ${day}; moved to a later day`;
            }
            const zone = contact.timeZone ?? campaign.schedule?.timeZone ?? null;
            if (plannedAt) {
              sends += 1;
              plannedMicros += estimatedCostMicros;
              const total = channels.get(channel) ?? { sends: 0, micros: 0 };
              channels.set(channel, { sends: total.sends + 1, micros: total.micros + estimatedCostMicros });
            } else {
              excluded += 1;
              const code = decision.verdict === 'send' ? 'unknown' : decision.reason;
              reasons.set(code, (reasons.get(code) ?? 0) + 1);
            }
            if (onPage) {
              items.push({
                contactId: contact._id.toHexString(),
                contactName: `${contact.firstName} ${contact.lastName}`.trim(),
                strategyId: strategy._id.toHexString(),
                strategyName: strategy.name,
                channel,
                step: index,
                variant: variant.key,
                outcome: plannedAt ? PlanOutcome.Send : PlanOutcome.Excluded,
                plannedAt: plannedAt ? (DateTime.fromJSDate(plannedAt, { zone: zone ?? 'UTC' }).toISO() as string) : null,
                timeZone: zone,
                estimatedCostUsd: microsToUsd(estimatedCostMicros),
                reasonCode: capNote && plannedAt ? 'daily_cap' : decision.verdict === 'send' ? null : decision.reason,
                reason: capNote && plannedAt ? capNote : decision.verdict === 'send' ? null : decision.message,
              });
            }
          }
        }
      }
    }
    return {
      items,
      total: position,
      page: query.page,
      limit: query.limit,
      totals: {
        contacts: position,
        messages: sends + excluded,
        sends,
        excluded,
        estimatedCostUsd: microsToUsd(plannedMicros),
        excludedByReason: [...reasons.entries()].map(([reasonCode, count]) => ({ reasonCode, count })),
        byChannel: [...channels.entries()].map(([channel, t]) => ({ channel, sends: t.sends, estimatedCostUsd: microsToUsd(t.micros) })),
      },
    };
  }
}
