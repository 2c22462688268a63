import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsEnum, IsIn, IsMongoId, IsNumber, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type { InboundReply } from '../schemas/inbound-reply.schema';
import { ReplyIntentKind } from '../schemas/inbound-reply.schema';
import { WebhookEventStatus } from '../schemas/webhook-event.schema';

export class WebhookAckResponseDto {
  @ApiProperty({ description: 'Events in the request' })
  received!: number;

  @ApiProperty({ description: 'Events already stored (redeliveries), acknowledged and ignored' })
  duplicates!: number;
}

export class ReplyResponseDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  contactId!: string;

  @ApiProperty({ type: String, nullable: true })
  contactName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  campaignId!: string | null;

  @ApiProperty({ example: 'sms' })
  channel!: string;

  @ApiProperty({ example: '+13055550101' })
  from!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: ReplyIntentKind, enumName: 'ReplyIntentKind', description: 'reply pauses the contact in the campaign; opt_out and opt_in change consent; help got the help reply' })
  intent!: ReplyIntentKind;

  @ApiProperty()
  receivedAt!: Date;

  static from(reply: InboundReply, contactName: string | null): ReplyResponseDto {
    return {
      id: reply._id.toHexString(),
      contactId: reply.contactId.toHexString(),
      contactName,
      campaignId: reply.campaignId?.toHexString() ?? null,
      channel: reply.channel,
      from: reply.from,
      body: reply.body,
      intent: reply.intent,
      receivedAt: reply.receivedAt,
    };
  }
}

export class ReplyPageResponseDto {
  @ApiProperty({ type: [ReplyResponseDto] })
  items!: ReplyResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;
}

export class MarkConvertedRequestDto {
  @ApiProperty({ type: Number, required: false, nullable: true, description: 'What the conversion is worth, in dollars (ROI)', example: 9000 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  value?: number | null;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ConversionResponseDto {
  @ApiProperty()
  contactId!: string;

  @ApiProperty()
  converted!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  conversionValue!: number | null;

  @ApiProperty()
  convertedAt!: Date;
}

export class ReplayWebhookEventsRequestDto {
  @ApiProperty({ type: [String], required: false, description: 'Stored event ids; without them, every event matching the other filters' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsMongoId({ each: true })
  ids?: string[];

  @ApiProperty({ required: false, enum: ['twilio', 'sendgrid', 'dropcowboy'] })
  @IsOptional()
  @IsIn(['twilio', 'sendgrid', 'dropcowboy'])
  provider?: string;

  @ApiProperty({ enum: WebhookEventStatus, enumName: 'WebhookEventStatus', isArray: true, required: false, description: 'Default: unmatched and failed' })
  @IsOptional()
  @IsArray()
  @IsEnum(WebhookEventStatus, { each: true })
  statuses?: WebhookEventStatus[];

  @ApiProperty({ required: false })
  @IsOptional()
  @IsDateString()
  since?: string;
}

export class ReplayWebhookEventsResponseDto {
  @ApiProperty({ description: 'Events enqueued again (each still counts once: executions remember applied event ids)' })
  enqueued!: number;
}
