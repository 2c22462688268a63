import { ProviderName, SandboxEventSink, SignedWebhookRequest } from '@cadence/api-channel';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ReceiveSandboxWebhookUseCase } from '../usecases/receive-sandbox-webhook.usecase';

/**
 * Sandbox providers' webhooks go straight into our use case instead of over HTTP. Resolved lazily:
 * the use case needs the channel adapters, which need this sink.
 */
@Injectable()
export class SandboxDeliverySink implements SandboxEventSink {
  private receiver: ReceiveSandboxWebhookUseCase | null = null;

  constructor(private readonly moduleRef: ModuleRef) {}

  deliver(provider: ProviderName, request: SignedWebhookRequest): Promise<void> {
    const receiver: ReceiveSandboxWebhookUseCase = this.receiver ?? this.moduleRef.get<ReceiveSandboxWebhookUseCase, ReceiveSandboxWebhookUseCase>(ReceiveSandboxWebhookUseCase, { strict: false });
    this.receiver = receiver;
    return receiver.execute(provider, request);
  }
}
