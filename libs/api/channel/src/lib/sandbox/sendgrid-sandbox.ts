import { randomBytes } from 'node:crypto';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { signSendGridPayload, SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from '../sendgrid/sendgrid-webhook';
import { respond, SandboxProviderOptions, simulatedRequest } from './sandbox-http';

/** Our test addresses (SendGrid has no simulator): the local part, before any `+tag`, picks the story. */
export const SENDGRID_SANDBOX_DOMAIN = 'simulator.cadence.test';

type Step = { event: string; fields?: Record<string, unknown> };

const processed: Step = { event: 'processed' };
const delivered: Step = { event: 'delivered', fields: { response: '250 2.0.0 OK', ip: '127.0.0.1' } };
const open: Step = { event: 'open', fields: { useragent: 'Mozilla/5.0 (sandbox)', ip: '127.0.0.1', sg_machine_open: false } };

/** What happens after acceptance to each test address; any other address is processed and delivered. */
export const SENDGRID_SANDBOX_STORIES: Readonly<Record<string, readonly Step[]>> = {
  delivered: [processed, delivered],
  open: [processed, delivered, open],
  click: [processed, delivered, open, { event: 'click', fields: { url: 'https://example.com/', useragent: 'Mozilla/5.0 (sandbox)', ip: '127.0.0.1' } }],
  bounce: [processed, { event: 'bounce', fields: { type: 'bounce', status: '5.1.1', reason: '550 5.1.1 The email account that you tried to reach does not exist' } }],
  blocked: [processed, { event: 'bounce', fields: { type: 'blocked', status: '5.7.1', reason: '554 5.7.1 Message blocked by the receiving server' } }],
  deferred: [processed, { event: 'deferred', fields: { attempt: '1', response: '451 4.7.1 Try again later' } }, delivered],
  dropped: [{ event: 'dropped', fields: { reason: 'Unsubscribed Address' } }],
  spamreport: [processed, delivered, open, { event: 'spamreport' }],
  unsubscribe: [processed, delivered, open, { event: 'unsubscribe' }],
};

/** Test addresses refused at the API: `ratelimit@` (429) and `error@` (500); any `.invalid` domain gets a 400. */
const THROTTLED = 'ratelimit';
const BROKEN = 'error';

function storyOf(email: string): string | undefined {
  const [local, domain] = email.toLowerCase().split('@');
  return domain === SENDGRID_SANDBOX_DOMAIN ? local?.split('+')[0] : undefined;
}

interface WirePersonalization {
  to: { email: string }[];
  custom_args?: Record<string, string>;
}

/**
 * A simulated api.sendgrid.com/v3/mail/send behind @sendgrid/mail: checks the key and the v3 limits,
 * answers 202 with an X-Message-Id, then posts signed, batched events for each recipient's story.
 */
export class SendGridSandbox {
  readonly adapter: AxiosAdapter = (config) => this.handle(config);

  constructor(private readonly options: SandboxProviderOptions) {}

  private async handle(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    await this.options.scheduler.sleep(this.options.latencyMs);
    const request = simulatedRequest(config);
    const error = (status: number, message: string, field: string | null = null, headers?: Record<string, string>) =>
      respond(config, status, { errors: [{ message, field, help: null }] }, headers);
    if (request.header('Authorization') !== `Bearer ${this.options.accounts.sendgrid.apiKey}`) return error(401, 'The provided authorization grant is invalid, expired, or revoked');
    if (request.method !== 'POST' || request.url.pathname !== '/v3/mail/send') return error(404, 'Not found');
    const mail = JSON.parse(String(request.data)) as { personalizations?: WirePersonalization[]; from?: { email?: string }; categories?: string[] };
    const personalizations = mail.personalizations ?? [];
    if (personalizations.length < 1 || personalizations.length > 1000) return error(400, 'The personalizations field must have between 1 and 1000 items', 'personalizations');
    if (!mail.from?.email) return error(400, 'The from object must be provided for every email send', 'from.email');
    const seen = new Set<string>();
    const invalid: number[] = [];
    for (const [index, p] of personalizations.entries()) {
      const address = p.to[0]?.email.toLowerCase() ?? '';
      if (seen.has(address)) return error(400, 'Each email address in the personalization block should be unique', `personalizations.${index}.to`);
      seen.add(address);
      if (address.endsWith('.invalid')) invalid.push(index);
    }
    if (invalid.length > 0) {
      return respond(config, 400, { errors: invalid.map((i) => ({ message: 'Does not contain a valid address.', field: `personalizations.${i}.to.0.email`, help: null })) });
    }
    const stories = personalizations.map((p) => storyOf(p.to[0]?.email ?? ''));
    if (stories.includes(THROTTLED)) return error(429, 'too many requests', null, { 'x-ratelimit-reset': String(Math.ceil(this.options.clock.now().getTime() / 1000) + 1) });
    if (stories.includes(BROKEN)) return error(500, 'Internal server error');

    const messageId = randomBytes(16).toString('base64url').slice(0, 22);
    this.scheduleEvents(messageId, personalizations, mail.categories);
    return respond(config, 202, '', { 'x-message-id': messageId });
  }

  /** SendGrid batches events: every recipient's n-th event goes out in the n-th post. */
  private scheduleEvents(messageId: string, personalizations: WirePersonalization[], categories: string[] | undefined): void {
    const sequences = personalizations.map((p) => SENDGRID_SANDBOX_STORIES[storyOf(p.to[0]?.email ?? '') ?? 'delivered'] ?? SENDGRID_SANDBOX_STORIES['delivered'] ?? []);
    const steps = Math.max(...sequences.map((s) => s.length));
    for (let step = 0; step < steps; step++) {
      this.options.dispatcher.emit('sendgrid', (step + 1) * this.options.eventDelayMs, () => {
        const timestamp = Math.floor(this.options.clock.now().getTime() / 1000);
        const events = personalizations.flatMap((p, index) => {
          const event = sequences[index]?.[step];
          if (!event) return [];
          return [
            {
              email: p.to[0]?.email,
              timestamp,
              'smtp-id': `<${messageId}.${index}@${SENDGRID_SANDBOX_DOMAIN}>`,
              event: event.event,
              sg_event_id: randomBytes(16).toString('base64url'),
              sg_message_id: `${messageId}.sandbox-${index}.0`,
              ...(categories?.length ? { category: categories } : {}),
              ...event.fields,
              ...p.custom_args,
            },
          ];
        });
        const rawBody = `${JSON.stringify(events)}\r\n`;
        const signedAt = String(timestamp);
        return {
          url: this.options.webhookUrls.sendgridEvents,
          method: 'POST' as const,
          headers: {
            'Content-Type': 'application/json',
            [SENDGRID_SIGNATURE_HEADER]: signSendGridPayload(this.options.accounts.sendgridSigningKey, signedAt, rawBody),
            [SENDGRID_TIMESTAMP_HEADER]: signedAt,
          },
          rawBody,
        };
      });
    }
  }
}
