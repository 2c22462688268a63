import { GateReason, SuppressAddressUseCase, SuppressionChannel } from '@cadence/api-anti-spam';
import { Campaign, CampaignMembershipRepository, CampaignRepository, CampaignStatus, RecordCampaignCountersUseCase, ReserveCampaignBudgetUseCase } from '@cadence/api-campaign';
import {
  CHANNEL_WEBHOOK_URLS,
  ChannelPort,
  ChannelWebhookUrls,
  decideRetry,
  EMAIL_CHANNEL,
  EMAIL_CREDENTIALS,
  localDayOf,
  localDayRange,
  OutboundMessage,
  PermanentProviderError,
  SendResult,
  SMS_CHANNEL,
  SMS_CREDENTIALS,
  TransientProviderError,
  VOICEMAIL_CHANNEL,
  VOICEMAIL_CREDENTIALS,
  VoicemailChannelPort,
  DropCowboyCredentials,
} from '@cadence/api-channel';
import { PER_CONTACT_AUDIO_MEDIA_ID, PER_CONTACT_VOICEMAIL_AUDIO, PerContactVoicemailAudio } from '@cadence/api-voicemail';
import { Clock, Tenant } from '@cadence/api-core';
import { Contact } from '@cadence/api-contact';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { SendJobs } from '../pipeline/enqueue-send';
import { contentHashOf } from '../domain/compliance-record';
import { RenderedMessage } from '../domain/strategy-content';
import { ExecutionGate } from '../pipeline/execution-gate';
import { MemberProgress } from '../pipeline/member-progress';
import { SendTokenBucket } from '../pipeline/send-token-bucket';
import { outboundMessageOf } from '../pipeline/outbound-message';
import { UnsubscribeLinks } from '../pipeline/unsubscribe-links';
import { ExecutionRepository } from '../repositories/execution.repository';
import { StrategyRepository } from '../repositories/strategy.repository';
import { Execution, ExecutionChannel, ExecutionCompliance, ExecutionStatus } from '../schemas/execution.schema';
import { Strategy, StrategyStatus } from '../schemas/strategy.schema';

type AnyPort = ChannelPort<OutboundMessage, unknown>;

function stoppedBecause(strategy: Strategy, campaign: Campaign): string | null {
  if (strategy.status !== StrategyStatus.Active) return `The strategy is ${strategy.status}`;
  // `submitted` sends like `active`: it only waits for the provider's first acceptance.
  if (campaign.status !== CampaignStatus.Active && campaign.status !== CampaignStatus.Submitted) return `The campaign is ${campaign.status}`;
  return null;
}
const STARTABLE = [ExecutionStatus.Queued, ExecutionStatus.Deferred];

/** One execution this run holds in `sending` (budget reserved, compliance recorded), with what its call needs. */
export interface ClaimedSend {
  sending: Execution;
  strategy: Strategy;
  campaign: Campaign;
  contact: Contact;
  rendered: RenderedMessage;
  address: string;
  estimatedCostMicros: number;
  compliance: ExecutionCompliance | null;
  unsubscribeUrl: string | null;
}

/**
 * One send job: re-reads everything right before the provider call (so a pause stops it), asks the
 * gate again, writes `sending` before the call and `sent`/`failed`/`queued` (retry) after it. An email
 * batch job (SendEmailBatchUseCase) runs the same claim, last look and settling around its one call.
 * Finding the execution already `sending` means a worker died during the call: a provider that
 * dedupes by idempotency key gets the same call again; any other is marked `unknown`, never resent.
 */
@Injectable()
export class SendExecutionUseCase {
  private readonly logger = new Logger('SendExecution');
  private readonly ports: Record<ExecutionChannel, { port: AnyPort; credentials: unknown }>;

