import { CurrentTenant, ErrorResponseDto, Tenant } from '@cadence/api-core';
import { FindOwnedCampaignUseCase } from '@cadence/api-campaign';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import {
  VoicemailBatchResponseDto,
  BulkApproveRequestDto,
  BulkApproveResponseDto,
  VoicemailCostEstimateDto,
  CurrentVoicemailBatchResponseDto,
  VoicemailEstimateRequestDto,
  ListScriptsQueryDto,
  ScriptPageDto,
  StartAudioBatchRequestDto,
  StartScriptBatchRequestDto,
  VoicemailSettingsRequestDto,
  VoicemailSettingsResponseDto,
} from '../dto/voicemail.dto';
import { BatchKind } from '../schemas/voicemail-batch.schema';
import { ListScriptsUseCase, ReviewScriptUseCase } from '../usecases/review-scripts.usecase';
import { EstimateVoicemailCostUseCase, ReadVoicemailBatchUseCase, StartVoicemailBatchUseCase } from '../usecases/voicemail-batches.usecase';
import { GetVoicemailSettingsUseCase, SaveVoicemailSettingsUseCase } from '../usecases/voicemail-settings.usecase';

export class CurrentBatchQueryDto {
  @ApiProperty({ enum: BatchKind, enumName: 'VoicemailBatchKind' })
  @IsEnum(BatchKind)
  kind!: BatchKind;
}

/** A campaign's voicemail scripts: settings, batches with progress, the review list and costs. */
@ApiTags('voicemail')
@ApiBearerAuth()
@Controller({ path: 'campaigns/:campaignId/voicemail', version: '1' })
export class VoicemailCampaignsController {
  constructor(
    private readonly getSettings: GetVoicemailSettingsUseCase,
    private readonly saveSettings: SaveVoicemailSettingsUseCase,
    private readonly startBatch: StartVoicemailBatchUseCase,
    private readonly readBatch: ReadVoicemailBatchUseCase,
    private readonly estimate: EstimateVoicemailCostUseCase,
    private readonly list: ListScriptsUseCase,
    private readonly review: ReviewScriptUseCase,
    private readonly campaigns: FindOwnedCampaignUseCase,
  ) {}

  @Get('settings')
  @ApiOkResponse({ type: VoicemailSettingsResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VOICEMAIL_SETTINGS_MISSING' })
  getVoicemailSettings(@CurrentTenant() tenant: Tenant, @Param('campaignId') campaignId: string): Promise<VoicemailSettingsResponseDto> {
    return this.getSettings.execute(tenant, campaignId);
  }

  @Put('settings')
  @ApiOkResponse({ type: VoicemailSettingsResponseDto })
  saveVoicemailSettings(@CurrentTenant() tenant: Tenant, @Param('campaignId') campaignId: string, @Body() body: VoicemailSettingsRequestDto): Promise<VoicemailSettingsResponseDto> {
    return this.saveSettings.execute(tenant, campaignId, body);
  }

  @Post('estimate')
  @HttpCode(200)
  @ApiOkResponse({ type: VoicemailCostEstimateDto })
  estimateVoicemailCost(@CurrentTenant() tenant: Tenant, @Param('campaignId') campaignId: string, @Body() body: VoicemailEstimateRequestDto): Promise<VoicemailCostEstimateDto> {
    return this.estimate.execute(tenant, campaignId, body.kind);
  }

  @Post('script-batches')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: VoicemailBatchResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VOICEMAIL_SETTINGS_MISSING, VOICEMAIL_BATCH_RUNNING or VOICEMAIL_NOTHING_TO_DO' })
  startScriptBatch(@CurrentTenant() tenant: Tenant, @Param('campaignId') campaignId: string, @Body() body: StartScriptBatchRequestDto): Promise<VoicemailBatchResponseDto> {
    return this.startBatch.startScripts(tenant, campaignId, body);
  }

  @Post('audio-batches')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: VoicemailBatchResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VOICEMAIL_BATCH_RUNNING or VOICEMAIL_NOTHING_TO_DO' })
  startAudioBatch(@CurrentTenant() tenant: Tenant, @Param('campaignId') campaignId: string, @Body() body: StartAudioBatchRequestDto): Promise<VoicemailBatchResponseDto> {
    return this.startBatch.startAudio(tenant, campaignId, body);
  }

  @Get('batches/current')
  @ApiQuery({ name: 'kind', enum: BatchKind, enumName: 'VoicemailBatchKind' })
  @ApiOkResponse({ type: CurrentVoicemailBatchResponseDto })
  getCurrentVoicemailBatch(@CurrentTenant() tenant: Tenant, @Param('campaignId') campaignId: string, @Query() query: CurrentBatchQueryDto): Promise<CurrentVoicemailBatchResponseDto> {
    return this.readBatch.latest(tenant, campaignId, query.kind);
  }

  @Get('scripts')
  @ApiOkResponse({ type: ScriptPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  listVoicemailScripts(@CurrentTenant() tenant: Tenant, @Param('campaignId') campaignId: string, @Query() query: ListScriptsQueryDto): Promise<ScriptPageDto> {
    return this.list.execute(tenant, campaignId, query);
  }

  @Post('scripts/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkApproveResponseDto })
  async bulkApproveScripts(@CurrentTenant() tenant: Tenant, @Param('campaignId') campaignId: string, @Body() body: BulkApproveRequestDto): Promise<BulkApproveResponseDto> {
    return { approved: await this.review.bulkApprove(tenant, campaignId, body, this.campaigns) };
  }
}
