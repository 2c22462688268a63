import { ContactFilterRequestDto } from '@cadence/api-contact';
import { PageQueryDto } from '@cadence/api-core';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CampaignSort } from '../repositories/campaign.repository';
import { CampaignStatus, CampaignType } from '../schemas/campaign.schema';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Checked as a whole by the channel library's validateCampaignSchedule (zone, dates, window, days). */
export class CampaignScheduleRequestDto {
  @ApiProperty({ example: 'America/Los_Angeles', description: 'IANA zone the dates, hours and days are written in' })
  @IsString()
  timeZone!: string;

  @ApiProperty({ type: String, required: false, nullable: true, example: '2026-12-01', description: 'First day, inclusive (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  startDate?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, example: '2026-12-31', description: 'Last day, inclusive (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  endDate?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, example: '09:00', description: 'Daily window start, HH:mm' })
  @IsOptional()
  @IsString()
  dailyStart?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, example: '17:00', description: 'Daily window end (exclusive), HH:mm' })
  @IsOptional()
  @IsString()
  dailyEnd?: string | null;

  @ApiProperty({ type: [Number], required: false, nullable: true, example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday; absent = every day' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(7, { each: true })
  daysOfWeek?: number[] | null;

  @ApiProperty({ type: Number, required: false, nullable: true, minimum: 1, description: 'Most sends per day across channels; absent = no cap' })
  @IsOptional()
  @IsInt()
  @Min(1)
  dailyCap?: number | null;
}

export class CreateCampaignRequestDto {
  @ApiProperty({ example: 'PDCC Expireds - January 2026' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: CampaignType, enumName: 'CampaignType', required: false, default: CampaignType.Custom })
  @IsOptional()
  @IsEnum(CampaignType)
  type?: CampaignType;

  @ApiProperty({ type: String, required: false, nullable: true, example: 'PDCC' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  neighborhood?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ type: CampaignScheduleRequestDto, required: false, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignScheduleRequestDto)
  schedule?: CampaignScheduleRequestDto | null;

  @ApiProperty({ type: Number, required: false, nullable: true, minimum: 0, example: 250, description: 'Spending limit in USD; absent = no limit' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  budgetLimitUsd?: number | null;
}

/** Every field of a create, each optional: a PATCH changes only what it names. */
export class UpdateCampaignRequestDto extends PartialType(CreateCampaignRequestDto) {}

export class ListCampaignsQueryDto extends PageQueryDto {
  @ApiProperty({ enum: CampaignStatus, enumName: 'CampaignStatus', required: false })
  @IsOptional()
  @IsEnum(CampaignStatus)
  status?: CampaignStatus;

  @ApiProperty({ enum: CampaignType, enumName: 'CampaignType', required: false })
  @IsOptional()
  @IsEnum(CampaignType)
  type?: CampaignType;

  @ApiProperty({ required: false, description: 'Part of the name, any case' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiProperty({ enum: CampaignSort, enumName: 'CampaignSort', required: false, default: CampaignSort.NewestFirst })
  @IsOptional()
  @IsEnum(CampaignSort)
  sort: CampaignSort = CampaignSort.NewestFirst;
}

/** Exactly one of the selections: explicit contact ids, a saved segment, or the contact list's filters. */
export class AddCampaignContactsRequestDto {
  @ApiProperty({ type: [String], required: false, maxItems: 1000 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  contactIds?: string[];

  @ApiProperty({ required: false, description: 'Adds every contact the saved segment matches now' })
  @IsOptional()
  @IsString()
  segmentId?: string;

  @ApiProperty({ type: ContactFilterRequestDto, required: false, description: 'Every contact the contact list shows with these filters (an empty filter: all of them)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactFilterRequestDto)
  filter?: ContactFilterRequestDto;
}

/** Exactly one of: explicit contact ids, or the contact list's filters (applied to the campaign's members). */
export class RemoveCampaignContactsRequestDto {
  @ApiProperty({ type: [String], required: false, maxItems: 1000 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  contactIds?: string[];

  @ApiProperty({ type: ContactFilterRequestDto, required: false, description: 'Removes every member matching these filters (an empty filter: every member)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactFilterRequestDto)
  filter?: ContactFilterRequestDto;
}