  constructor(
    private readonly executions: ExecutionRepository,
    private readonly strategies: StrategyRepository,
    private readonly campaigns: CampaignRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly counters: RecordCampaignCountersUseCase,
    private readonly budget: ReserveCampaignBudgetUseCase,
    private readonly suppress: SuppressAddressUseCase,
    private readonly gate: ExecutionGate,
    private readonly sendJobs: SendJobs,
    private readonly unsubscribeLinks: UnsubscribeLinks,
    private readonly clock: Clock,
    private readonly memberProgress: MemberProgress,
    private readonly tokens: SendTokenBucket,
    @Inject(CHANNEL_WEBHOOK_URLS) private readonly webhookUrls: ChannelWebhookUrls,
    @Inject(SMS_CHANNEL) sms: AnyPort,
    @Inject(SMS_CREDENTIALS) smsCredentials: unknown,
    @Inject(EMAIL_CHANNEL) email: AnyPort,
    @Inject(EMAIL_CREDENTIALS) emailCredentials: unknown,
    @Inject(VOICEMAIL_CHANNEL) voicemail: AnyPort,
    @Inject(VOICEMAIL_CREDENTIALS) voicemailCredentials: unknown,
    // Issue #6 (libs/api/voicemail): per-contact AI voicemail audio; absent where that module is not loaded.
    @Optional() @Inject(PER_CONTACT_VOICEMAIL_AUDIO) private readonly perContactAudio: PerContactVoicemailAudio | null = null,
  ) {
    this.ports = {
      [ExecutionChannel.Sms]: { port: sms, credentials: smsCredentials },
      [ExecutionChannel.Email]: { port: email, credentials: emailCredentials },
      [ExecutionChannel.Voicemail]: { port: voicemail, credentials: voicemailCredentials },
    };
  }

  /** `jobSeq`: the job's (an email batch may have taken the execution over since this job was queued). */
  async execute(tenant: Tenant, executionId: Types.ObjectId, jobSeq?: number): Promise<void> {
    const claimed = await this.claim(tenant, executionId, jobSeq);
    if (!claimed) return;
    // The provider's rate (may wait up to a second or so); then the last look before the call.
    await this.tokens.take(claimed.sending.channel);
    const [going] = await this.releaseStopped(tenant, [claimed]);
    if (going) await this.sendClaimed(tenant, going);
  }

