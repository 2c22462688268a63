import { CurrentTenant, ErrorResponseDto, Page, Tenant } from '@cadence/api-core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateStrategyRequestDto, PreviewStrategyQueryDto, UpdateStrategyRequestDto } from '../dto/strategy.request.dto';
import { StrategyListResponseDto, StrategyPreviewResponseDto, StrategyResponseDto } from '../dto/strategy.response.dto';
import { DeployStrategyResponseDto, ExecutionPageResponseDto, ExecutionResponseDto, ListExecutionsQueryDto, StrategyRunStatusResponseDto } from '../dto/execution.dto';
import { ScheduleStrategyRequestDto, TestStrategyRequestDto, TestStrategyResponseDto } from '../dto/strategy-actions.dto';
import { DeployStrategyUseCase } from '../usecases/deploy-strategy.usecase';
import { ScheduleStrategyUseCase } from '../usecases/schedule-strategy.usecase';
import { TestStrategyUseCase } from '../usecases/test-strategy.usecase';
import { GetStrategyRunStatusUseCase, ListExecutionsUseCase } from '../usecases/strategy-run-status.usecase';
import { CreateStrategyUseCase } from '../usecases/create-strategy.usecase';
import { DeleteStrategyUseCase } from '../usecases/delete-strategy.usecase';
import { ListStrategiesUseCase } from '../usecases/list-strategies.usecase';
import { PreviewStrategyUseCase } from '../usecases/preview-strategy.usecase';
import { PauseStrategyUseCase, ResumeStrategyUseCase } from '../usecases/strategy-transitions.usecase';
import { UpdateStrategyUseCase } from '../usecases/update-strategy.usecase';

const CONTENT_ERRORS = 'STRATEGY_UNKNOWN_MERGE_FIELD (details.fields names them) or STRATEGY_INVALID_CONTENT (details.problems)';

@ApiTags('strategies')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND or STRATEGY_NOT_FOUND' })
@Controller({ path: 'campaigns/:id/strategies', version: '1' })
export class StrategiesController {
  constructor(
    private readonly listStrategiesUseCase: ListStrategiesUseCase,
    private readonly createStrategyUseCase: CreateStrategyUseCase,
    private readonly updateStrategyUseCase: UpdateStrategyUseCase,
    private readonly deleteStrategyUseCase: DeleteStrategyUseCase,
    private readonly pauseStrategyUseCase: PauseStrategyUseCase,
    private readonly resumeStrategyUseCase: ResumeStrategyUseCase,
    private readonly previewStrategyUseCase: PreviewStrategyUseCase,
    private readonly deployStrategyUseCase: DeployStrategyUseCase,
    private readonly getStrategyRunStatusUseCase: GetStrategyRunStatusUseCase,
    private readonly listExecutionsUseCase: ListExecutionsUseCase,
    private readonly scheduleStrategyUseCase: ScheduleStrategyUseCase,
    private readonly testStrategyUseCase: TestStrategyUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: StrategyListResponseDto })
  listStrategies(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<StrategyListResponseDto> {
    return this.listStrategiesUseCase.execute(tenant, id);
  }

  @Post()
  @ApiCreatedResponse({ type: StrategyResponseDto, description: 'A draft strategy' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: CONTENT_ERRORS })
  createStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: CreateStrategyRequestDto): Promise<StrategyResponseDto> {
    return this.createStrategyUseCase.execute(tenant, id, body);
  }

  @Patch(':sid')
  @ApiOkResponse({ type: StrategyResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: CONTENT_ERRORS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'STRATEGY_NOT_EDITABLE: pause it first' })
  updateStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string, @Body() body: UpdateStrategyRequestDto): Promise<StrategyResponseDto> {
    return this.updateStrategyUseCase.execute(tenant, id, sid, body);
  }

  @Delete(':sid')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'STRATEGY_NOT_DELETABLE: only drafts' })
  deleteStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string): Promise<void> {
    return this.deleteStrategyUseCase.execute(tenant, id, sid);
  }

  @Post(':sid/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: StrategyResponseDto, description: 'active → paused' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'STRATEGY_ILLEGAL_TRANSITION' })
  pauseStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string): Promise<StrategyResponseDto> {
    return this.pauseStrategyUseCase.execute(tenant, id, sid);
  }

  @Post(':sid/resume')
  @HttpCode(200)
  @ApiOkResponse({ type: StrategyResponseDto, description: 'paused → active' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'STRATEGY_ILLEGAL_TRANSITION' })
  resumeStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string): Promise<StrategyResponseDto> {
    return this.resumeStrategyUseCase.execute(tenant, id, sid);
  }

  @Post(':sid/deploy')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DeployStrategyResponseDto, description: 'Recorded; one fan-out job creates and queues the executions. Deploying again adds nothing twice.' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'STRATEGY_CAMPAIGN_NOT_RUNNING (launch the campaign first) or STRATEGY_ILLEGAL_TRANSITION (a paused strategy is resumed, not deployed)' })
  deployStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string): Promise<DeployStrategyResponseDto> {
    return this.deployStrategyUseCase.execute(tenant, id, sid);
  }

  @Post(':sid/schedule')
  @HttpCode(200)
  @ApiOkResponse({ type: StrategyResponseDto, description: 'draft or scheduled → scheduled: deploys by itself at `at` (once the campaign is active); deploy now or schedule again to change it' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'STRATEGY_INVALID_SCHEDULE: the time is not in the future' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'STRATEGY_ILLEGAL_TRANSITION (already deployed) or STRATEGY_CAMPAIGN_NOT_RUNNING (the campaign is completed or failed)' })
  scheduleStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string, @Body() body: ScheduleStrategyRequestDto): Promise<StrategyResponseDto> {
    return this.scheduleStrategyUseCase.execute(tenant, id, sid, body);
  }

  @Post(':sid/test')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: TestStrategyResponseDto, description: 'Queued: the worker sends the rendered message to you through the real provider; the outcome appears in the campaign activity (test_sent or test_failed). Never counted as a campaign send.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'STRATEGY_INVALID_TEST_REQUEST: no or an invalid destination, an unknown step, variant or contact' })
  testStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string, @Body() body: TestStrategyRequestDto): Promise<TestStrategyResponseDto> {
    return this.testStrategyUseCase.execute(tenant, id, sid, body);
  }

  @Get(':sid/status')
  @ApiOkResponse({ type: StrategyRunStatusResponseDto })
  getStrategyStatus(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string): Promise<StrategyRunStatusResponseDto> {
    return this.getStrategyRunStatusUseCase.execute(tenant, id, sid);
  }

  @Get(':sid/executions')
  @ApiOkResponse({ type: ExecutionPageResponseDto, description: 'deadLetter=true lists the failed and unknown ones' })
  listStrategyExecutions(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string, @Query() query: ListExecutionsQueryDto): Promise<Page<ExecutionResponseDto>> {
    return this.listExecutionsUseCase.execute(tenant, id, sid, query);
  }

  @Get(':sid/preview')
  @ApiOkResponse({ type: StrategyPreviewResponseDto, description: 'Every step rendered for one contact, with the variant it always gets' })
  previewStrategy(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Param('sid') sid: string, @Query() query: PreviewStrategyQueryDto): Promise<StrategyPreviewResponseDto> {
    return this.previewStrategyUseCase.execute(tenant, id, sid, query.contactId);
  }
}
