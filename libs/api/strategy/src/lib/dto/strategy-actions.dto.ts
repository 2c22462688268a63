import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsMongoId, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ExecutionChannel } from '../schemas/execution.schema';

export class ScheduleStrategyRequestDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2026-03-12T16:00:00Z', description: 'When to deploy; must be in the future. Sends still keep to the campaign\'s window and the recipients\' quiet hours.' })
  @Type(() => Date)
  @IsDate()
  at!: Date;
}

export class TestStrategyRequestDto {
  @ApiProperty({ required: false, description: 'Where the test goes: your phone (E.164 or any US format) for text and voicemail; your email for email (default: your login email)' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  to?: string;

  @ApiProperty({ required: false, description: 'Render for this contact of yours (default: the campaign\'s first contact, else a sample contact)' })
  @IsOptional()
  @IsMongoId()
  contactId?: string;

  @ApiProperty({ type: Number, required: false, default: 0, description: '0-based step' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(50)
  step?: number;

  @ApiProperty({ required: false, description: 'Variant key (default: the one the contact always gets)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  variant?: string;
}

export class TestStrategyResponseDto {
  @ApiProperty({ description: 'Names the test in the campaign\'s activity feed, where its outcome appears' }) testId!: string;
  @ApiProperty({ enum: ExecutionChannel, enumName: 'ExecutionChannel' }) channel!: ExecutionChannel;
  @ApiProperty() to!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The contact whose merge fields were used; null = a sample contact' }) contactId!: string | null;
  @ApiProperty() step!: number;
  @ApiProperty() variant!: string;
}
