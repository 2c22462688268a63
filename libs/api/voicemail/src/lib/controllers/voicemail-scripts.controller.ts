import { CurrentTenant, ErrorResponseDto, Tenant } from '@cadence/api-core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { VoicemailBatchResponseDto, EditScriptRequestDto, ScriptTemplateDto, GenerateAudioRequestDto, RegenerateScriptRequestDto, ReviewScriptRequestDto, VoicemailVoiceListDto, VoicemailScriptResponseDto } from '../dto/voicemail.dto';
import { scriptDto } from '../dto/voicemail.mappers';
import { MediaLinks } from '@cadence/api-media';
import { EditScriptUseCase, FindOwnedScriptUseCase, RegenerateScriptUseCase, ReviewScriptUseCase } from '../usecases/review-scripts.usecase';
import { DeleteScriptAudioUseCase, GenerateScriptAudioUseCase, ListVoicesUseCase } from '../usecases/script-audio.usecase';
import { ReadVoicemailBatchUseCase } from '../usecases/voicemail-batches.usecase';
import { listTemplates } from '../usecases/voicemail-settings.usecase';

/** One script: edit, review, regenerate, its audio; plus voices and batches by id. */
@ApiTags('voicemail')
@ApiBearerAuth()
@Controller({ path: 'voicemail', version: '1' })
export class VoicemailScriptsController {
  constructor(
    private readonly find: FindOwnedScriptUseCase,
    private readonly edit: EditScriptUseCase,
    private readonly review: ReviewScriptUseCase,
    private readonly regenerate: RegenerateScriptUseCase,
    private readonly generateAudio: GenerateScriptAudioUseCase,
    private readonly deleteAudio: DeleteScriptAudioUseCase,
    private readonly voices: ListVoicesUseCase,
    private readonly batches: ReadVoicemailBatchUseCase,
    private readonly links: MediaLinks,
  ) {}

  @Get('templates')
  @ApiOkResponse({ type: [ScriptTemplateDto] })
  listScriptTemplates(): ScriptTemplateDto[] {
    return listTemplates();
  }

  @Get('voices')
  @ApiOkResponse({ type: VoicemailVoiceListDto })
  listVoicemailVoices(): Promise<VoicemailVoiceListDto> {
    return this.voices.execute();
  }

  @Get('batches/:batchId')
  @ApiOkResponse({ type: VoicemailBatchResponseDto })
  getVoicemailBatch(@CurrentTenant() tenant: Tenant, @Param('batchId') batchId: string): Promise<VoicemailBatchResponseDto> {
    return this.batches.one(tenant, batchId);
  }

  @Post('batches/:batchId/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: VoicemailBatchResponseDto })
  cancelVoicemailBatch(@CurrentTenant() tenant: Tenant, @Param('batchId') batchId: string): Promise<VoicemailBatchResponseDto> {
    return this.batches.cancel(tenant, batchId);
  }

  @Get('scripts/:scriptId')
  @ApiOkResponse({ type: VoicemailScriptResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async getVoicemailScript(@CurrentTenant() tenant: Tenant, @Param('scriptId') scriptId: string): Promise<VoicemailScriptResponseDto> {
    return scriptDto(await this.find.execute(tenant, scriptId), this.links);
  }

  @Patch('scripts/:scriptId')
  @ApiOkResponse({ type: VoicemailScriptResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VOICEMAIL_DELETE_AUDIO_FIRST: the script has audio' })
  editVoicemailScript(@CurrentTenant() tenant: Tenant, @Param('scriptId') scriptId: string, @Body() body: EditScriptRequestDto): Promise<VoicemailScriptResponseDto> {
    return this.edit.execute(tenant, scriptId, body.script);
  }

  @Post('scripts/:scriptId/review')
  @HttpCode(200)
  @ApiOkResponse({ type: VoicemailScriptResponseDto })
  reviewVoicemailScript(@CurrentTenant() tenant: Tenant, @Param('scriptId') scriptId: string, @Body() body: ReviewScriptRequestDto): Promise<VoicemailScriptResponseDto> {
    return this.review.execute(tenant, scriptId, body.status, body.notes ?? null);
  }

  @Post('scripts/:scriptId/regenerate')
  @HttpCode(200)
  @ApiOkResponse({ type: VoicemailScriptResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VOICEMAIL_DELETE_AUDIO_FIRST' })
  regenerateVoicemailScript(@CurrentTenant() tenant: Tenant, @Param('scriptId') scriptId: string, @Body() body: RegenerateScriptRequestDto): Promise<VoicemailScriptResponseDto> {
    return this.regenerate.execute(tenant, scriptId, body);
  }

  @Post('scripts/:scriptId/audio')
  @HttpCode(200)
  @ApiOkResponse({ type: VoicemailScriptResponseDto })
  @ApiBadGatewayResponse({ type: ErrorResponseDto, description: 'VOICEMAIL_PROVIDER_FAILED' })
  generateVoicemailScriptAudio(@CurrentTenant() tenant: Tenant, @Param('scriptId') scriptId: string, @Body() body: GenerateAudioRequestDto): Promise<VoicemailScriptResponseDto> {
    return this.generateAudio.execute(tenant, scriptId, body);
  }

  @Delete('scripts/:scriptId/audio')
  @ApiOkResponse({ type: VoicemailScriptResponseDto })
  deleteVoicemailScriptAudio(@CurrentTenant() tenant: Tenant, @Param('scriptId') scriptId: string): Promise<VoicemailScriptResponseDto> {
    return this.deleteAudio.execute(tenant, scriptId);
  }
}
