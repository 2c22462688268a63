import { CurrentTenant, ErrorResponseDto, Page, PageQueryDto, Tenant } from '@cadence/api-core';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CampaignActivityPageResponseDto, CampaignActivityResponseDto } from '../dto/campaign-activity.response.dto';
import { ListCampaignActivityUseCase } from '../usecases/campaign-activity.usecase';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND' })
@Controller({ path: 'campaigns/:id/activity', version: '1' })
export class CampaignActivityController {
  constructor(private readonly listCampaignActivityUseCase: ListCampaignActivityUseCase) {}

  @Get()
  @ApiOkResponse({ type: CampaignActivityPageResponseDto, description: 'Newest first: launches, pauses (with the reason), resumes, deploys, completion, failures, test sends' })
  listCampaignActivity(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Query() query: PageQueryDto): Promise<Page<CampaignActivityResponseDto>> {
    return this.listCampaignActivityUseCase.execute(tenant, id, query);
  }
}
