import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDateString, IsEnum, IsIP, IsMongoId, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ConsentChannel, ConsentStatus } from '../schemas/contact.schema';
import { ContactFilterRequestDto } from './contact-filter.request.dto';
import { MAX_TAGS } from './contact.request.dto';

export enum BulkContactAction {
  Tag = 'tag',
  Untag = 'untag',
  AddToCampaign = 'add-to-campaign',
  MarkDoNotContact = 'mark-do-not-contact',
  Delete = 'delete',
}

export const MAX_BULK_IDS = 1000;

export class BulkContactActionRequestDto {
  @ApiProperty({ enum: BulkContactAction, enumName: 'BulkContactAction' })
  @IsEnum(BulkContactAction)
  action!: BulkContactAction;

  @ApiPropertyOptional({ type: [String], description: `The selection: up to ${MAX_BULK_IDS} contact ids. Give exactly one of ids, filter or segmentId.` })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  @IsMongoId({ each: true })
  ids?: string[];

  @ApiPropertyOptional({ type: () => ContactFilterRequestDto, description: 'Every contact matching the list filters (segmentId included). Give exactly one of ids, filter or segmentId.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactFilterRequestDto)
  filter?: ContactFilterRequestDto;

  @ApiPropertyOptional({ description: 'Every contact of this saved segment. Give exactly one of ids, filter or segmentId.' })
  @IsOptional()
  @IsMongoId()
  segmentId?: string;

  @ApiPropertyOptional({ type: [String], description: 'For tag and untag' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ description: 'For add-to-campaign' })
  @IsOptional()
  @IsMongoId()
  campaignId?: string;

  @ApiPropertyOptional({ description: 'For mark-do-not-contact' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class BulkContactActionResponseDto {
  @ApiProperty({ enum: BulkContactAction, enumName: 'BulkContactAction' })
  action!: BulkContactAction;

  @ApiProperty({ description: 'Contacts selected by the ids or filter' })
  matched!: number;

  @ApiProperty({ description: 'Contacts the action changed (already tagged, already in the campaign… are not counted)' })
  modified!: number;
}

export class AddContactToCampaignRequestDto {
  @ApiProperty()
  @IsMongoId()
  campaignId!: string;
}

export class OptOutRequestDto {
  @ApiPropertyOptional({ enum: ConsentChannel, enumName: 'ConsentChannel', description: 'Omit to opt out of every channel (do not contact)' })
  @IsOptional()
  @IsEnum(ConsentChannel)
  channel?: ConsentChannel;

  @ApiPropertyOptional({ example: 'Asked on the phone not to be called again' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class SetConsentRequestDto {
  @ApiProperty({ enum: ConsentChannel, enumName: 'ConsentChannel' })
  @IsEnum(ConsentChannel)
  channel!: ConsentChannel;

  @ApiProperty({ enum: ConsentStatus, enumName: 'ConsentStatus' })
  @IsEnum(ConsentStatus)
  status!: ConsentStatus;

  @ApiProperty({ example: 'open-house sign-in sheet', description: 'Where the consent was given' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source!: string;

  @ApiPropertyOptional({ description: 'The consent wording the contact saw, word for word' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  wording?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When it was given; defaults to now, never in the future' })
  @IsOptional()
  @IsDateString()
  capturedAt?: string;

  @ApiPropertyOptional({ description: 'IP address of a web form consent' })
  @IsOptional()
  @IsIP()
  ip?: string;
}
