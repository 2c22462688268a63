import { CurrentTenant, ErrorResponseDto, Page, PageQueryDto, Tenant } from '@cadence/api-core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CreateSegmentRequestDto, PreviewSegmentRequestDto, SegmentPageResponseDto, SegmentPreviewResponseDto, SegmentResponseDto, UpdateSegmentRequestDto } from '../dto/segment.dto';
import { CreateSegmentUseCase, DeleteSegmentUseCase, GetSegmentUseCase, ListSegmentsUseCase, PreviewSegmentUseCase, UpdateSegmentUseCase } from '../usecases/segments.usecase';

@ApiTags('segments')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, or SEGMENT_INVALID naming the condition (field/operator/value that does not fit)' })
@Controller({ path: 'segments', version: '1' })
export class SegmentsController {
  constructor(
    private readonly listUseCase: ListSegmentsUseCase,
    private readonly createUseCase: CreateSegmentUseCase,
    private readonly getUseCase: GetSegmentUseCase,
    private readonly updateUseCase: UpdateSegmentUseCase,
    private readonly deleteUseCase: DeleteSegmentUseCase,
    private readonly previewUseCase: PreviewSegmentUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: SegmentPageResponseDto })
  listSegments(@CurrentTenant() tenant: Tenant, @Query() query: PageQueryDto): Promise<Page<SegmentResponseDto>> {
    return this.listUseCase.execute(tenant, query);
  }

  @Post()
  @ApiCreatedResponse({ type: SegmentResponseDto })
  createSegment(@CurrentTenant() tenant: Tenant, @Body() body: CreateSegmentRequestDto): Promise<SegmentResponseDto> {
    return this.createUseCase.execute(tenant, body);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'How many contacts a definition matches now, with a sample' })
  @ApiOkResponse({ type: SegmentPreviewResponseDto })
  previewSegment(@CurrentTenant() tenant: Tenant, @Body() body: PreviewSegmentRequestDto): Promise<SegmentPreviewResponseDto> {
    return this.previewUseCase.execute(tenant, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: SegmentResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getSegment(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<SegmentResponseDto> {
    return this.getUseCase.execute(tenant, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SegmentResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  updateSegment(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: UpdateSegmentRequestDto): Promise<SegmentResponseDto> {
    return this.updateUseCase.execute(tenant, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  deleteSegment(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<void> {
    return this.deleteUseCase.execute(tenant, id);
  }
}
