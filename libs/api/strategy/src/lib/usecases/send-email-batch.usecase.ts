import { EMAIL_CHANNEL, EMAIL_CREDENTIALS, EmailBatch, EmailBatchRecipient, EmailChannelPort, EmailMessage, render, SendGridCredentials } from '@cadence/api-channel';
import { Tenant } from '@cadence/api-core';
import { Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { mergeDataOf } from '../domain/merge-data';
import { emailTemplatesOf } from '../domain/strategy-content';
import { SendTokenBucket } from '../pipeline/send-token-bucket';
import { ExecutionChannel } from '../schemas/execution.schema';
import { EmailSender } from '../schemas/strategy.schema';
import { ClaimedSend, SendExecutionUseCase } from './send-execution.usecase';

/** Executions claimed at once; each claim is a few round trips (gate, budget, compare-and-set). */
const CLAIM_CONCURRENCY = 8;

/**
 * One email batch job (issue #5): every execution goes through the single send's claim (re-read, gate,
 * cap, budget, `sending` with its compliance record), then the ones still going share ONE SendGrid
 * request — one token, since SendGrid limits requests — and each outcome is settled like a single send.
 * A re-run finds its executions `sending` and marks them `unknown` (SendGrid is not idempotent).
 */
@Injectable()
export class SendEmailBatchUseCase {
  constructor(
    private readonly send: SendExecutionUseCase,
    private readonly tokens: SendTokenBucket,
    @Inject(EMAIL_CHANNEL) private readonly port: EmailChannelPort,
    @Inject(EMAIL_CREDENTIALS) private readonly credentials: SendGridCredentials,
  ) {}

  async execute(tenant: Tenant, executions: { id: Types.ObjectId; jobSeq: number }[]): Promise<void> {
    const claimed: ClaimedSend[] = [];
    for (let from = 0; from < executions.length; from += CLAIM_CONCURRENCY) {
      const claims = await Promise.all(executions.slice(from, from + CLAIM_CONCURRENCY).map((e) => this.send.claim(tenant, e.id, e.jobSeq)));
      claimed.push(...claims.filter((c): c is ClaimedSend => c !== null));
    }
    if (claimed.length === 0) return;
    await this.tokens.take(ExecutionChannel.Email);
    const going = await this.send.releaseStopped(tenant, claimed);
    const { batch, alone } = this.batchOf(going);
    if (batch) {
      const byId = new Map(going.map((c) => [c.sending._id.toHexString(), c]));
      for (const outcome of await this.port.sendBatch(batch, this.credentials)) {
        const c = byId.get(outcome.executionId) as ClaimedSend;
        // `in` narrows under every compiler setting that type-checks this lib (the app's too).
        if ('error' in outcome) await this.send.settleFailed(tenant, c, outcome.error);
        else await this.send.settleSent(tenant, c, outcome.result);
      }
    }
    for (const [i, c] of alone.entries()) {
      // The batch request took the token already taken; each further request takes its own.
      if (batch || i > 0) await this.tokens.take(ExecutionChannel.Email);
      await this.send.sendClaimed(tenant, c);
    }
  }

  /**
   * The recipients the shared templates render exactly as their single email (same variant, and the
   * templates filled with their data give the text the gate rendered and the compliance record hashed);
   * any other goes alone.
   */
  private batchOf(claimed: ClaimedSend[]): { batch: EmailBatch | null; alone: ClaimedSend[] } {
    const [first] = claimed;
    if (!first) return { batch: null, alone: [] };
    const { strategy } = first;
    const sender = strategy.emailSender as EmailSender;
    const step = strategy.steps[first.sending.step];
    const variant = step.variants.find((v) => v.key === first.sending.variant) ?? step.variants[0];
    const templates = emailTemplatesOf(variant, sender);
    const recipients: EmailBatchRecipient[] = [];
    const alone: ClaimedSend[] = [];
    for (const c of claimed) {
      const data = mergeDataOf(c.contact, sender, c.unsubscribeUrl);
      const email = c.rendered.email;
      const same =
        c.sending.strategyId.equals(strategy._id) &&
        c.sending.step === first.sending.step &&
        c.sending.variant === first.sending.variant &&
        email !== undefined &&
        render(templates.subject, data) === email.subject &&
        render(templates.html, data, { escape: 'html' }) === email.html &&
        render(templates.text, data) === email.text;
      if (!same) {
        alone.push(c);
        continue;
      }
      const message = this.send.messageOf(c) as EmailMessage;
      recipients.push({
        executionId: message.executionId,
        idempotencyKey: message.idempotencyKey,
        to: message.to,
        data,
        ...(message.listUnsubscribe ? { listUnsubscribe: message.listUnsubscribe } : {}),
        ...(message.customArgs ? { customArgs: message.customArgs } : {}),
      });
    }
    if (recipients.length === 0) return { batch: null, alone };
    // The sender's identity as renderMessage puts it on every single email.
    const batch: EmailBatch = {
      channel: 'email',
      from: { email: sender.fromEmail, name: sender.fromName },
      ...(sender.replyTo ? { replyTo: { email: sender.replyTo } } : {}),
      ...templates,
      recipients,
    };
    return { batch, alone };
  }
}
