import { MemberChannel, RecordMemberChannelStatusUseCase } from '@cadence/api-campaign';
import { Clock, Tenant } from '@cadence/api-core';
import { ChannelDeliveryStatus, ConsentChannel, ContactResponseDto, OptOutContactUseCase, OptOutRequestDto } from '@cadence/api-contact';
import { CancelContactSendsUseCase, ExecutionChannel } from '@cadence/api-strategy';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';

const EXECUTION_CHANNEL_OF: Record<ConsentChannel, ExecutionChannel> = {
  [ConsentChannel.Sms]: ExecutionChannel.Sms,
  [ConsentChannel.Voice]: ExecutionChannel.Voicemail,
  [ConsentChannel.Email]: ExecutionChannel.Email,
};

/**
 * An opt-out the agent records (a phone call, a letter): like one from a provider, it stops the
 * contact's sends not yet made and shows "opted out" in every campaign the contact is in — on the
 * channel named, or on all of them (do not contact). The send gate would refuse them anyway; this
 * makes the campaign figures and the member lists say so at once.
 */
@Injectable()
export class ApplyManualOptOutUseCase {
  constructor(
    private readonly optOut: OptOutContactUseCase,
    private readonly cancelSends: CancelContactSendsUseCase,
    private readonly memberStatus: RecordMemberChannelStatusUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, contactId: string, input: OptOutRequestDto): Promise<ContactResponseDto> {
    const contact = await this.optOut.execute(tenant, contactId, input);
    const channels = (input.channel ? [input.channel] : Object.values(ConsentChannel)).map((c) => EXECUTION_CHANNEL_OF[c]);
    const reason = `The agent recorded an opt-out${input.reason?.trim() ? `: ${input.reason.trim()}` : ''}`;
    const id = new Types.ObjectId(contact.id);
    await this.cancelSends.execute(tenant, { contactId: id, channels, reasonCode: 'opted_out', reason });
    for (const channel of channels) {
      await this.memberStatus.execute(tenant, {
        campaignId: null,
        contactIds: [id],
        channel: channel as MemberChannel,
        status: ChannelDeliveryStatus.OptedOut,
        at: this.clock.now(),
        reasonCode: 'opted_out',
        reason,
      });
    }
    return contact;
  }
}
