import { PageQueryDto } from '@cadence/api-core';
import { microsToUsd } from '@cadence/api-channel';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { Execution, ExecutionChannel, ExecutionStatus } from '../schemas/execution.schema';
import { StrategyStatus } from '../schemas/strategy.schema';

export class ListExecutionsQueryDto extends PageQueryDto {
  @ApiProperty({ enum: ExecutionStatus, enumName: 'ExecutionStatus', required: false })
  @IsOptional()
  @IsEnum(ExecutionStatus)
  status?: ExecutionStatus;

  @ApiProperty({ type: Boolean, required: false, description: 'The dead-letter list: failed and unknown (needs reconciling) executions' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  deadLetter?: boolean;
}

export class ExecutionResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty({ description: '0-based step index' }) step!: number;
  @ApiProperty() variant!: string;
  @ApiProperty({ enum: ExecutionChannel, enumName: 'ExecutionChannel' }) channel!: ExecutionChannel;
  @ApiProperty({ enum: ExecutionStatus, enumName: 'ExecutionStatus' }) status!: ExecutionStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Machine-readable reason (gate reason, provider failure reason)' }) reasonCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was skipped, deferred or failed' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) provider!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerMessageId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What the provider reported: queued, sent, delivered, opened, clicked, responded, failed, bounced, undelivered' }) deliveryStatus!: string | null;
  @ApiProperty({ description: 'USD (provider-reported or estimated)' }) costUsd!: number;
  @ApiProperty({ type: String, format: 'date-time', description: 'Earliest send time' }) notBefore!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  // When the provider reported each state (the earliest report), whatever order the reports came in.
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the provider reported it delivered' }) deliveredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First email open' }) openedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the voicemail was listened to' }) listenedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First link click' }) clickedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First reply' }) respondedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) bouncedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) undeliveredAt!: string | null;

  static from(e: Execution): ExecutionResponseDto {
    return {
      id: e._id.toHexString(),
      contactId: e.contactId.toHexString(),
      step: e.step,
      variant: e.variant,
      channel: e.channel,
      status: e.status,
      reasonCode: e.reasonCode ?? null,
      reason: e.reason ?? null,
      address: e.address ?? null,
      attempts: e.attempts,
      provider: e.provider ?? null,
      providerMessageId: e.providerMessageId ?? null,
      deliveryStatus: e.deliveryStatus ?? null,
      costUsd: microsToUsd(e.costMicros ?? 0),
      notBefore: e.notBefore.toISOString(),
      sentAt: e.sentAt?.toISOString() ?? null,
      deliveredAt: e.deliveredAt?.toISOString() ?? null,
      openedAt: e.openedAt?.toISOString() ?? null,
      listenedAt: e.listenedAt?.toISOString() ?? null,
      clickedAt: e.clickedAt?.toISOString() ?? null,
      respondedAt: e.respondedAt?.toISOString() ?? null,
      failedAt: e.failedAt?.toISOString() ?? null,
      bouncedAt: e.bouncedAt?.toISOString() ?? null,
      undeliveredAt: e.undeliveredAt?.toISOString() ?? null,
    };
  }
}

export class ExecutionPageResponseDto {
  @ApiProperty({ type: [ExecutionResponseDto] }) items!: ExecutionResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class ExecutionCountsResponseDto {
  @ApiProperty() pending!: number;
  @ApiProperty() queued!: number;
  @ApiProperty() sending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() deferred!: number;
  @ApiProperty() skipped!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() unknown!: number;
  @ApiProperty({ description: 'Never sent: the contact was removed from the campaign, or the campaign ended first' }) cancelled!: number;
}

export class DeliveryCountsResponseDto {
  @ApiProperty() queued!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() opened!: number;
  @ApiProperty() listened!: number;
  @ApiProperty() clicked!: number;
  @ApiProperty() responded!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() bounced!: number;
  @ApiProperty() undelivered!: number;
}

export class StrategyRunStatusResponseDto {
  @ApiProperty() strategyId!: string;
  @ApiProperty({ enum: StrategyStatus, enumName: 'StrategyStatus' }) status!: StrategyStatus;
  @ApiProperty() total!: number;
  @ApiProperty({ type: ExecutionCountsResponseDto, description: 'Executions per state of ours' }) executions!: ExecutionCountsResponseDto;
  @ApiProperty({ type: DeliveryCountsResponseDto, description: 'Sent executions per provider-reported state' }) delivery!: DeliveryCountsResponseDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds to send what waits, at the provider rate limit; a lower bound (deferrals and schedules add to it). Null when nothing waits.' })
  etaSeconds!: number | null;
}

export class DeployStrategyResponseDto {
  @ApiProperty() strategyId!: string;
  @ApiProperty({ enum: StrategyStatus, enumName: 'StrategyStatus' }) status!: StrategyStatus;
  @ApiProperty({ type: String, format: 'date-time' }) deployedAt!: string;
}
