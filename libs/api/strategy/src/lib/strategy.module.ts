import { AntiSpamModule } from '@cadence/api-anti-spam';
import { CampaignDataModule } from '@cadence/api-campaign';
import { ChannelModule } from '@cadence/api-channel';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CampaignLifecycleController } from './controllers/campaign-lifecycle.controller';
import { StrategiesController } from './controllers/strategies.controller';
import { SendJobs } from './pipeline/enqueue-send';
import { SendTokenBucket } from './pipeline/send-token-bucket';
import { ExecutionGate } from './pipeline/execution-gate';
import { MemberProgress } from './pipeline/member-progress';
import { UnsubscribeLinks } from './pipeline/unsubscribe-links';
import { CampaignClockProcessor } from './processors/campaign-clock.processor';
import { FanOutProcessor, SendEmailProcessor, SendSmsProcessor, SendVoicemailProcessor } from './processors/strategy.processors';
import { AgentAddressRepository } from './repositories/agent-address.repository';
import { ExecutionRepository } from './repositories/execution.repository';
import { StrategyRepository } from './repositories/strategy.repository';
import { Execution, ExecutionSchema } from './schemas/execution.schema';
import { Strategy, StrategySchema } from './schemas/strategy.schema';
import { CheckAgentComplianceUseCase } from './usecases/agent-compliance.usecase';
import { ApplyDeliveryEventUseCase } from './usecases/apply-delivery-event.usecase';
import { CheckCampaignDuplicatesUseCase, ResolveCampaignDuplicatesUseCase } from './usecases/duplicate-report.usecase';
import { CancelContactSendsUseCase, FindLatestSendToAddressUseCase, ListCampaignExecutionsUseCase, ListContactTouchesUseCase } from './usecases/contact-sends.usecase';
import { CreateStrategyUseCase } from './usecases/create-strategy.usecase';
import { DeleteStrategyUseCase } from './usecases/delete-strategy.usecase';
import { DeployStrategyUseCase, StartFanOutUseCase } from './usecases/deploy-strategy.usecase';
import { DuplicateCampaignWithStrategiesUseCase } from './usecases/duplicate-campaign-with-strategies.usecase';
import { FindOwnedStrategyUseCase } from './usecases/find-owned-strategy.usecase';
import { ListStrategiesUseCase } from './usecases/list-strategies.usecase';
import { PlanCampaignUseCase } from './usecases/plan-campaign.usecase';
import { PreviewStrategyUseCase } from './usecases/preview-strategy.usecase';
import { RemoveCampaignMembersUseCase } from './usecases/remove-campaign-members.usecase';
import { ResumeCampaignUseCase } from './usecases/resume-campaign.usecase';
import { RunCampaignClockUseCase } from './usecases/run-campaign-clock.usecase';
import { ScheduleStrategyUseCase } from './usecases/schedule-strategy.usecase';
import { SendStrategyTestUseCase } from './usecases/send-strategy-test.usecase';
import { TestStrategyUseCase } from './usecases/test-strategy.usecase';
import { RunFanOutUseCase } from './usecases/run-fan-out.usecase';
import { SendEmailBatchUseCase } from './usecases/send-email-batch.usecase';
import { SendExecutionUseCase } from './usecases/send-execution.usecase';
import { GetStrategyRunStatusUseCase, ListExecutionsUseCase } from './usecases/strategy-run-status.usecase';
import { PauseStrategyUseCase, ResumeStrategyUseCase } from './usecases/strategy-transitions.usecase';
import { UpdateStrategyUseCase } from './usecases/update-strategy.usecase';

const exported = [
  StrategyRepository,
  ExecutionRepository,
  FindOwnedStrategyUseCase,
  ExecutionGate,
  MemberProgress,
  // The webhook and compliance paths (libs/api/webhook) use these.
  ApplyDeliveryEventUseCase,
  CancelContactSendsUseCase,
  ListContactTouchesUseCase,
  FindLatestSendToAddressUseCase,
  ListCampaignExecutionsUseCase,
  CheckAgentComplianceUseCase,
  CheckCampaignDuplicatesUseCase,
  ResolveCampaignDuplicatesUseCase,
];

/** Strategies and executions, and what both the API and the worker use. */
@Module({
  imports: [
    CampaignDataModule,
    AntiSpamModule,
    MongooseModule.forFeature([
      { name: Strategy.name, schema: StrategySchema },
      { name: Execution.name, schema: ExecutionSchema },
    ]),
  ],
  providers: exported,
  exports: [...exported, CampaignDataModule, AntiSpamModule],
})
export class StrategyDataModule {}

/** Strategies over HTTP (the API only records intent and enqueues), and the campaign actions that touch them. */
@Module({
  imports: [StrategyDataModule],
  controllers: [StrategiesController, CampaignLifecycleController],
  providers: [
    ListStrategiesUseCase,
    CreateStrategyUseCase,
    UpdateStrategyUseCase,
    DeleteStrategyUseCase,
    PauseStrategyUseCase,
    ResumeStrategyUseCase,
    PreviewStrategyUseCase,
    StartFanOutUseCase,
    DeployStrategyUseCase,
    GetStrategyRunStatusUseCase,
    ListExecutionsUseCase,
    DuplicateCampaignWithStrategiesUseCase,
    ResumeCampaignUseCase,
    PlanCampaignUseCase,
    RemoveCampaignMembersUseCase,
    ScheduleStrategyUseCase,
    TestStrategyUseCase,
    AgentAddressRepository,
  ],
})
export class StrategyModule {}

/**
 * The worker's half of the send path: fan-out and per-channel send processors, and the channel adapters
 * (sandbox without credentials). Sandbox providers post their webhooks to the API's public routes over
 * HTTP, like real ones, so they are verified, stored once and applied by the webhook worker.
 */
@Module({
  imports: [StrategyDataModule, ChannelModule.forRoot()],
  providers: [
    SendJobs,
    SendTokenBucket,
    UnsubscribeLinks,
    RunFanOutUseCase,
    SendExecutionUseCase,
    SendEmailBatchUseCase,
    SendStrategyTestUseCase,
    StartFanOutUseCase,
    RunCampaignClockUseCase,
    CampaignClockProcessor,
    ApplyDeliveryEventUseCase,
    FanOutProcessor,
    SendSmsProcessor,
    SendEmailProcessor,
    SendVoicemailProcessor,
  ],
})
export class StrategyWorkerModule {}
