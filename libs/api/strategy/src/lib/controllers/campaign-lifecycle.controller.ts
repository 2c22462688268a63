import { CampaignResponseDto, RemoveCampaignContactsRequestDto, RemoveCampaignContactsResponseDto } from '@cadence/api-campaign';
import { CurrentTenant, ErrorResponseDto, PageQueryDto, Tenant } from '@cadence/api-core';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CampaignPlanResponseDto } from '../dto/plan.dto';
import { PlanCampaignUseCase } from '../usecases/plan-campaign.usecase';
import { DuplicateCampaignWithStrategiesUseCase } from '../usecases/duplicate-campaign-with-strategies.usecase';
import { RemoveCampaignMembersUseCase } from '../usecases/remove-campaign-members.usecase';
import { ResumeCampaignUseCase } from '../usecases/resume-campaign.usecase';

/** Campaign actions that reach into its strategies, hence served by this module. */
@ApiTags('campaigns')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND' })
@Controller({ path: 'campaigns', version: '1' })
export class CampaignLifecycleController {
  constructor(
    private readonly duplicateCampaignUseCase: DuplicateCampaignWithStrategiesUseCase,
    private readonly resumeCampaignUseCase: ResumeCampaignUseCase,
    private readonly planCampaignUseCase: PlanCampaignUseCase,
    private readonly removeCampaignMembersUseCase: RemoveCampaignMembersUseCase,
  ) {}

  @Delete(':id/contacts')
  @HttpCode(200)
  @ApiOkResponse({ type: RemoveCampaignContactsResponseDto, description: 'The members leave the campaign (their history stays); their sends that have not started are cancelled. Adding them again later works.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_CONTACT_SELECTION_INVALID: give exactly one of contactIds or filter' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_EDITABLE: the campaign is completed or failed' })
  removeCampaignContacts(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: RemoveCampaignContactsRequestDto): Promise<RemoveCampaignContactsResponseDto> {
    return this.removeCampaignMembersUseCase.execute(tenant, id, body);
  }

  @Get(':id/plan')
  @ApiOkResponse({ type: CampaignPlanResponseDto, description: 'Dry run: per contact and strategy step, the variant, planned send time in the contact\'s zone and estimated cost, or why it would not be sent; totals for the whole campaign' })
  planCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Query() query: PageQueryDto): Promise<CampaignPlanResponseDto> {
    return this.planCampaignUseCase.execute(tenant, id, query);
  }

  @Post(':id/duplicate')
  @ApiCreatedResponse({ type: CampaignResponseDto, description: 'A new draft with the same settings and copies of the strategies (as drafts); no contacts, executions, spend or counters' })
  duplicateCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<CampaignResponseDto> {
    return this.duplicateCampaignUseCase.execute(tenant, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOkResponse({ type: CampaignResponseDto, description: 'paused → active (or scheduled before the first day); held sends are queued again' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_ILLEGAL_TRANSITION' })
  resumeCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<CampaignResponseDto> {
    return this.resumeCampaignUseCase.execute(tenant, id);
  }
}
