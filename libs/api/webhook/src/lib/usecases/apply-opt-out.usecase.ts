import { channelsStoppedBy, GetComplianceSettingsUseCase, LiftSuppressionUseCase, SuppressAddressUseCase, SuppressionChannel } from '@cadence/api-anti-spam';
import { MemberChannel, RecordMemberChannelStatusUseCase } from '@cadence/api-campaign';
import { Tenant } from '@cadence/api-core';
import { ChannelDeliveryStatus, ConsentChannel, RecordContactOptInUseCase, RecordContactOptOutUseCase } from '@cadence/api-contact';
import { CancelContactSendsUseCase, ExecutionChannel } from '@cadence/api-strategy';
import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';

const CONSENT_OF: Record<SuppressionChannel, ConsentChannel> = {
  [SuppressionChannel.Sms]: ConsentChannel.Sms,
  [SuppressionChannel.Voicemail]: ConsentChannel.Voice,
  [SuppressionChannel.Email]: ConsentChannel.Email,
};

export interface OptOutInput {
  /** The channel the opt-out arrived on. */
  channel: SuppressionChannel;
  /** The phone number or email that opted out. */
  address: string;
  contactId: Types.ObjectId | null;
  source: string;
  evidence: string;
  at: Date;
  /** Provider event id or request id, so a redelivery adds nothing. */
  key: string;
}

/**
 * One opt-out, wherever it came from: the address is suppressed, the contact's opt-out records source
 * and evidence, the contact's sends not yet made stop at once, and every campaign the contact is in
 * shows "opted out" on those channels — all on every channel the agent's opt-out policy names
 * (default: a text STOP also stops voicemail; an email unsubscribe stops email).
 */
@Injectable()
export class ApplyOptOutUseCase {
  private readonly logger = new Logger('OptOut');

  constructor(
    private readonly settings: GetComplianceSettingsUseCase,
    private readonly suppress: SuppressAddressUseCase,
    private readonly contacts: RecordContactOptOutUseCase,
    private readonly cancelSends: CancelContactSendsUseCase,
    private readonly memberStatus: RecordMemberChannelStatusUseCase,
  ) {}

  async execute(tenant: Tenant, input: OptOutInput): Promise<{ channels: SuppressionChannel[]; cancelled: number }> {
    const policy = await this.settings.optOutPolicy(tenant);
    const channels = channelsStoppedBy(input.channel, policy);
    const isPhone = input.channel !== SuppressionChannel.Email;
    for (const channel of channels) {
      // The number stops on every phone channel the policy names; an email address only on email.
      if ((channel === SuppressionChannel.Email) === !isPhone) await this.suppress.execute(tenant, channel, input.address, `${input.source}: ${input.evidence}`.slice(0, 500));
    }
    let cancelled = 0;
    if (input.contactId) {
      await this.contacts.execute(tenant, input.contactId, {
        channels: channels.map((c) => CONSENT_OF[c]),
        source: input.source,
        evidence: input.evidence,
        at: input.at,
        everything: policy.stopEverything,
        idempotencyKey: input.key,
      });
      cancelled = await this.cancelSends.execute(tenant, {
        contactId: input.contactId,
        channels: channels as unknown as ExecutionChannel[],
        reasonCode: 'opted_out',
        reason: `The contact opted out (${input.source})`,
      });
      // Final on the member's channel (the forward-only compare keeps it), so later events cannot hide it.
      for (const channel of channels) {
        await this.memberStatus.execute(tenant, {
          campaignId: null,
          contactIds: [input.contactId],
          channel: channel as MemberChannel,
          status: ChannelDeliveryStatus.OptedOut,
          at: input.at,
          reasonCode: 'opted_out',
          reason: `The contact opted out (${input.source})`,
        });
      }
    }
    this.logger.log(`Opt-out on ${input.channel} (${input.source}): stopped ${channels.join(', ')}, cancelled ${cancelled} pending send(s)`);
    return { channels, cancelled };
  }
}

/** START / UNSTOP / YES or a resubscribe: the channel's suppression is lifted and consent recorded. */
@Injectable()
export class ApplyOptInUseCase {
  constructor(
    private readonly lift: LiftSuppressionUseCase,
    private readonly contacts: RecordContactOptInUseCase,
  ) {}

  async execute(tenant: Tenant, channel: SuppressionChannel, address: string, contactId: Types.ObjectId | null, source: string, evidence: string, at: Date, key: string): Promise<void> {
    await this.lift.execute(tenant, channel, address);
    if (contactId) await this.contacts.execute(tenant, contactId, CONSENT_OF[channel], source, evidence, at, key);
  }
}