  /**
   * Everything before the provider call, for one execution: re-read, stop check, gate, daily cap,
   * budget reservation and the compare-and-set to `sending` with the compliance record. Null when this
   * run does not send it (settled here, taken by another run, or — `jobSeq` given — a stale job's).
   */
  async claim(tenant: Tenant, executionId: Types.ObjectId, jobSeq?: number): Promise<ClaimedSend | null> {
    const execution = await this.executions.findById(tenant, executionId);
    if (!execution || (jobSeq !== undefined && execution.jobSeq !== jobSeq)) return null;
    const { port } = this.ports[execution.channel];
    if (execution.status === ExecutionStatus.Sending && !port.idempotentSends) {
      await this.executions.move(tenant, execution._id, [ExecutionStatus.Sending], {
        status: ExecutionStatus.Unknown,
        reasonCode: 'interrupted',
        reason: `The worker stopped during the call to ${port.provider}; not resent, so the contact cannot get it twice. Check the provider's log to reconcile.`,
      });
      return null;
    }
    if (![...STARTABLE, ExecutionStatus.Sending].includes(execution.status)) return null;

    const now = this.clock.now();
    const [strategy, campaign, [contact]] = await Promise.all([
      this.strategies.findById(tenant, execution.strategyId),
      this.campaigns.findOne(tenant, execution.campaignId),
      this.members.findContacts(tenant, [execution.contactId]),
    ]);
    if (!strategy || !campaign || !contact) {
      await this.finish(tenant, execution, ExecutionStatus.Skipped, 'gone', 'The strategy, campaign or contact no longer exists');
      return null;
    }
    const stopped = stoppedBecause(strategy, campaign);
    if (stopped) {
      // Held without a time: the resume or re-deploy fan-out picks it up again.
      await this.memberProgress.executionMoved(tenant, await this.executions.move(tenant, execution._id, [...STARTABLE, ExecutionStatus.Sending], { status: ExecutionStatus.Deferred, reasonCode: 'paused', reason: stopped }));
      return null;
    }

    const unsubscribeUrl = execution.channel === ExecutionChannel.Email ? this.unsubscribeLinks.urlFor(execution._id.toHexString()) : null;
    const { decision, rendered, estimatedCostMicros, compliance } = await this.gate.judge(tenant, execution, strategy, campaign, contact, unsubscribeUrl, now, true);
    if (decision.verdict === 'skip') {
      await this.finish(tenant, execution, ExecutionStatus.Skipped, decision.reason, decision.message);
      await this.counters.execute(tenant, campaign._id, execution.channel, { skipped: 1 });
      return null;
    }
    if (decision.verdict === 'defer') {
      await this.defer(tenant, execution, decision.reason, decision.message, decision.until, now);
      if (decision.reason === GateReason.BudgetExhausted) await this.budget.pauseForBudget(tenant, campaign._id);
      return null;
    }
    const capUntil = await this.dailyCapReachedUntil(tenant, campaign, now);
    if (capUntil) {
      await this.defer(tenant, execution, 'daily_cap', `The campaign's daily cap of ${campaign.schedule?.dailyCap} is reached`, capUntil, now);
      return null;
    }

    // A re-run from `sending` (an idempotent provider's stalled job) reserved its cost the first time.
    const reservesNow = execution.status !== ExecutionStatus.Sending;
    if (reservesNow && !(await this.budget.execute(tenant, campaign, estimatedCostMicros))) {
      await this.defer(tenant, execution, 'budget_exhausted', 'The campaign budget is spent', null, now);
      return null;
    }
    const sending = await this.executions.move(tenant, execution._id, [...STARTABLE, ExecutionStatus.Sending], { status: ExecutionStatus.Sending, sendingAt: now, address: decision.address, ...(compliance ? { compliance } : {}) }, { attempts: 1 });
    if (!sending) {
      // Another run took it; it settles its own reservation.
      if (reservesNow) await this.counters.execute(tenant, campaign._id, execution.channel, {}, -estimatedCostMicros);
      return null;
    }
    return { sending, strategy, campaign, contact, rendered, address: decision.address, estimatedCostMicros, compliance, unsubscribeUrl };
  }

  /**
   * The last look before the call, after the token wait: the gate took a few round trips, the wait a
   * little more, and a pause in between must win. Claims of one strategy (a batch) share one read.
   * Answers the claims still to send; the others are back to `deferred` with their reservation refunded.
   */
  async releaseStopped(tenant: Tenant, claimed: ClaimedSend[]): Promise<ClaimedSend[]> {
    const verdicts = new Map<string, Promise<string | null>>();
    const going: ClaimedSend[] = [];
    for (const c of claimed) {
      const key = `${c.sending.strategyId.toHexString()}:${c.sending.campaignId.toHexString()}`;
      if (!verdicts.has(key)) verdicts.set(key, this.stoppedBecause(tenant, c.sending));
      const stoppedMeanwhile = await verdicts.get(key);
      if (!stoppedMeanwhile) {
        going.push(c);
        continue;
      }
      await this.memberProgress.executionMoved(tenant, await this.executions.move(tenant, c.sending._id, [ExecutionStatus.Sending], { status: ExecutionStatus.Deferred, reasonCode: 'paused', reason: stoppedMeanwhile }, { attempts: -1 }));
      await this.counters.execute(tenant, c.campaign._id, c.sending.channel, {}, -c.estimatedCostMicros);
    }
    return going;
  }

  /** The provider message of a claimed execution. */
  messageOf(claimed: ClaimedSend): OutboundMessage {
    return outboundMessageOf(claimed.sending, claimed.rendered, claimed.contact, claimed.address, this.webhookUrls, claimed.unsubscribeUrl);
  }

