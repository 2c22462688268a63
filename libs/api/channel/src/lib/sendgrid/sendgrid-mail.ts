import { PermanentFailureReason, PermanentProviderError } from '../channel.exception';
import type { EmailAddress, EmailBatch, EmailBatchRecipient, EmailMessage, ListUnsubscribe } from '../port/channel.port';
import { escapeHtml, parseTemplate, render, resolveField, TemplateToken } from '../rules/merge-fields';
import { SENDGRID_EXECUTION_ARG } from './sendgrid-webhook';

/** SendGrid v3 limits (providers.md §3). */
export const MAX_PERSONALIZATIONS = 1000;
const MAX_CATEGORIES = 10;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** The v3 mail/send body in @sendgrid/mail's camelCase; the helper turns it into snake_case on the wire. */
export interface SendGridMail {
  personalizations: SendGridPersonalization[];
  from: EmailAddress;
  replyTo?: EmailAddress;
  subject?: string;
  content: { type: 'text/plain' | 'text/html'; value: string }[];
  categories?: string[];
  headers?: Record<string, string>;
  substitutionWrappers: [string, string];
  trackingSettings?: { subscriptionTracking: { enable: boolean } };
  mailSettings?: { sandboxMode: { enable: boolean } };
}

export interface SendGridPersonalization {
  to: EmailAddress[];
  subject?: string;
  headers?: Record<string, string>;
  customArgs: Record<string, string>;
  substitutions?: Record<string, string>;
}

function invalid(message: string, reason = PermanentFailureReason.InvalidMessage): PermanentProviderError {
  return new PermanentProviderError(message, { provider: 'sendgrid', reason });
}

export function assertEmailAddress(address: EmailAddress, role: string): void {
  if (!EMAIL.test(address.email)) throw invalid(`${role} "${address.email}" is not an email address`, role === 'to' ? PermanentFailureReason.InvalidRecipient : PermanentFailureReason.InvalidSender);
}

export function assertCommon(input: { from: EmailAddress; replyTo?: EmailAddress; subject: string; html: string; text: string; categories?: string[] }): void {
  assertEmailAddress(input.from, 'from');
  if (input.replyTo) assertEmailAddress(input.replyTo, 'replyTo');
  if (input.subject.trim() === '') throw invalid('The subject is empty');
  if (input.html.trim() === '' && input.text.trim() === '') throw invalid('The email has no content');
  if ((input.categories?.length ?? 0) > MAX_CATEGORIES) throw invalid(`At most ${MAX_CATEGORIES} categories`);
  if (input.categories?.some((c) => !/^[\x20-\x7e]+$/.test(c))) throw invalid('Categories must be printable ASCII');
}

