import { CampaignContact, ChannelDeliveryStatus, ChannelProgress, Contact, ContactSource, MembershipStatus } from '@cadence/api-contact';
import { microsToUsd } from '@cadence/api-channel';
import { ApiProperty } from '@nestjs/swagger';
import { Campaign, CampaignScheduleSettings, CampaignStatus, CampaignType, ChannelStats } from '../schemas/campaign.schema';

export class CampaignScheduleResponseDto {
  @ApiProperty()
  timeZone!: string;

  @ApiProperty({ type: String, nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  endDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  dailyStart!: string | null;

  @ApiProperty({ type: String, nullable: true })
  dailyEnd!: string | null;

  @ApiProperty({ type: [Number], nullable: true })
  daysOfWeek!: number[] | null;

  @ApiProperty({ type: Number, nullable: true })
  dailyCap!: number | null;

  static from(s: CampaignScheduleSettings): CampaignScheduleResponseDto {
    return {
      timeZone: s.timeZone,
      startDate: s.startDate ?? null,
      endDate: s.endDate ?? null,
      dailyStart: s.dailyStart ?? null,
      dailyEnd: s.dailyEnd ?? null,
      daysOfWeek: s.daysOfWeek ?? null,
      dailyCap: s.dailyCap ?? null,
    };
  }
}

export class CampaignBudgetResponseDto {
  @ApiProperty({ type: Number, nullable: true, description: 'USD; null = no limit' })
  limitUsd!: number | null;

  @ApiProperty({ description: 'USD spent so far (provider-charged or estimated)' })
  spentUsd!: number;
}

export class ChannelStatsResponseDto {
  @ApiProperty() queued!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty({ description: 'Opened (email) or listened (voicemail)' }) engaged!: number;
  @ApiProperty() clicked!: number;
  @ApiProperty() responded!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() skipped!: number;
  @ApiProperty({ description: 'USD' }) costUsd!: number;

  static from(s: Partial<ChannelStats> | undefined): ChannelStatsResponseDto {
    return {
      queued: s?.queued ?? 0,
      sent: s?.sent ?? 0,
      delivered: s?.delivered ?? 0,
      engaged: s?.engaged ?? 0,
      clicked: s?.clicked ?? 0,
      responded: s?.responded ?? 0,
      failed: s?.failed ?? 0,
      skipped: s?.skipped ?? 0,
      costUsd: microsToUsd(s?.costMicros ?? 0),
    };
  }
}

export class CampaignStatsResponseDto {
  @ApiProperty({ type: ChannelStatsResponseDto }) sms!: ChannelStatsResponseDto;
  @ApiProperty({ type: ChannelStatsResponseDto }) email!: ChannelStatsResponseDto;
  @ApiProperty({ type: ChannelStatsResponseDto }) voicemail!: ChannelStatsResponseDto;
}

export class CampaignResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CampaignType, enumName: 'CampaignType' }) type!: CampaignType;
  @ApiProperty({ type: String, nullable: true }) neighborhood!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: CampaignStatus, enumName: 'CampaignStatus' }) status!: CampaignStatus;
  @ApiProperty({ type: CampaignScheduleResponseDto, nullable: true }) schedule!: CampaignScheduleResponseDto | null;
  @ApiProperty({ type: CampaignBudgetResponseDto }) budget!: CampaignBudgetResponseDto;
  @ApiProperty({ type: CampaignStatsResponseDto }) stats!: CampaignStatsResponseDto;
  @ApiProperty({ type: String, nullable: true }) duplicatedFrom!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the campaign was paused (by the agent, or the budget)' }) pausedReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) launchedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a voicemail launch handed its drops to Drop Cowboy (status `submitted` until the first is accepted)' }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;

  /** Tolerates the minimal draft the contact library may insert (only name, status and owner). */
  static from(c: Campaign): CampaignResponseDto {
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    return {
      id: c._id.toHexString(),
      name: c.name,
      type: c.type ?? CampaignType.Custom,
      neighborhood: c.neighborhood ?? null,
      description: c.description ?? null,
      status: c.status ?? CampaignStatus.Draft,
      schedule: c.schedule ? CampaignScheduleResponseDto.from(c.schedule) : null,
      budget: {
        limitUsd: c.budget?.limitMicros === null || c.budget?.limitMicros === undefined ? null : microsToUsd(c.budget.limitMicros),
        spentUsd: microsToUsd(c.budget?.spentMicros ?? 0),
      },
      stats: { sms: ChannelStatsResponseDto.from(c.stats?.sms), email: ChannelStatsResponseDto.from(c.stats?.email), voicemail: ChannelStatsResponseDto.from(c.stats?.voicemail) },
      duplicatedFrom: c.duplicatedFrom ? c.duplicatedFrom.toHexString() : null,
      pausedReason: c.pausedReason ?? null,
      approvedAt: iso(c.approvedAt),
      launchedAt: iso(c.launchedAt),
      submittedAt: iso(c.submittedAt),
      completedAt: iso(c.completedAt),
      createdAt: (c.createdAt ?? c._id.getTimestamp()).toISOString(),
      updatedAt: (c.updatedAt ?? c.createdAt ?? c._id.getTimestamp()).toISOString(),
    };
  }
}

