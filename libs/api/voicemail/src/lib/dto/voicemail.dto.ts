import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsMongoId, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ScriptTemplateKind } from '../domain/script-templates';
import { BatchKind, BatchStatus } from '../schemas/voicemail-batch.schema';
import { AudioStatus, DeliveryStatus, ReviewStatus, ScriptGeneratedBy } from '../schemas/voicemail-script.schema';

const PHONE = /^[+()\d\s.-]{7,25}$/;

export class VoicemailSettingsRequestDto {
  @ApiProperty({ example: 'Dana Reyes' })
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  agentName!: string;

  @ApiProperty({ example: 'Desert Sun Realty' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  brokerage!: string;

  @ApiProperty({ example: '(760) 555-0142', description: 'Spoken in every script as the callback number' })
  @Matches(PHONE, { message: 'callbackNumber must be a phone number' })
  callbackNumber!: string;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'Toll-free number reaching the automated opt-out; the callback number when empty' })
  @IsOptional()
  @Matches(PHONE, { message: 'optOutNumber must be a phone number' })
  optOutNumber?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'The campaign voice; scripts may override it' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  voiceId?: string | null;

  @ApiProperty({ enum: ScriptTemplateKind, enumName: 'ScriptTemplateKind' })
  @IsEnum(ScriptTemplateKind)
  templateKind!: ScriptTemplateKind;
}

export class VoicemailSettingsResponseDto {
  @ApiProperty() agentName!: string;
  @ApiProperty() brokerage!: string;
  @ApiProperty() callbackNumber!: string;
  @ApiProperty({ type: String, nullable: true }) optOutNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) voiceId!: string | null;
  @ApiProperty({ enum: ScriptTemplateKind, enumName: 'ScriptTemplateKind' }) templateKind!: ScriptTemplateKind;
}

export class ScriptTemplateDto {
  @ApiProperty({ enum: ScriptTemplateKind, enumName: 'ScriptTemplateKind' }) kind!: ScriptTemplateKind;
  @ApiProperty() label!: string;
  @ApiProperty() guidance!: string;
}

export class StartScriptBatchRequestDto {
  @ApiProperty({ enum: ScriptTemplateKind, enumName: 'ScriptTemplateKind', required: false, description: "Defaults to the campaign's template" })
  @IsOptional()
  @IsEnum(ScriptTemplateKind)
  templateKind?: ScriptTemplateKind;

  @ApiProperty({ enum: ScriptTemplateKind, enumName: 'ScriptTemplateKind', required: false, description: 'A/B test: half the contacts (group B) get this template' })
  @IsOptional()
  @IsEnum(ScriptTemplateKind)
  abTemplateKind?: ScriptTemplateKind;

