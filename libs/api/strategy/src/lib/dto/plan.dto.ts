import { ApiProperty } from '@nestjs/swagger';
import { ExecutionChannel } from '../schemas/execution.schema';

export enum PlanOutcome {
  Send = 'send',
  Excluded = 'excluded',
}

export class PlanItemResponseDto {
  @ApiProperty() contactId!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() strategyId!: string;
  @ApiProperty() strategyName!: string;
  @ApiProperty({ enum: ExecutionChannel, enumName: 'ExecutionChannel' }) channel!: ExecutionChannel;
  @ApiProperty({ description: '0-based step index' }) step!: number;
  @ApiProperty() variant!: string;
  @ApiProperty({ enum: PlanOutcome, enumName: 'PlanOutcome' }) outcome!: PlanOutcome;
  @ApiProperty({ type: String, nullable: true, description: "Planned send time in the contact's time zone (ISO 8601 with offset); null when excluded" }) plannedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The zone plannedAt is written in' }) timeZone!: string | null;
  @ApiProperty({ description: 'USD' }) estimatedCostUsd!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why it would not be sent (gate reason), or why it waits (quiet_hours, outside_schedule, recent_touch)' }) reasonCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class PlanReasonCountResponseDto {
  @ApiProperty() reasonCode!: string;
  @ApiProperty() count!: number;
}

export class PlanChannelTotalResponseDto {
  @ApiProperty({ enum: ExecutionChannel, enumName: 'ExecutionChannel' }) channel!: ExecutionChannel;
  @ApiProperty() sends!: number;
  @ApiProperty({ description: 'USD' }) estimatedCostUsd!: number;
}

export class PlanTotalsResponseDto {
  @ApiProperty() contacts!: number;
  @ApiProperty({ description: 'Contact × strategy step pairs' }) messages!: number;
  @ApiProperty() sends!: number;
  @ApiProperty() excluded!: number;
  @ApiProperty({ description: 'USD of the planned sends' }) estimatedCostUsd!: number;
  @ApiProperty({ type: [PlanReasonCountResponseDto] }) excludedByReason!: PlanReasonCountResponseDto[];
  @ApiProperty({ type: [PlanChannelTotalResponseDto] }) byChannel!: PlanChannelTotalResponseDto[];
}

/** One page of contacts (each with all its strategy steps) and the totals over the whole campaign. */
export class CampaignPlanResponseDto {
  @ApiProperty({ type: [PlanItemResponseDto] }) items!: PlanItemResponseDto[];
  @ApiProperty({ description: 'Contacts in the campaign' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty({ type: PlanTotalsResponseDto }) totals!: PlanTotalsResponseDto;
}