/** RFC 8058: both headers; SendGrid must then not add its own (subscription tracking off). */
export function listUnsubscribeHeaders(unsubscribe: ListUnsubscribe | undefined): Record<string, string> {
  if (!unsubscribe) return {};
  if (!unsubscribe.url.startsWith('https://')) throw invalid('The one-click unsubscribe URL must be HTTPS');
  const targets = [`<${unsubscribe.url}>`, ...(unsubscribe.mailto ? [`<mailto:${unsubscribe.mailto}>`] : [])];
  return { 'List-Unsubscribe': targets.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function contentOf(text: string, html: string): SendGridMail['content'] {
  // SendGrid requires text/plain before text/html.
  return [...(text.trim() ? [{ type: 'text/plain' as const, value: text }] : []), ...(html.trim() ? [{ type: 'text/html' as const, value: html }] : [])];
}

function settings(options: { sandboxMode: boolean; ownUnsubscribeHeaders: boolean }): Pick<SendGridMail, 'trackingSettings' | 'mailSettings'> {
  return {
    ...(options.ownUnsubscribeHeaders ? { trackingSettings: { subscriptionTracking: { enable: false } } } : {}),
    ...(options.sandboxMode ? { mailSettings: { sandboxMode: { enable: true } } } : {}),
  };
}

export function buildSingleMail(message: EmailMessage, options: { sandboxMode: boolean }): SendGridMail {
  assertEmailAddress(message.to, 'to');
  assertCommon(message);
  const unsubscribe = listUnsubscribeHeaders(message.listUnsubscribe);
  return {
    personalizations: [
      {
        to: [message.to],
        ...(message.listUnsubscribe ? { headers: unsubscribe } : {}),
        customArgs: { ...message.customArgs, [SENDGRID_EXECUTION_ARG]: message.executionId },
      },
    ],
    from: message.from,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    subject: message.subject,
    content: contentOf(message.text, message.html),
    ...(message.categories?.length ? { categories: message.categories } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    substitutionWrappers: SUBSTITUTION_WRAPPERS,
    ...settings({ sandboxMode: options.sandboxMode, ownUnsubscribeHeaders: message.listUnsubscribe !== undefined }),
  };
}

/** Our merge tags become SendGrid substitution keys, filled per personalization: `%cadence-h0%`. */
const SUBSTITUTION_WRAPPERS: [string, string] = ['%cadence-', '%'];

interface FieldSlot {
  name: string;
  fallback: string | null;
  key: number;
}

/** Replaces each field tag by a substitution key; the same field+fallback shares one key. */
function toSubstitutionContent(tokens: TemplateToken[], slots: Map<string, FieldSlot>, variant: 'h' | 't'): string {
  return tokens
    .map((token) => {
      if (token.kind === 'text') return token.value;
      if (token.kind === 'malformed') return variant === 'h' ? escapeHtml(token.raw) : token.raw;
      const id = `${token.name}|${token.fallback ?? ''}`;
      let slot = slots.get(id);
      if (!slot) {
        slot = { name: token.name, fallback: token.fallback, key: slots.size };
        slots.set(id, slot);
      }
      return `${SUBSTITUTION_WRAPPERS[0]}${variant}${slot.key}${SUBSTITUTION_WRAPPERS[1]}`;
    })
    .join('');
}

/**
 * Splits a batch into requests of at most 1,000 personalizations with each address at most once per
 * request (SendGrid refuses a repeated address), keeping the recipients' order otherwise.
 */
export function chunkRecipients(recipients: EmailBatchRecipient[], size = MAX_PERSONALIZATIONS): EmailBatchRecipient[][] {
  const chunks: { recipients: EmailBatchRecipient[]; addresses: Set<string> }[] = [];
  for (const recipient of recipients) {
    const address = recipient.to.email.toLowerCase();
    let chunk = chunks.find((c) => c.recipients.length < size && !c.addresses.has(address));
    if (!chunk) {
      chunk = { recipients: [], addresses: new Set() };
      chunks.push(chunk);
    }
    chunk.recipients.push(recipient);
    chunk.addresses.add(address);
  }
  return chunks.map((c) => c.recipients);
}

/** What one recipient of a batch needs to be sendable (the shared parts are checked once by assertCommon). */
export function assertBatchRecipient(recipient: EmailBatchRecipient): void {
  assertEmailAddress(recipient.to, 'to');
  listUnsubscribeHeaders(recipient.listUnsubscribe);
}

/** One request for up to 1,000 recipients of the same templates; each gets its own subject, values and custom args. */
export function buildBatchMail(batch: EmailBatch, recipients: EmailBatchRecipient[], options: { sandboxMode: boolean }): SendGridMail {
  const slots = new Map<string, FieldSlot>();
  const text = toSubstitutionContent(parseTemplate(batch.text), slots, 't');
  const html = toSubstitutionContent(parseTemplate(batch.html), slots, 'h');
  const ownUnsubscribeHeaders = recipients.some((r) => r.listUnsubscribe !== undefined);
  return {
    personalizations: recipients.map((recipient) => {
      const substitutions: Record<string, string> = {};
      for (const slot of slots.values()) {
        const value = resolveField(recipient.data, slot.name, slot.fallback);
        substitutions[`t${slot.key}`] = value;
        substitutions[`h${slot.key}`] = escapeHtml(value);
      }
      return {
        to: [recipient.to],
        subject: render(batch.subject, recipient.data),
        ...(recipient.listUnsubscribe ? { headers: listUnsubscribeHeaders(recipient.listUnsubscribe) } : {}),
        customArgs: { ...recipient.customArgs, [SENDGRID_EXECUTION_ARG]: recipient.executionId },
        ...(slots.size > 0 ? { substitutions } : {}),
      };
    }),
    from: batch.from,
    ...(batch.replyTo ? { replyTo: batch.replyTo } : {}),
    content: contentOf(text, html),
    ...(batch.categories?.length ? { categories: batch.categories } : {}),
    substitutionWrappers: SUBSTITUTION_WRAPPERS,
    ...settings({ sandboxMode: options.sandboxMode, ownUnsubscribeHeaders }),
  };
}
