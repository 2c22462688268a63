import { ChannelModule } from '@cadence/api-channel';
import { StrategyDataModule } from '@cadence/api-strategy';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ComplianceExportController } from './controllers/compliance-export.controller';
import { ContactOptOutController } from './controllers/contact-opt-out.controller';
import { DuplicateCheckController } from './controllers/duplicate-check.controller';
import { EngagementController } from './controllers/engagement.controller';
import { ProviderWebhooksController } from './controllers/provider-webhooks.controller';
import { UnsubscribeController } from './controllers/unsubscribe.controller';
import { WebhookEventsProcessor } from './processors/webhook-events.processor';
import { InboundReplyRepository } from './repositories/inbound-reply.repository';
import { WebhookEventRepository } from './repositories/webhook-event.repository';
import { InboundReply, InboundReplySchema } from './schemas/inbound-reply.schema';
import { WebhookEvent, WebhookEventSchema } from './schemas/webhook-event.schema';
import { ApplyOptInUseCase, ApplyOptOutUseCase } from './usecases/apply-opt-out.usecase';
import { ApplyWebhookEventUseCase } from './usecases/apply-webhook-event.usecase';
import { ExportComplianceRecordUseCase } from './usecases/compliance-export.usecase';
import { ListRepliesUseCase, MarkConvertedUseCase, ReplayWebhookEventsUseCase } from './usecases/engagement.usecase';
import { InboundTwimlUseCase } from './usecases/help-reply.usecase';
import { ApplyManualOptOutUseCase } from './usecases/manual-opt-out.usecase';
import { IngestWebhookUseCase } from './usecases/ingest-webhook.usecase';
import { ProviderPorts } from './usecases/provider-ports';
import { UnsubscribeUseCase } from './usecases/unsubscribe.usecase';
import { WebhookIntake } from './usecases/webhook-intake';

const persistence = MongooseModule.forFeature([
  { name: WebhookEvent.name, schema: WebhookEventSchema },
  { name: InboundReply.name, schema: InboundReplySchema },
]);

/** Storage and the opt-out path, shared by the API (one-click unsubscribe) and the worker (provider events). */
@Module({
  imports: [StrategyDataModule, persistence],
  providers: [WebhookEventRepository, InboundReplyRepository, ApplyOptOutUseCase, ApplyOptInUseCase],
  exports: [StrategyDataModule, persistence, WebhookEventRepository, InboundReplyRepository, ApplyOptOutUseCase, ApplyOptInUseCase],
})
export class WebhookDataModule {}

/** Public provider webhooks (verify, store once, enqueue), one-click unsubscribe, the replies inbox, conversions, replay, compliance export. */
@Module({
  imports: [WebhookDataModule, ChannelModule.forRoot()],
  controllers: [ProviderWebhooksController, UnsubscribeController, EngagementController, ComplianceExportController, DuplicateCheckController, ContactOptOutController],
  providers: [ProviderPorts, WebhookIntake, IngestWebhookUseCase, InboundTwimlUseCase, UnsubscribeUseCase, ListRepliesUseCase, MarkConvertedUseCase, ReplayWebhookEventsUseCase, ExportComplianceRecordUseCase, ApplyManualOptOutUseCase],
})
export class WebhookModule {}

/** The worker applies stored events: delivery state, engagement, replies, opt-outs. */
@Module({
  imports: [WebhookDataModule],
  providers: [ApplyWebhookEventUseCase, WebhookEventsProcessor],
})
export class WebhookWorkerModule {}