  /** One provider call for one claimed execution (its token already taken), then its outcome. */
  async sendClaimed(tenant: Tenant, claimed: ClaimedSend): Promise<void> {
    const { sending: execution, rendered, compliance, campaign, estimatedCostMicros } = claimed;
    const { port, credentials } = this.ports[execution.channel];
    const message = this.messageOf(claimed);
    try {
      // Issue #6: a voicemail variant whose recording is PER_CONTACT_AUDIO_MEDIA_ID drops this contact's own
      // approved audio (uploaded to Drop Cowboy once, or our signed URL); without approved audio the send is skipped.
      if (message.channel === 'voicemail' && message.audio.kind === 'media' && message.audio.mediaId === PER_CONTACT_AUDIO_MEDIA_ID) {
        const upload = (media: { name: string; format: 'mp3' | 'wav'; bytes: Buffer }) => (port as unknown as VoicemailChannelPort).uploadMedia(media, credentials as DropCowboyCredentials);
        const audio = this.perContactAudio ? await this.perContactAudio.resolve(tenant, execution.campaignId, execution.contactId, upload) : null;
        if (!audio) {
          const skipped = await this.finish(tenant, execution, ExecutionStatus.Skipped, 'no_approved_audio', 'This contact has no approved voicemail audio', [ExecutionStatus.Sending]);
          if (skipped) await this.counters.execute(tenant, campaign._id, execution.channel, { skipped: 1 }, -estimatedCostMicros);
          return;
        }
        message.audio = audio;
        // The record written with `sending` could not know this contact's audio yet.
        if (compliance) await this.executions.move(tenant, execution._id, [ExecutionStatus.Sending], { compliance: { ...compliance, contentHash: contentHashOf(rendered, audio) } });
      }
      await this.settleSent(tenant, claimed, await port.send(message, credentials));
    } catch (error) {
      await this.settleFailed(tenant, claimed, error);
    }
  }

  /** The provider took the message: `sent`, the campaign's counters (the estimate trued up) and the member's progress. */
  async settleSent(tenant: Tenant, claimed: ClaimedSend, result: SendResult): Promise<void> {
    const { sending: execution, campaign, estimatedCostMicros } = claimed;
    const cost = result.cost?.totalMicros ?? estimatedCostMicros;
    // From `unknown` too: a call that outlived its stalled job and succeeded settles the question.
    const sent = await this.executions.move(tenant, execution._id, [ExecutionStatus.Sending, ExecutionStatus.Unknown], {
      status: ExecutionStatus.Sent,
      provider: result.provider,
      providerMessageId: result.providerMessageId,
      deliveryStatus: result.status,
      costMicros: cost,
      sentAt: result.acceptedAt,
      reasonCode: null,
      reason: null,
    });
    if (sent) {
      await this.counters.execute(tenant, campaign._id, execution.channel, { sent: 1, costMicros: cost }, cost - estimatedCostMicros);
      await this.memberProgress.executionMoved(tenant, sent);
    }
  }

  /** The provider refused or the call failed: retry, permanent failure or `unknown` (handleFailure). */
  settleFailed(tenant: Tenant, claimed: ClaimedSend, error: unknown): Promise<void> {
    return this.handleFailure(tenant, claimed.sending, this.ports[claimed.sending.channel].port, error, claimed.estimatedCostMicros);
  }

