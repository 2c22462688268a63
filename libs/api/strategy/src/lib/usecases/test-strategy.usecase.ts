import { CampaignMembershipRepository } from '@cadence/api-campaign';
import { QueueName, Tenant } from '@cadence/api-core';
import { normalizePhone } from '@cadence/api-contact';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { isEmail } from 'class-validator';
import { Types } from 'mongoose';
import { pickVariant } from '../domain/strategy-content';
import { TestStrategyRequestDto, TestStrategyResponseDto } from '../dto/strategy-actions.dto';
import { StrategyJob, TestSendJobData } from '../pipeline/strategy-jobs';
import { AgentAddressRepository } from '../repositories/agent-address.repository';
import { ExecutionChannel } from '../schemas/execution.schema';
import { Strategy } from '../schemas/strategy.schema';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';
import { FindOwnedStrategyUseCase } from './find-owned-strategy.usecase';
import { CHANNEL_OF } from './run-fan-out.usecase';

function invalid(message: string, details?: unknown): StrategyException {
  return new StrategyException(StrategyErrorCode.InvalidTestRequest, message, details);
}

/**
 * POST .../:sid/test: the rendered message for one contact (or a sample) goes to the agent's own
 * phone or email. The API only enqueues it (it never calls a provider in a request); the worker sends
 * it through the channel's real port and writes the outcome to the campaign's activity feed. A test
 * is no execution: it counts in no stats, spends no budget and passes no gate.
 */
@Injectable()
export class TestStrategyUseCase {
  private readonly queues: Record<ExecutionChannel, Queue>;

  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly members: CampaignMembershipRepository,
    private readonly agents: AgentAddressRepository,
    @InjectQueue(QueueName.SendSms) sms: Queue,
    @InjectQueue(QueueName.SendEmail) email: Queue,
    @InjectQueue(QueueName.SendVoicemail) voicemail: Queue,
  ) {
    this.queues = { [ExecutionChannel.Sms]: sms, [ExecutionChannel.Email]: email, [ExecutionChannel.Voicemail]: voicemail };
  }

  async execute(tenant: Tenant, campaignId: string, strategyId: string, input: TestStrategyRequestDto): Promise<TestStrategyResponseDto> {
    const { campaign, strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const channel = CHANNEL_OF[strategy.type];
    const step = input.step ?? 0;
    if (step >= strategy.steps.length) throw invalid(`The strategy has ${strategy.steps.length} step(s); step ${step} does not exist`, { steps: strategy.steps.length });
    const contactId = await this.contactFor(tenant, campaign._id, input.contactId);
    const variant = this.variantFor(strategy, step, contactId, input.variant);
    const to = await this.destination(tenant, channel, input.to);
    const data: TestSendJobData = { testId: new Types.ObjectId().toHexString(), strategyId: strategy._id.toHexString(), contactId: contactId?.toHexString() ?? null, step, variant, to, userId: tenant.userId, teamId: tenant.teamId };
    await this.queues[channel].add(StrategyJob.TestSend, data, { jobId: `test:${data.testId}`, attempts: 1 });
    return { testId: data.testId, channel, to, contactId: data.contactId, step, variant };
  }

  private async contactFor(tenant: Tenant, campaignId: Types.ObjectId, requested: string | undefined): Promise<Types.ObjectId | null> {
    if (requested) {
      const [contact] = await this.members.findContacts(tenant, [new Types.ObjectId(requested)]);
      if (!contact) throw invalid('That contact is not one of yours', { contactId: requested });
      return contact._id;
    }
    const [first] = await this.members.findBatchAfter(tenant, campaignId, null, 1);
    return first?.contactId ?? null;
  }

  private variantFor(strategy: Strategy, step: number, contactId: Types.ObjectId | null, requested: string | undefined): string {
    const variants = strategy.steps[step].variants;
    if (requested) {
      if (!variants.some((v) => v.key === requested)) throw invalid(`Step ${step} has no variant ${requested}`, { variants: variants.map((v) => v.key) });
      return requested;
    }
    return pickVariant(variants, strategy._id.toHexString(), contactId?.toHexString() ?? 'sample').key;
  }

  private async destination(tenant: Tenant, channel: ExecutionChannel, to: string | undefined): Promise<string> {
    if (channel === ExecutionChannel.Email) {
      const address = to?.trim() || (await this.agents.loginEmail(tenant));
      if (!address || !isEmail(address)) throw invalid('Give the email address to send the test to', { to: to ?? null });
      return address;
    }
    if (!to) throw invalid('Give your phone number to send the test to', { to: null });
    const phone = normalizePhone(to);
    if (!phone.ok) throw invalid(phone.reason, { to });
    return phone.e164;
  }
}
