import { evaluateSendGate, FindSuppressedAddressesUseCase, GateDecision, SuppressionChannel } from '@cadence/api-anti-spam';
import { Campaign } from '@cadence/api-campaign';
import { ChannelPricingConfig, ChannelPrices, estimateEmailCost, estimateSmsCost, estimateVoicemailCost } from '@cadence/api-channel';
import { Clock, loadConfig, Tenant } from '@cadence/api-core';
import { Contact } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { complianceRecordOf } from '../domain/compliance-record';
import { mergeDataOf } from '../domain/merge-data';
import { renderMessage, RenderedMessage } from '../domain/strategy-content';
import { ExecutionRepository } from '../repositories/execution.repository';
import { CheckAgentComplianceUseCase } from '../usecases/agent-compliance.usecase';
import { Execution, ExecutionChannel, ExecutionCompliance } from '../schemas/execution.schema';
import { Strategy } from '../schemas/strategy.schema';

export interface GatedExecution {
  decision: GateDecision;
  rendered: RenderedMessage;
  estimatedCostMicros: number;
  /** Issue #7: the facts of a passed send as the gate read them; null unless asked for and the verdict is `send`. */
  compliance: ExecutionCompliance | null;
}

export function estimateMicros(rendered: RenderedMessage, prices: ChannelPrices): number {
  if (rendered.sms) return estimateSmsCost(rendered.sms.body, prices).totalMicros;
  if (rendered.email) return estimateEmailCost(prices).totalMicros;
  const v = rendered.voicemail as NonNullable<RenderedMessage['voicemail']>;
  const audio = v.recordingMediaId ? { kind: 'media' as const, mediaId: v.recordingMediaId } : { kind: 'tts' as const, voiceId: v.voiceId ?? '', ttsBody: v.ttsBody ?? '' };
  return estimateVoicemailCost(audio, prices).totalMicros;
}

/** Renders one execution for its contact and asks the anti-spam gate; used by the fan-out, the send job and the plan. */
@Injectable()
export class ExecutionGate {
  private prices: ChannelPrices | null = null;

  constructor(
    private readonly executions: ExecutionRepository,
    private readonly suppressions: FindSuppressedAddressesUseCase,
    private readonly clock: Clock,
    private readonly agentCompliance: CheckAgentComplianceUseCase,
  ) {}

  async judge(tenant: Tenant, execution: Pick<Execution, 'step' | 'variant' | 'channel' | 'contactId' | 'campaignId'> & { _id?: Execution['_id'] }, strategy: Strategy, campaign: Campaign, contact: Contact, unsubscribeUrl: string | null, now = this.clock.now(), recordCompliance = false): Promise<GatedExecution> {
    this.prices ??= loadConfig(ChannelPricingConfig).prices();
    const step = strategy.steps[execution.step];
    const variant = step.variants.find((v) => v.key === execution.variant) ?? step.variants[0];
    const rendered = renderMessage(strategy.type, execution.step, variant, strategy.emailSender, mergeDataOf(contact, strategy.emailSender, unsubscribeUrl));
    const estimatedCostMicros = estimateMicros(rendered, this.prices);
    const addresses = execution.channel === ExecutionChannel.Email ? (contact.emails ?? []) : (contact.phones ?? []).map((p) => p.e164);
    const channel = execution.channel as unknown as SuppressionChannel;
    const [suppressed, lastOtherCampaignTouchAt] = await Promise.all([
      this.suppressions.execute(tenant, channel, addresses),
      this.executions.lastSentOutsideCampaign(tenant, execution.contactId, execution.campaignId),
    ]);
    const decision = evaluateSendGate({
      channel: execution.channel,
      contact,
      suppressed,
      schedule: campaign.schedule ?? null,
      lastOtherCampaignTouchAt,
      budget: { limitMicros: campaign.budget?.limitMicros ?? null, spentMicros: campaign.budget?.spentMicros ?? 0 },
      estimatedCostMicros,
      now,
    });
    if (decision.verdict !== 'send') return { decision, rendered, estimatedCostMicros, compliance: null };
    // The agent's own settings (touch budget, sending hours, DNC registry) only narrow a legal send.
    // Only the send job records compliance; the fan-out and the plan judge without the text's DNC scrub read.
    const agent = await this.agentCompliance.execute(tenant, execution.channel, contact, decision.address, campaign.schedule?.timeZone ?? 'America/New_York', now, recordCompliance);
    if (agent.verdict === 'pass') {
      if (!recordCompliance) return { decision, rendered, estimatedCostMicros, compliance: null };
      const { dncScrub, agentHours, agentZone, touchesLast7Days } = agent;
      const compliance = complianceRecordOf({ channel: execution.channel, contact, address: decision.address, schedule: campaign.schedule ?? null, dncScrub, agentHours, agentZone, touchesLast7Days, rendered, now });
      return { decision, rendered, estimatedCostMicros, compliance };
    }
    const refused: GateDecision = agent.verdict === 'skip' ? { verdict: 'skip', reason: agent.reason, message: agent.message } : { verdict: 'defer', reason: agent.reason, message: agent.message, until: agent.until, address: decision.address };
    return { decision: refused, rendered, estimatedCostMicros, compliance: null };
  }
}
