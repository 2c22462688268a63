import { CurrentTenant, ErrorResponseDto, Page, PageQueryDto, Tenant } from '@cadence/api-core';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AddCampaignContactsRequestDto } from '../dto/campaign.request.dto';
import { AddCampaignContactsResponseDto, CampaignMemberPageResponseDto, CampaignMemberResponseDto } from '../dto/campaign.response.dto';
import { AddCampaignContactsUseCase, ListCampaignContactsUseCase } from '../usecases/campaign-contacts.usecase';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND, or the segment is not found' })
@Controller({ path: 'campaigns/:id/contacts', version: '1' })
export class CampaignContactsController {
  constructor(
    private readonly listCampaignContactsUseCase: ListCampaignContactsUseCase,
    private readonly addCampaignContactsUseCase: AddCampaignContactsUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: CampaignMemberPageResponseDto })
  listCampaignContacts(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Query() query: PageQueryDto): Promise<Page<CampaignMemberResponseDto>> {
    return this.listCampaignContactsUseCase.execute(tenant, id, query);
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: AddCampaignContactsResponseDto, description: 'Idempotent: contacts already in the campaign are matched, not added again' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_CONTACT_SELECTION_INVALID: give exactly one of contactIds or segmentId' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_EDITABLE: the campaign is completed or failed' })
  addCampaignContacts(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: AddCampaignContactsRequestDto): Promise<AddCampaignContactsResponseDto> {
    return this.addCampaignContactsUseCase.execute(tenant, id, body);
  }
}
