import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDateString, IsEmail, IsEnum, IsInt, IsNumber, IsObject, IsOptional, IsString, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PhoneType } from '../normalize/phone.normalizer';
import { ListingStatus } from '../schemas/contact.schema';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const MAX_PHONES = 10;
export const MAX_EMAILS = 10;
export const MAX_TAGS = 50;

export class PhoneRequestDto {
  @ApiProperty({ example: '(760) 555-0134', description: 'Any format; US is assumed without a country code. Stored as E.164.' })
  @IsString()
  @MaxLength(40)
  number!: string;

  @ApiPropertyOptional({ enum: PhoneType, enumName: 'PhoneType', description: 'Defaults to what the number plan says (mostly unknown in the US)' })
  @IsOptional()
  @IsEnum(PhoneType)
  type?: PhoneType;

  @ApiPropertyOptional({ description: 'This number is on a do-not-call list' })
  @IsOptional()
  @IsBoolean()
  dnc?: boolean;

  @ApiPropertyOptional({ example: 'cell' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  label?: string;
}

export class AddressRequestDto {
  @ApiPropertyOptional({ example: '74-123 Fairway Dr' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  street?: string;

  @ApiPropertyOptional({ example: 'Palm Desert' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ example: 'CA', description: '2-letter code or full state name' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  state?: string;

  @ApiPropertyOptional({ example: '92260', description: '5 digits or ZIP+4 (kept as 5 digits)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  zip?: string;
}

export class RealEstateRequestDto {
  @ApiPropertyOptional({ enum: ListingStatus, enumName: 'ListingStatus', nullable: true })
  @IsOptional()
  @IsEnum(ListingStatus)
  listingStatus?: ListingStatus | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  daysOnMarket?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'single-family' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  propertyType?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsDateString()
  saleDate?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  salePrice?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber()
  estimatedEquity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  apn?: string | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  absenteeOwner?: boolean | null;
}

export class CreateContactRequestDto {
  @ApiPropertyOptional({ example: 'José' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'Müller' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ type: [PhoneRequestDto] })
  @IsOptional()
  @ArrayMaxSize(MAX_PHONES)
  @ValidateNested({ each: true })
  @Type(() => PhoneRequestDto)
  phones?: PhoneRequestDto[];

  @ApiPropertyOptional({ type: [String], example: ['jose@example.com'] })
  @IsOptional()
  @ArrayMaxSize(MAX_EMAILS)
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value))
  @IsEmail({}, { each: true })
  emails?: string[];

  @ApiPropertyOptional({ type: () => AddressRequestDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => AddressRequestDto)
  propertyAddress?: AddressRequestDto | null;

  @ApiPropertyOptional({ type: () => AddressRequestDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => AddressRequestDto)
  mailingAddress?: AddressRequestDto | null;

  @ApiPropertyOptional({ type: () => RealEstateRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RealEstateRequestDto)
  realEstate?: RealEstateRequestDto;

  @ApiPropertyOptional({ type: [String], example: ['farm-2024'] })
  @IsOptional()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { 'Lead source': 'Zillow' } })
  @IsOptional()
  @IsObject()
  customFields?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Never contact this person on any channel' })
  @IsOptional()
  @IsBoolean()
  doNotContact?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  doNotContactReason?: string | null;
}

/** Every field optional; arrays given replace the stored ones, `null` clears an address. */
export class UpdateContactRequestDto extends CreateContactRequestDto {}