export class CampaignPageResponseDto {
  @ApiProperty({ type: [CampaignResponseDto] }) items!: CampaignResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

/** Where one channel stands for a member, and why when it was skipped, deferred or failed. */
export class MemberChannelProgressResponseDto {
  @ApiProperty({ enum: ChannelDeliveryStatus, enumName: 'ChannelDeliveryStatus' }) status!: ChannelDeliveryStatus;
  @ApiProperty({ type: String, nullable: true, example: 'no_consent', description: 'Gate or provider reason code' }) reasonCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'No SMS consent on record' }) reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the status last changed' }) statusAt!: string | null;

  static from(p: ChannelProgress | undefined): MemberChannelProgressResponseDto {
    return { status: p?.status ?? ChannelDeliveryStatus.NotStarted, reasonCode: p?.reasonCode ?? null, reason: p?.reason ?? null, statusAt: p?.statusAt ? p.statusAt.toISOString() : null };
  }
}

export class MemberChannelsResponseDto {
  @ApiProperty({ type: MemberChannelProgressResponseDto }) sms!: MemberChannelProgressResponseDto;
  @ApiProperty({ type: MemberChannelProgressResponseDto }) email!: MemberChannelProgressResponseDto;
  @ApiProperty({ type: MemberChannelProgressResponseDto }) voicemail!: MemberChannelProgressResponseDto;
}

export class CampaignMemberResponseDto {
  @ApiProperty() contactId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ enum: MembershipStatus, enumName: 'MembershipStatus' }) status!: MembershipStatus;
  @ApiProperty({ enum: ContactSource, enumName: 'ContactSource' }) source!: ContactSource;
  @ApiProperty({ enum: ChannelDeliveryStatus, enumName: 'ChannelDeliveryStatus' }) sms!: ChannelDeliveryStatus;
  @ApiProperty({ enum: ChannelDeliveryStatus, enumName: 'ChannelDeliveryStatus' }) email!: ChannelDeliveryStatus;
  @ApiProperty({ enum: ChannelDeliveryStatus, enumName: 'ChannelDeliveryStatus' }) voicemail!: ChannelDeliveryStatus;
  @ApiProperty({ type: MemberChannelsResponseDto, description: 'Each channel with its reason (skipped, deferred, failed) and time' }) channels!: MemberChannelsResponseDto;
  @ApiProperty({ type: String, format: 'date-time' }) addedAt!: string;

  static from(m: CampaignContact, contact: Contact | undefined): CampaignMemberResponseDto {
    return {
      contactId: m.contactId.toHexString(),
      firstName: contact?.firstName ?? '',
      lastName: contact?.lastName ?? '',
      status: m.status,
      source: m.source,
      sms: m.channels?.sms?.status ?? ChannelDeliveryStatus.NotStarted,
      email: m.channels?.email?.status ?? ChannelDeliveryStatus.NotStarted,
      voicemail: m.channels?.voicemail?.status ?? ChannelDeliveryStatus.NotStarted,
      channels: { sms: MemberChannelProgressResponseDto.from(m.channels?.sms), email: MemberChannelProgressResponseDto.from(m.channels?.email), voicemail: MemberChannelProgressResponseDto.from(m.channels?.voicemail) },
      addedAt: m.addedAt.toISOString(),
    };
  }
}

export class CampaignMemberPageResponseDto {
  @ApiProperty({ type: [CampaignMemberResponseDto] }) items!: CampaignMemberResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class AddCampaignContactsResponseDto {
  @ApiProperty({ description: 'Contacts of yours the selection matched' }) matched!: number;
  @ApiProperty({ description: 'Of those, how many were not in the campaign before' }) added!: number;
}

export class RemoveCampaignContactsResponseDto {
  @ApiProperty({ description: 'Members taken out of the campaign' }) removed!: number;
  @ApiProperty({ description: 'Their sends that had not happened yet, now cancelled' }) cancelledExecutions!: number;
}
