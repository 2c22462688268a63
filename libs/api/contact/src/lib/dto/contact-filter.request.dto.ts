import { PageQueryDto } from '@cadence/api-core';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsMongoId, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ContactSort } from '../repositories/contact.repository';
import { ConsentStatus, ContactSource } from '../schemas/contact.schema';

const booleanFromQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The list filters; also the `filter` of a bulk action. */
export class ContactFilterRequestDto {
  @ApiPropertyOptional({ description: 'Name, phone in any format, email or address; words match by prefix', example: 'jose 760' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ example: 'farm-2024' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string;

  @ApiPropertyOptional({ description: 'Only contacts in this campaign' })
  @IsOptional()
  @IsMongoId()
  campaignId?: string;

  @ApiPropertyOptional({ description: 'Only contacts not in this campaign' })
  @IsOptional()
  @IsMongoId()
  notInCampaign?: string;

  @ApiPropertyOptional({ description: 'false: only contacts in no campaign at all' })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean()
  inAnyCampaign?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean()
  doNotContact?: boolean;

  @ApiPropertyOptional({ enum: ConsentStatus, enumName: 'ConsentStatus' })
  @IsOptional()
  @IsEnum(ConsentStatus)
  smsConsent?: ConsentStatus;

  @ApiPropertyOptional({ enum: ConsentStatus, enumName: 'ConsentStatus' })
  @IsOptional()
  @IsEnum(ConsentStatus)
  voiceConsent?: ConsentStatus;

  @ApiPropertyOptional({ enum: ConsentStatus, enumName: 'ConsentStatus' })
  @IsOptional()
  @IsEnum(ConsentStatus)
  emailConsent?: ConsentStatus;

  @ApiPropertyOptional({ example: 'CA', description: 'Property or mailing address state' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'state must be a 2-letter code' })
  state?: string;

  @ApiPropertyOptional({ example: '92260', description: 'Property or mailing address ZIP' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'zip must be 5 digits' })
  zip?: string;

  @ApiPropertyOptional({ enum: ContactSource, enumName: 'ContactSource' })
  @IsOptional()
  @IsEnum(ContactSource)
  source?: ContactSource;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  lastContactedBefore?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  lastContactedAfter?: Date;

  @ApiPropertyOptional({ description: 'Only contacts this import created' })
  @IsOptional()
  @IsMongoId()
  importBatchId?: string;

  @ApiPropertyOptional({ description: "Only contacts matching this saved segment (404 when it is not the caller's)" })
  @IsOptional()
  @IsMongoId()
  segmentId?: string;
}

export class ListContactsQueryDto extends IntersectionType(PageQueryDto, ContactFilterRequestDto) {
  @ApiPropertyOptional({ enum: ContactSort, enumName: 'ContactSort', default: ContactSort.NewestFirst })
  @IsOptional()
  @IsEnum(ContactSort)
  sort: ContactSort = ContactSort.NewestFirst;
}