  @ApiProperty({ required: false, description: 'Extra instructions added to every prompt' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  customPrompt?: string;
}

export class StartAudioBatchRequestDto {
  @ApiProperty({ required: false, description: "Overrides the campaign's voice for scripts without their own" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  voiceId?: string;
}

export class VoicemailEstimateRequestDto {
  @ApiProperty({ enum: BatchKind, enumName: 'VoicemailBatchKind' })
  @IsEnum(BatchKind)
  kind!: BatchKind;
}

export class VoicemailCostEstimateDto {
  @ApiProperty({ enum: BatchKind, enumName: 'VoicemailBatchKind' }) kind!: BatchKind;
  @ApiProperty({ description: 'Scripts to write or to voice' }) items!: number;
  @ApiProperty() llmUsd!: number;
  @ApiProperty() ttsUsd!: number;
  @ApiProperty() totalUsd!: number;
  @ApiProperty({ description: 'Offline providers charge nothing; the figures show what the configured prices would cost' }) offline!: boolean;
}

export class VoicemailBatchResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: BatchKind, enumName: 'VoicemailBatchKind' }) kind!: BatchKind;
  @ApiProperty({ enum: BatchStatus, enumName: 'VoicemailBatchStatus' }) status!: BatchStatus;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'succeeded + failed + skipped' }) current!: number;
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() skipped!: number;
  @ApiProperty() percentage!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds left at the current pace' }) etaSeconds!: number | null;
  @ApiProperty() cancelRequested!: boolean;
  @ApiProperty() estimatedUsd!: number;
  @ApiProperty() actualUsd!: number;
  @ApiProperty() providerCalls!: number;
  @ApiProperty() runs!: number;
  @ApiProperty({ type: String, nullable: true }) templateKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) abTemplateKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: [String] }) recentFailures!: string[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export class CurrentVoicemailBatchResponseDto {
  @ApiProperty({ type: VoicemailBatchResponseDto, nullable: true }) batch!: VoicemailBatchResponseDto | null;
}

export class ListScriptsQueryDto {
  @ApiProperty({ enum: ReviewStatus, enumName: 'ScriptReviewStatus', required: false })
  @IsOptional()
  @IsEnum(ReviewStatus)
  reviewStatus?: ReviewStatus;

  @ApiProperty({ enum: AudioStatus, enumName: 'ScriptAudioStatus', required: false })
  @IsOptional()
  @IsEnum(AudioStatus)
  audioStatus?: AudioStatus;

  @ApiProperty({ required: false, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiProperty({ required: false, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ScriptAudioDto {
  @ApiProperty({ enum: AudioStatus, enumName: 'ScriptAudioStatus' }) status!: AudioStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Signed, expiring path of the audio file' }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) voiceId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) duration!: number | null;
  @ApiProperty({ type: String, nullable: true }) generatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class ScriptCostsDto {
  @ApiProperty() llmPromptTokens!: number;
  @ApiProperty() llmCompletionTokens!: number;
  @ApiProperty() ttsCharacters!: number;
  @ApiProperty() llmUsd!: number;
  @ApiProperty() ttsUsd!: number;
  @ApiProperty() totalUsd!: number;
}

export class VoicemailScriptResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'In the list only' }) contactName!: string | null;
  @ApiProperty() script!: string;
  @ApiProperty() scriptVersion!: number;
  @ApiProperty({ enum: ScriptGeneratedBy, enumName: 'ScriptGeneratedBy' }) generatedBy!: ScriptGeneratedBy;
  @ApiProperty({ type: String, nullable: true }) aiModel!: string | null;
  @ApiProperty({ type: String, nullable: true }) templateKind!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['A', 'B'] }) testGroup!: 'A' | 'B' | null;
  @ApiProperty() contentHash!: string;
  @ApiProperty() characterCount!: number;
  @ApiProperty() wordCount!: number;
  @ApiProperty() estimatedDurationSeconds!: number;
  @ApiProperty({ type: [String] }) complianceProblems!: string[];
  @ApiProperty({ enum: ReviewStatus, enumName: 'ScriptReviewStatus' }) reviewStatus!: ReviewStatus;
  @ApiProperty({ type: String, nullable: true }) reviewNotes!: string | null;
  @ApiProperty({ description: 'False once audio exists: delete the audio to edit the text' }) editable!: boolean;
  @ApiProperty({ type: ScriptAudioDto }) audio!: ScriptAudioDto;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'ScriptDeliveryStatus' }) deliveryStatus!: DeliveryStatus;
  @ApiProperty({ type: ScriptCostsDto }) costs!: ScriptCostsDto;
  @ApiProperty() updatedAt!: string;
}

export class ScriptSummaryDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Scripts per review status' }) review!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Scripts per audio status' }) audio!: Record<string, number>;
  @ApiProperty() llmUsd!: number;
  @ApiProperty() ttsUsd!: number;
  @ApiProperty() totalUsd!: number;
}

export class ScriptPageDto {
  @ApiProperty({ type: [VoicemailScriptResponseDto] }) items!: VoicemailScriptResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty({ type: ScriptSummaryDto }) summary!: ScriptSummaryDto;
}

export class EditScriptRequestDto {
  @ApiProperty({ description: 'The new text (version + 1, generatedBy manual)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  script!: string;
}

export class ReviewScriptRequestDto {
  @ApiProperty({ enum: [ReviewStatus.Approved, ReviewStatus.Rejected, ReviewStatus.NeedsRevision], enumName: 'ScriptReviewDecision' })
  @IsIn([ReviewStatus.Approved, ReviewStatus.Rejected, ReviewStatus.NeedsRevision])
  status!: ReviewStatus;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}

export class BulkApproveRequestDto {
  @ApiProperty({ type: [String], required: false, description: 'Only these scripts; all pending and needs-revision scripts when absent' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsMongoId({ each: true })
  scriptIds?: string[];
}

export class BulkApproveResponseDto {
  @ApiProperty() approved!: number;
}

export class RegenerateScriptRequestDto {
  @ApiProperty({ required: false, description: 'Extra instructions for this one script' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  customPrompt?: string;

  @ApiProperty({ enum: ScriptTemplateKind, enumName: 'ScriptTemplateKind', required: false })
  @IsOptional()
  @IsEnum(ScriptTemplateKind)
  templateKind?: ScriptTemplateKind;
}

export class GenerateAudioRequestDto {
  @ApiProperty({ required: false, description: "This script's voice (kept for later renderings)" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  voiceId?: string;

  @ApiProperty({ required: false, description: 'Render again even when a stored rendering of the same text and voice exists' })
  @IsOptional()
  @IsBoolean()
  regenerate?: boolean;
}

export class VoicemailVoiceDto {
  @ApiProperty() voiceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A short sample to play' }) previewUrl!: string | null;
}

export class VoicemailVoiceListDto {
  @ApiProperty({ type: [VoicemailVoiceDto] }) voices!: VoicemailVoiceDto[];
  @ApiProperty() provider!: string;
  @ApiProperty() defaultVoiceId!: string;
}