  /** The reserved estimate is refunded unless the provider may have taken (and will charge) the message. */
  private async handleFailure(tenant: Tenant, execution: Execution, port: AnyPort, error: unknown, reservedMicros: number): Promise<void> {
    const now = this.clock.now();
    if (error instanceof TransientProviderError && error.mayHaveBeenAccepted && !port.idempotentSends) {
      await this.finish(tenant, execution, ExecutionStatus.Unknown, 'maybe_accepted', `${port.provider} may have taken the message before the error (${error.message}); not resent. Check the provider's log to reconcile.`, [ExecutionStatus.Sending]);
      return;
    }
    const decision = decideRetry(error, execution.attempts);
    // Every outcome below is compare-and-set from `sending`: when another run already settled the
    // execution (a reconciled stall), this one changes nothing, money included.
    if (decision.retry) {
      const retried = await this.executions.move(
        tenant,
        execution._id,
        [ExecutionStatus.Sending],
        { status: ExecutionStatus.Queued, notBefore: new Date(now.getTime() + decision.delayMs), reasonCode: 'retrying', reason: `Attempt ${execution.attempts} failed: ${(error as Error).message}` },
        { jobSeq: 1 },
      );
      if (!retried) return;
      await this.sendJobs.enqueue(retried, now);
      await this.memberProgress.executionMoved(tenant, retried);
      await this.counters.execute(tenant, execution.campaignId, execution.channel, {}, -reservedMicros);
      return;
    }
    let failed: Execution | null;
    if (error instanceof PermanentProviderError) {
      failed = await this.finish(tenant, execution, ExecutionStatus.Failed, error.reason, `${error.message}${error.providerCode ? ` (${port.provider} ${error.providerCode})` : ''}`, [ExecutionStatus.Sending]);
      if (error.optedOut && execution.address) {
        await this.suppress.execute(tenant, execution.channel as unknown as SuppressionChannel, execution.address, `${port.provider} ${error.providerCode ?? ''}: ${error.reason}`.trim());
      }
      if (error.optedOut && failed) await this.memberProgress.optedOut(tenant, failed, now, `${port.provider} reported an opt-out (${error.reason})`);
    } else {
      this.logger.error(`Execution ${execution._id.toHexString()} failed: ${(error as Error).stack ?? String(error)}`);
      failed = await this.finish(tenant, execution, ExecutionStatus.Failed, 'reason' in decision ? decision.reason : 'unclassified', `Gave up after ${execution.attempts} attempt(s): ${(error as Error).message}`, [ExecutionStatus.Sending]);
    }
    if (failed) await this.counters.execute(tenant, execution.campaignId, execution.channel, { failed: 1 }, -reservedMicros);
  }


  private async stoppedBecause(tenant: Tenant, execution: Execution): Promise<string | null> {
    const [strategy, campaign] = await Promise.all([this.strategies.findById(tenant, execution.strategyId), this.campaigns.findOne(tenant, execution.campaignId)]);
    return strategy && campaign ? stoppedBecause(strategy, campaign) : 'The strategy or campaign no longer exists';
  }

  private async defer(tenant: Tenant, execution: Execution, reasonCode: string, reason: string, until: Date | null, now: Date): Promise<void> {
    const deferred = await this.executions.move(tenant, execution._id, [...STARTABLE, ExecutionStatus.Sending], { status: ExecutionStatus.Deferred, reasonCode, reason, ...(until ? { notBefore: until } : {}) }, until ? { jobSeq: 1 } : {});
    if (deferred && until) await this.sendJobs.enqueue(deferred, now);
    await this.memberProgress.executionMoved(tenant, deferred);
  }

  private async finish(tenant: Tenant, execution: Execution, status: ExecutionStatus, reasonCode: string, reason: string, from = [...STARTABLE, ExecutionStatus.Sending]): Promise<Execution | null> {
    const finished = await this.executions.move(tenant, execution._id, from, { status, reasonCode, reason });
    await this.memberProgress.executionMoved(tenant, finished);
    return finished;
  }

  /** The start of the campaign's next local day when today's cap is reached; null otherwise. */
  private async dailyCapReachedUntil(tenant: Tenant, campaign: Campaign, now: Date): Promise<Date | null> {
    const cap = campaign.schedule?.dailyCap ?? null;
    if (!cap) return null;
    const zone = campaign.schedule?.timeZone ?? 'UTC';
    const today = localDayRange(localDayOf(now, zone), zone);
    const sentToday = await this.executions.countSentSince(tenant, campaign._id, today.start);
    if (sentToday < cap) return null;
    return localDayRange(DateTime.fromJSDate(today.start, { zone }).plus({ days: 1 }).toISODate() as string, zone).start;
  }
}
