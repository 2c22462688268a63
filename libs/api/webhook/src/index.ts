export * from './lib/webhook.module';
export * from './lib/webhook.exception';
export * from './lib/domain/reply-intent';
export * from './lib/schemas/webhook-event.schema';
export * from './lib/schemas/inbound-reply.schema';
export { COMPLIANCE_COLUMNS } from './lib/usecases/compliance-export.usecase';
export { DEFAULT_HELP_REPLY } from './lib/usecases/help-reply.usecase';
