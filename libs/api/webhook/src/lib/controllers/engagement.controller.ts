import { CurrentTenant, ErrorResponseDto, Page, PageQueryDto, Roles, Tenant, UserRole } from '@cadence/api-core';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ConversionResponseDto, MarkConvertedRequestDto, ReplayWebhookEventsRequestDto, ReplayWebhookEventsResponseDto, ReplyPageResponseDto, ReplyResponseDto } from '../dto/webhook.dto';
import { ListRepliesUseCase, MarkConvertedUseCase, ReplayWebhookEventsUseCase } from '../usecases/engagement.usecase';

@ApiTags('engagement')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller({ version: '1' })
export class EngagementController {
  constructor(
    private readonly repliesUseCase: ListRepliesUseCase,
    private readonly markConverted: MarkConvertedUseCase,
    private readonly replay: ReplayWebhookEventsUseCase,
  ) {}

  @Get('replies')
  @ApiOperation({ summary: 'The replies inbox: texts contacts sent back, newest first' })
  @ApiOkResponse({ type: ReplyPageResponseDto })
  listReplies(@CurrentTenant() tenant: Tenant, @Query() query: PageQueryDto): Promise<Page<ReplyResponseDto>> {
    return this.repliesUseCase.execute(tenant, query);
  }

  @Post('contacts/:id/conversion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a contact converted, with its value for ROI' })
  @ApiOkResponse({ type: ConversionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'NOT_FOUND' })
  markContactConverted(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: MarkConvertedRequestDto): Promise<ConversionResponseDto> {
    return this.markConverted.execute(tenant, id, body);
  }

  @Post('admin/webhook-events/replay')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Admins: apply stored webhook events again (default: unmatched and failed ones)' })
  @ApiOkResponse({ type: ReplayWebhookEventsResponseDto })
  replayWebhookEvents(@Body() body: ReplayWebhookEventsRequestDto): Promise<ReplayWebhookEventsResponseDto> {
    return this.replay.execute(body);
  }
}
