import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsMongoId, IsOptional, Max, Min } from 'class-validator';

export class DuplicateCheckQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 365, description: 'Look back this many days (default: 30, or the minimum interval if longer)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  withinDays?: number;
}

export class DuplicateCampaignTouchDto {
  @ApiProperty()
  campaignId!: string;

  @ApiProperty()
  campaignName!: string;

  @ApiProperty()
  lastSent!: Date;

  @ApiProperty()
  daysSince!: number;
}

export class DuplicateContactDto {
  @ApiProperty()
  contactId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: [DuplicateCampaignTouchDto] })
  campaigns!: DuplicateCampaignTouchDto[];
}

export class DuplicateReportResponseDto {
  @ApiProperty()
  totalDuplicates!: number;

  @ApiProperty()
  withinDays!: number;

  @ApiProperty({ type: [DuplicateContactDto] })
  duplicateContacts!: DuplicateContactDto[];

  @ApiProperty({ type: [String] })
  recommendations!: string[];
}

export const DUPLICATE_ACTIONS = ['remove', 'keep', 'change_interval'] as const;

export class ResolveDuplicatesRequestDto {
  @ApiProperty({ enum: DUPLICATE_ACTIONS, enumName: 'DuplicateAction', description: 'remove the duplicates from this campaign, keep them, or change the minimum days between touches' })
  @IsIn(DUPLICATE_ACTIONS)
  action!: (typeof DUPLICATE_ACTIONS)[number];

  @ApiProperty({ type: [String], required: false, description: 'remove: only these duplicates (default: all)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsMongoId({ each: true })
  contactIds?: string[];

  @ApiProperty({ required: false, minimum: 0, maximum: 60, description: 'change_interval: the new minimum days between touches (default 3)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  minDaysBetweenTouches?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  withinDays?: number;
}

export class ResolveDuplicatesResponseDto {
  @ApiProperty({ enum: DUPLICATE_ACTIONS, enumName: 'DuplicateAction' })
  action!: (typeof DUPLICATE_ACTIONS)[number];

  @ApiProperty()
  removed!: number;

  @ApiProperty({ type: Number, nullable: true })
  minDaysBetweenTouches!: number | null;
}
