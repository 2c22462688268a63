import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { StrategyType } from '../schemas/strategy.schema';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The fields a variant needs depend on the strategy's type; the use case checks them together. */
export class StrategyVariantRequestDto {
  @ApiProperty({ example: 'A', description: 'One or two capital letters, unique within the step' })
  @Matches(/^[A-Z]{1,2}$/)
  key!: string;

  @ApiProperty({ type: Number, required: false, minimum: 1, maximum: 100, default: 1, description: 'Relative share of contacts' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  weight = 1;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'text: SMS body with merge fields ({{firstName|there}})' })
  @IsOptional()
  @IsString()
  @MaxLength(1600)
  body?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'email' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'email' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  html?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'email: plain-text alternative' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  text?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'voicemail: Drop Cowboy voice_id for text-to-speech' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  voiceId?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'voicemail: text-to-speech script, ≤ 1,200 characters once rendered' })
  @IsOptional()
  @IsString()
  @MaxLength(1200)
  ttsBody?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'voicemail: an uploaded recording (Drop Cowboy media id)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  recordingMediaId?: string | null;
}

export class StrategyStepRequestDto {
  @ApiProperty({ type: Number, required: false, minimum: 0, maximum: 365, default: 0, description: 'Days after the previous step (the first step: after deploy)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  delayDays = 0;

  @ApiProperty({ type: [StrategyVariantRequestDto], description: 'A/B variants; each contact always gets the same one' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => StrategyVariantRequestDto)
  variants!: StrategyVariantRequestDto[];
}

export class EmailSenderRequestDto {
  @ApiProperty({ example: 'jane@desertrealty.com' })
  @IsEmail()
  fromEmail!: string;

  @ApiProperty({ example: 'Jane Agent' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  fromName!: string;

  @ApiProperty({ type: String, required: false, nullable: true })
  @IsOptional()
  @IsEmail()
  replyTo?: string | null;

  @ApiProperty({ example: '73-000 El Paseo, Palm Desert, CA 92260', description: 'Shown in every email footer (CAN-SPAM)' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  postalAddress!: string;
}

export class CreateStrategyRequestDto {
  @ApiProperty({ enum: StrategyType, enumName: 'StrategyType' })
  @IsEnum(StrategyType)
  type!: StrategyType;

  @ApiProperty({ required: false, example: 'Expired listing follow-up' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiProperty({ type: [StrategyStepRequestDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => StrategyStepRequestDto)
  steps!: StrategyStepRequestDto[];

  @ApiProperty({ type: EmailSenderRequestDto, required: false, nullable: true, description: 'Required for email strategies' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmailSenderRequestDto)
  emailSender?: EmailSenderRequestDto | null;
}

export class UpdateStrategyRequestDto extends PartialType(OmitType(CreateStrategyRequestDto, ['type'] as const)) {}

export class PreviewStrategyQueryDto {
  @ApiProperty({ description: 'One of your contacts' })
  @IsString()
  contactId!: string;
}
