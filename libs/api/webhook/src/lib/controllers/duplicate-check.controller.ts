import { CurrentTenant, ErrorResponseDto, Tenant } from '@cadence/api-core';
import { CheckCampaignDuplicatesUseCase, ResolveCampaignDuplicatesUseCase } from '@cadence/api-strategy';
import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { DuplicateCheckQueryDto, DuplicateReportResponseDto, ResolveDuplicatesRequestDto, ResolveDuplicatesResponseDto } from '../dto/duplicate-report.dto';

@ApiTags('compliance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND' })
@Controller({ path: 'campaigns', version: '1' })
export class DuplicateCheckController {
  constructor(
    private readonly check: CheckCampaignDuplicatesUseCase,
    private readonly resolve: ResolveCampaignDuplicatesUseCase,
  ) {}

  @Post(':id/duplicate-check')
  @HttpCode(200)
  @ApiOperation({ summary: "Members of this campaign other campaigns reached recently (campaigns, last sent, days since)" })
  @ApiOkResponse({ type: DuplicateReportResponseDto })
  checkCampaignDuplicates(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Query() query: DuplicateCheckQueryDto): Promise<DuplicateReportResponseDto> {
    return this.check.execute(tenant, id, query.withinDays);
  }

  @Post(':id/duplicate-check/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Act on the duplicate report: remove the duplicates, keep them, or change the interval between touches' })
  @ApiOkResponse({ type: ResolveDuplicatesResponseDto })
  resolveCampaignDuplicates(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: ResolveDuplicatesRequestDto): Promise<ResolveDuplicatesResponseDto> {
    return this.resolve.execute(tenant, id, body.action, { contactIds: body.contactIds, minDaysBetweenTouches: body.minDaysBetweenTouches, withinDays: body.withinDays });
  }
}
