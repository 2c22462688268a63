import { CampaignActivityType, CampaignMembershipRepository, RecordCampaignActivityUseCase } from '@cadence/api-campaign';
import { CHANNEL_WEBHOOK_URLS, ChannelPort, ChannelWebhookUrls, EMAIL_CHANNEL, EMAIL_CREDENTIALS, OutboundMessage, SMS_CHANNEL, SMS_CREDENTIALS, VOICEMAIL_CHANNEL, VOICEMAIL_CREDENTIALS } from '@cadence/api-channel';
import { Tenant } from '@cadence/api-core';
import { Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { mergeDataOf } from '../domain/merge-data';
import { sampleContact } from '../domain/sample-contact';
import { renderMessage } from '../domain/strategy-content';
import { outboundMessageOf } from '../pipeline/outbound-message';
import { TestSendJobData } from '../pipeline/strategy-jobs';
import { UnsubscribeLinks } from '../pipeline/unsubscribe-links';
import { SendTokenBucket } from '../pipeline/send-token-bucket';
import { StrategyRepository } from '../repositories/strategy.repository';
import { Execution, ExecutionChannel } from '../schemas/execution.schema';
import { CHANNEL_OF } from './run-fan-out.usecase';

type AnyPort = ChannelPort<OutboundMessage, unknown>;

/**
 * The worker's half of a test send: renders like a real send and calls the real channel port, then
 * writes the outcome to the activity feed. Nothing else: no execution, counter, budget or gate.
 */
@Injectable()
export class SendStrategyTestUseCase {
  private readonly ports: Record<ExecutionChannel, { port: AnyPort; credentials: unknown }>;

  constructor(
    private readonly strategies: StrategyRepository,
    private readonly members: CampaignMembershipRepository,
    private readonly activity: RecordCampaignActivityUseCase,
    private readonly unsubscribeLinks: UnsubscribeLinks,
    private readonly tokens: SendTokenBucket,
    @Inject(CHANNEL_WEBHOOK_URLS) private readonly webhookUrls: ChannelWebhookUrls,
    @Inject(SMS_CHANNEL) sms: AnyPort,
    @Inject(SMS_CREDENTIALS) smsCredentials: unknown,
    @Inject(EMAIL_CHANNEL) email: AnyPort,
    @Inject(EMAIL_CREDENTIALS) emailCredentials: unknown,
    @Inject(VOICEMAIL_CHANNEL) voicemail: AnyPort,
    @Inject(VOICEMAIL_CREDENTIALS) voicemailCredentials: unknown,
  ) {
    this.ports = {
      [ExecutionChannel.Sms]: { port: sms, credentials: smsCredentials },
      [ExecutionChannel.Email]: { port: email, credentials: emailCredentials },
      [ExecutionChannel.Voicemail]: { port: voicemail, credentials: voicemailCredentials },
    };
  }

  async execute(tenant: Tenant, job: TestSendJobData): Promise<void> {
    const strategy = await this.strategies.findById(tenant, new Types.ObjectId(job.strategyId));
    if (!strategy) return;
    const channel = CHANNEL_OF[strategy.type];
    const [found] = job.contactId ? await this.members.findContacts(tenant, [new Types.ObjectId(job.contactId)]) : [];
    const contact = found ?? sampleContact();
    const step = strategy.steps[job.step];
    const variant = step?.variants.find((v) => v.key === job.variant);
    const what = `Test ${channel === ExecutionChannel.Sms ? 'text' : channel} of "${strategy.name}" (step ${job.step + 1}, variant ${job.variant}) to ${job.to}`;
    const data = { testId: job.testId, strategyId: job.strategyId, contactId: job.contactId, to: job.to };
    try {
      if (!variant) throw new Error('the step or variant no longer exists');
      const unsubscribeUrl = channel === ExecutionChannel.Email ? this.unsubscribeLinks.urlFor(job.testId) : null;
      const rendered = renderMessage(strategy.type, job.step, variant, strategy.emailSender, mergeDataOf(contact, strategy.emailSender, unsubscribeUrl));
      // Not an execution: the test id stands in for one, so a provider event about it finds nothing to update.
      const standIn = { _id: new Types.ObjectId(job.testId), idempotencyKey: `test:${job.testId}`, campaignId: strategy.campaignId, strategyId: strategy._id, contactId: contact._id } as Execution;
      const { port, credentials } = this.ports[channel];
      await this.tokens.take(channel);
      const result = await port.send(outboundMessageOf(standIn, rendered, contact, job.to, this.webhookUrls, unsubscribeUrl), credentials);
      await this.activity.execute(tenant, { campaignId: strategy.campaignId, type: CampaignActivityType.TestSent, message: `${what} sent`, data: { ...data, provider: result.provider, providerMessageId: result.providerMessageId }, dedupeKey: `test:${job.testId}` });
    } catch (error) {
      await this.activity.execute(tenant, { campaignId: strategy.campaignId, type: CampaignActivityType.TestFailed, message: `${what} failed: ${(error as Error).message}`, data, dedupeKey: `test:${job.testId}` });
    }
  }
}
