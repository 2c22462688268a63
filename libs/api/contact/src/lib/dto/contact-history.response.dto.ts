import { ApiProperty } from '@nestjs/swagger';
import { CampaignContact, ChannelDeliveryStatus, ChannelProgress, MembershipStatus, ResponseChannel } from '../schemas/campaign-contact.schema';
import { ContactEvent, ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { ContactSource } from '../schemas/contact.schema';

export class ChannelProgressResponseDto {
  @ApiProperty({ enum: ChannelDeliveryStatus, enumName: 'ChannelDeliveryStatus' })
  status!: ChannelDeliveryStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Listened, opened or clicked' })
  engagedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'no_consent', description: 'Why it was skipped, deferred, failed or cancelled: the gate or provider reason code' })
  reasonCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'No SMS consent on record' })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the status last changed' })
  statusAt!: string | null;
}

export class ChannelProgressByChannelResponseDto {
  @ApiProperty({ type: () => ChannelProgressResponseDto })
  voicemail!: ChannelProgressResponseDto;

  @ApiProperty({ type: () => ChannelProgressResponseDto })
  sms!: ChannelProgressResponseDto;

  @ApiProperty({ type: () => ChannelProgressResponseDto })
  email!: ChannelProgressResponseDto;
}

export class EngagementResponseDto {
  @ApiProperty()
  responded!: boolean;

  @ApiProperty()
  converted!: boolean;

  @ApiProperty({ enum: ResponseChannel, enumName: 'ResponseChannel', nullable: true })
  responseChannel!: ResponseChannel | null;
}

export class ContactCampaignResponseDto {
  @ApiProperty()
  campaignId!: string;

  @ApiProperty({ type: String, nullable: true })
  campaignName!: string | null;

  @ApiProperty({ enum: MembershipStatus, enumName: 'MembershipStatus' })
  status!: MembershipStatus;

  @ApiProperty({ enum: ContactSource, enumName: 'ContactSource' })
  source!: ContactSource;

  @ApiProperty({ type: String, format: 'date-time' })
  addedAt!: string;

  @ApiProperty({ type: () => ChannelProgressByChannelResponseDto })
  channels!: ChannelProgressByChannelResponseDto;

  @ApiProperty({ type: () => EngagementResponseDto })
  engagement!: EngagementResponseDto;

  static from(membership: CampaignContact, campaignName: string | null): ContactCampaignResponseDto {
    return {
      campaignId: membership.campaignId.toHexString(),
      campaignName,
      status: membership.status,
      source: membership.source,
      addedAt: membership.addedAt.toISOString(),
      channels: { voicemail: progressOf(membership.channels?.voicemail), sms: progressOf(membership.channels?.sms), email: progressOf(membership.channels?.email) },
      engagement: { responded: membership.engagement?.responded ?? false, converted: membership.engagement?.converted ?? false, responseChannel: membership.engagement?.responseChannel ?? null },
    };
  }
}

export class ContactCampaignListResponseDto {
  @ApiProperty({ type: [ContactCampaignResponseDto] })
  items!: ContactCampaignResponseDto[];
}

export class ContactEventResponseDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ContactEventType, enumName: 'ContactEventType' })
  type!: ContactEventType;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: 'Tagged farm-2024' })
  summary!: string;

  @ApiProperty({ enum: EventActorKind, enumName: 'EventActorKind' })
  actor!: EventActorKind;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;

  static from(event: ContactEvent): ContactEventResponseDto {
    return { id: event._id.toHexString(), type: event.type, occurredAt: event.occurredAt.toISOString(), summary: event.summary, actor: event.actor, data: event.data ?? {} };
  }
}

export class ContactEventPageResponseDto {
  @ApiProperty({ type: [ContactEventResponseDto] })
  items!: ContactEventResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;
}

function progressOf(progress: ChannelProgress | undefined): ChannelProgressResponseDto {
  const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
  return {
    status: progress?.status ?? ChannelDeliveryStatus.NotStarted,
    sentAt: iso(progress?.sentAt),
    deliveredAt: iso(progress?.deliveredAt),
    engagedAt: iso(progress?.engagedAt),
    respondedAt: iso(progress?.respondedAt),
    reasonCode: progress?.reasonCode ?? null,
    reason: progress?.reason ?? null,
    statusAt: iso(progress?.statusAt),
  };
}
