import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { ComplianceSettings } from '../schemas/compliance-settings.schema';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class QuietHoursDto {
  @ApiProperty({ example: '08:00', description: "Earliest local send time at the contact's location (never before the legal 08:00)" })
  @Matches(HH_MM, { message: 'start must be HH:mm' })
  start!: string;

  @ApiProperty({ example: '20:00', description: 'Latest local send time (default the legal 21:00; 20:00 in FL, OK and MD whatever this says)' })
  @Matches(HH_MM, { message: 'end must be HH:mm' })
  end!: string;
}

export class TouchBudgetDto {
  @ApiProperty({ type: Number, nullable: true, example: 3, description: 'Touches per contact in any rolling 7 days, across channels and campaigns; null = no cap' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  maxTouchesPer7Days!: number | null;

  @ApiProperty({ example: 2, description: 'Minimum whole days between two touches of one contact' })
  @IsInt()
  @Min(0)
  @Max(60)
  minDaysBetweenTouches!: number;
}

export class OptOutPolicyDto {
  @ApiProperty({ description: 'A text STOP also stops ringless voicemail' })
  @IsBoolean()
  smsStopsVoicemail!: boolean;

  @ApiProperty()
  @IsBoolean()
  smsStopsEmail!: boolean;

  @ApiProperty()
  @IsBoolean()
  emailStopsSms!: boolean;

  @ApiProperty()
  @IsBoolean()
  emailStopsVoicemail!: boolean;

  @ApiProperty()
  @IsBoolean()
  voicemailStopsSms!: boolean;

  @ApiProperty({ description: 'Any opt-out stops every channel' })
  @IsBoolean()
  stopEverything!: boolean;
}

export class ComplianceSettingsResponseDto {
  @ApiProperty({ type: QuietHoursDto })
  quietHours!: QuietHoursDto;

  @ApiProperty({ type: TouchBudgetDto })
  touchBudget!: TouchBudgetDto;

  @ApiProperty({ type: OptOutPolicyDto })
  optOutPolicy!: OptOutPolicyDto;

  @ApiProperty({ description: 'Refuse calls and voicemails to numbers not scrubbed against the National DNC Registry in the last 31 days' })
  dncRegistryCompliance!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The reply to a HELP text' })
  helpReply!: string | null;

  static from(s: ComplianceSettings): ComplianceSettingsResponseDto {
    return {
      quietHours: { start: s.quietHours?.start ?? '08:00', end: s.quietHours?.end ?? '21:00' },
      touchBudget: { maxTouchesPer7Days: s.touchBudget?.maxTouchesPer7Days ?? null, minDaysBetweenTouches: s.touchBudget?.minDaysBetweenTouches ?? 0 },
      optOutPolicy: {
        smsStopsVoicemail: s.optOutPolicy?.smsStopsVoicemail ?? true,
        smsStopsEmail: s.optOutPolicy?.smsStopsEmail ?? false,
        emailStopsSms: s.optOutPolicy?.emailStopsSms ?? false,
        emailStopsVoicemail: s.optOutPolicy?.emailStopsVoicemail ?? false,
        voicemailStopsSms: s.optOutPolicy?.voicemailStopsSms ?? false,
        stopEverything: s.optOutPolicy?.stopEverything ?? false,
      },
      dncRegistryCompliance: s.dncRegistryCompliance ?? false,
      helpReply: s.helpReply ?? null,
    };
  }
}

export class UpdateComplianceSettingsRequestDto {
  @ApiProperty({ type: QuietHoursDto, required: false })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto;

  @ApiProperty({ type: TouchBudgetDto, required: false })
  @IsOptional()
  @ValidateNested()
  @Type(() => TouchBudgetDto)
  touchBudget?: TouchBudgetDto;

  @ApiProperty({ type: OptOutPolicyDto, required: false })
  @IsOptional()
  @ValidateNested()
  @Type(() => OptOutPolicyDto)
  optOutPolicy?: OptOutPolicyDto;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBoolean()
  dncRegistryCompliance?: boolean;

  @ApiProperty({ type: String, required: false, nullable: true, maxLength: 320 })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  helpReply?: string | null;
}

export class ImportDncRegistryRequestDto {
  @ApiProperty({ required: false, description: 'When the scrub was made (default: now); numbers older than 31 days count as not scrubbed' })
  @IsOptional()
  @IsDateString()
  scrubbedAt?: string;

  @ApiProperty({ type: [String], description: 'Numbers the registry lists (do not call)', example: ['+13055550101'] })
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsString({ each: true })
  listed!: string[];

  @ApiProperty({ type: [String], required: false, description: 'Numbers checked and not listed' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsString({ each: true })
  clear?: string[];
}

export class ImportDncRegistryResponseDto {
  @ApiProperty()
  listed!: number;

  @ApiProperty()
  clear!: number;

  @ApiProperty({ type: [String], description: 'Entries that are not phone numbers' })
  rejected!: string[];

  @ApiProperty()
  scrubbedAt!: Date;
}
