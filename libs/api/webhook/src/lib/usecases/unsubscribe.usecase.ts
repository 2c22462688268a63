import { SuppressionChannel } from '@cadence/api-anti-spam';
import { AuthConfig, Clock, loadConfig } from '@cadence/api-core';
import { ExecutionRepository } from '@cadence/api-strategy';
import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookErrorCode, WebhookException } from '../webhook.exception';
import { ApplyOptOutUseCase } from './apply-opt-out.usecase';

/**
 * RFC 8058 one-click unsubscribe. The token is the one the email strategy puts in List-Unsubscribe
 * (strategy's UnsubscribeLinks): `<executionId>.<22 chars of base64url HMAC>` keyed from JWT_SECRET.
 */
@Injectable()
export class UnsubscribeUseCase {
  private readonly key: Buffer;

  constructor(
    private readonly executions: ExecutionRepository,
    private readonly optOut: ApplyOptOutUseCase,
    private readonly clock: Clock,
  ) {
    this.key = createHmac('sha256', loadConfig(AuthConfig).JWT_SECRET).update('cadence:unsubscribe').digest();
  }

  /** The email address the token names; throws for a forged or unknown token. */
  async recipientOf(token: string): Promise<string> {
    const execution = await this.executionOf(token);
    return execution.address ?? '';
  }

  async execute(token: string, evidence: string): Promise<void> {
    const execution = await this.executionOf(token);
    if (!execution.address) return;
    await this.optOut.execute(
      { userId: execution.userId.toHexString(), teamId: execution.teamId ?? null },
      { channel: SuppressionChannel.Email, address: execution.address, contactId: execution.contactId, source: 'one-click-unsubscribe', evidence, at: this.clock.now(), key: `unsubscribe:${execution._id.toHexString()}` },
    );
  }

  private async executionOf(token: string) {
    const [executionId, signature] = token.split('.');
    const expected = executionId ? createHmac('sha256', this.key).update(executionId).digest('base64url').slice(0, 22) : '';
    const valid = signature !== undefined && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
    const execution = valid ? await this.executions.findForDeliveryEvent(executionId, undefined) : null;
    if (!execution) throw new WebhookException(WebhookErrorCode.UnsubscribeTokenInvalid, 'This unsubscribe link is not valid');
    return execution;
  }
}
