import { CurrentTenant, ErrorResponseDto, Page, Tenant } from '@cadence/api-core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateCampaignRequestDto, ListCampaignsQueryDto, UpdateCampaignRequestDto } from '../dto/campaign.request.dto';
import { CampaignPageResponseDto, CampaignResponseDto } from '../dto/campaign.response.dto';
import { CreateCampaignUseCase } from '../usecases/create-campaign.usecase';
import { DeleteCampaignUseCase } from '../usecases/delete-campaign.usecase';
import { GetCampaignUseCase } from '../usecases/get-campaign.usecase';
import { ListCampaignsUseCase } from '../usecases/list-campaigns.usecase';
import { ApproveCampaignUseCase, LaunchCampaignUseCase, PauseCampaignUseCase } from '../usecases/transition-campaign.usecase';
import { UpdateCampaignUseCase } from '../usecases/update-campaign.usecase';

const ILLEGAL = 'CAMPAIGN_ILLEGAL_TRANSITION: the action is not allowed from the current status';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND (also for another agent\'s campaign)' })
@Controller({ path: 'campaigns', version: '1' })
export class CampaignsController {
  constructor(
    private readonly listCampaignsUseCase: ListCampaignsUseCase,
    private readonly createCampaignUseCase: CreateCampaignUseCase,
    private readonly getCampaignUseCase: GetCampaignUseCase,
    private readonly updateCampaignUseCase: UpdateCampaignUseCase,
    private readonly deleteCampaignUseCase: DeleteCampaignUseCase,
    private readonly approveCampaignUseCase: ApproveCampaignUseCase,
    private readonly launchCampaignUseCase: LaunchCampaignUseCase,
    private readonly pauseCampaignUseCase: PauseCampaignUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: CampaignPageResponseDto })
  listCampaigns(@CurrentTenant() tenant: Tenant, @Query() query: ListCampaignsQueryDto): Promise<Page<CampaignResponseDto>> {
    return this.listCampaignsUseCase.execute(tenant, query);
  }

  @Post()
  @ApiCreatedResponse({ type: CampaignResponseDto, description: 'A new draft' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED or CAMPAIGN_INVALID_SCHEDULE (details.problems)' })
  createCampaign(@CurrentTenant() tenant: Tenant, @Body() body: CreateCampaignRequestDto): Promise<CampaignResponseDto> {
    return this.createCampaignUseCase.execute(tenant, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: CampaignResponseDto })
  getCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<CampaignResponseDto> {
    return this.getCampaignUseCase.execute(tenant, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CampaignResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED or CAMPAIGN_INVALID_SCHEDULE' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_EDITABLE: scheduled, active, completed or failed' })
  updateCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: UpdateCampaignRequestDto): Promise<CampaignResponseDto> {
    return this.updateCampaignUseCase.execute(tenant, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_DELETABLE: only drafts can be deleted' })
  deleteCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<void> {
    return this.deleteCampaignUseCase.execute(tenant, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: CampaignResponseDto, description: 'draft or review → approved' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: ILLEGAL })
  approveCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<CampaignResponseDto> {
    return this.approveCampaignUseCase.execute(tenant, id);
  }

  @Post(':id/launch')
  @HttpCode(200)
  @ApiOkResponse({ type: CampaignResponseDto, description: 'approved → active, or scheduled when the schedule starts on a later day; a campaign with prepared voicemail drops → submitted (sends, and turns active at the first provider acceptance)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: ILLEGAL })
  launchCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<CampaignResponseDto> {
    return this.launchCampaignUseCase.execute(tenant, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: CampaignResponseDto, description: 'scheduled, submitted or active → paused; sends stop before their next provider call' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: ILLEGAL })
  pauseCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<CampaignResponseDto> {
    return this.pauseCampaignUseCase.execute(tenant, id);
  }
}
