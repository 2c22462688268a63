import { countSmsSegments, escapeHtml, MAX_TTS_CHARACTERS, MergeData, render, SmsSegmentInfo, validateTemplate, withOptOutLine } from '@cadence/api-channel';
import { createHash } from 'node:crypto';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';
import { EmailSender, StrategyStep, StrategyType, StrategyVariant } from '../schemas/strategy.schema';

type VariantPart = 'body' | 'subject' | 'html' | 'text' | 'ttsBody';

const PARTS_OF: Record<StrategyType, VariantPart[]> = {
  [StrategyType.Text]: ['body'],
  [StrategyType.Email]: ['subject', 'html', 'text'],
  [StrategyType.Voicemail]: ['ttsBody'],
};

interface Located {
  step: number;
  variant: string;
  part: VariantPart;
}

/**
 * Refuses content a send would get wrong: unknown merge fields (400 STRATEGY_UNKNOWN_MERGE_FIELD with
 * `details.fields`, the names), malformed tags and anything the channel needs but lacks
 * (400 STRATEGY_INVALID_CONTENT with `details.problems`).
 */
export function assertValidContent(type: StrategyType, steps: StrategyStep[], emailSender: EmailSender | null): void {
  const unknown: (Located & { name: string; suggestion?: string })[] = [];
  const problems: string[] = [];
  steps.forEach((step, stepIndex) => {
    const keys = new Set<string>();
    step.variants.forEach((variant) => {
      if (keys.has(variant.key)) problems.push(`step ${stepIndex + 1}: variant ${variant.key} appears twice`);
      keys.add(variant.key);
      const at = `step ${stepIndex + 1} variant ${variant.key}`;
      problems.push(...requiredParts(type, variant).map((p) => `${at}: ${p}`));
      for (const part of PARTS_OF[type]) {
        const text = variant[part];
        if (!text) continue;
        const check = validateTemplate(text);
        unknown.push(...check.unknownFields.map((f) => ({ step: stepIndex, variant: variant.key, part, name: f.name, ...(f.suggestion ? { suggestion: f.suggestion } : {}) })));
        problems.push(...check.malformedTags.map((t) => `${at} ${part}: malformed tag ${t.tag} (${t.problem})`));
      }
    });
  });
  if (type === StrategyType.Email && !emailSender) problems.push('an email strategy needs emailSender (from, name and the postal address for the footer)');
  if (unknown.length > 0) {
    const fields = [...new Set(unknown.map((u) => u.name))];
    throw new StrategyException(StrategyErrorCode.UnknownMergeField, `Unknown merge field${fields.length > 1 ? 's' : ''}: ${fields.join(', ')}`, { fields, occurrences: unknown });
  }
  if (problems.length > 0) throw new StrategyException(StrategyErrorCode.InvalidContent, `The content is not valid: ${problems.join('; ')}`, { problems });
}

function requiredParts(type: StrategyType, v: StrategyVariant): string[] {
  switch (type) {
    case StrategyType.Text:
      return v.body?.trim() ? [] : ['body is required'];
    case StrategyType.Email:
      return (['subject', 'html', 'text'] as const).filter((p) => !v[p]?.trim()).map((p) => `${p} is required`);
    case StrategyType.Voicemail: {
      const tts = Boolean(v.voiceId || v.ttsBody);
      const recording = Boolean(v.recordingMediaId);
      if (tts === recording) return ['give either voiceId + ttsBody (text-to-speech) or recordingMediaId, not both'];
      if (tts && !(v.voiceId && v.ttsBody?.trim())) return ['text-to-speech needs both voiceId and ttsBody'];
      if (tts && (v.ttsBody as string).length > MAX_TTS_CHARACTERS) return [`ttsBody is ${(v.ttsBody as string).length} characters; Drop Cowboy takes at most ${MAX_TTS_CHARACTERS}`];
      return [];
    }
  }
}

/**
 * The variant a contact gets: a hash of (strategy, contact) placed on the cumulative weights, so the
 * same contact always lands on the same variant (retries, re-deploys, previews), without storing a draw.
 */
export function pickVariant<V extends { weight: number }>(variants: V[], strategyId: string, contactId: string): V {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const point = createHash('sha256').update(`${strategyId}:${contactId}`).digest().readUInt32BE(0) % total;
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (point < cumulative) return variant;
  }
  return variants[variants.length - 1];
}

export interface RenderedSms {
  body: string;
  segments: SmsSegmentInfo;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  from: { email: string; name: string };
  replyTo: string | null;
}

export interface RenderedVoicemail {
  voiceId: string | null;
  ttsBody: string | null;
  recordingMediaId: string | null;
  characters: number;
}

export interface RenderedMessage {
  sms?: RenderedSms;
  email?: RenderedEmail;
  voicemail?: RenderedVoicemail;
}

/**
 * The message one contact receives for one step and variant. SMS: the opt-out line on the first
 * message only, segments counted after it. Email: a footer with the sender's postal address and the
 * unsubscribe link (`data.unsubscribeUrl`); the List-Unsubscribe headers are the adapter's job.
 */
export function renderMessage(type: StrategyType, stepIndex: number, variant: StrategyVariant, sender: EmailSender | null, data: MergeData): RenderedMessage {
  switch (type) {
    case StrategyType.Text: {
      const body = withOptOutLine(render(variant.body ?? '', data), { firstMessage: stepIndex === 0 });
      return { sms: { body, segments: countSmsSegments(body) } };
    }
    case StrategyType.Email: {
      const s = sender as EmailSender;
      const unsubscribe = String(data['unsubscribeUrl'] ?? '');
      const html = `${render(variant.html ?? '', data, { escape: 'html' })}\n<p style="font-size:12px;color:#666">${escapeHtml(s.fromName)} · ${escapeHtml(s.postalAddress)}<br><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p>`;
      const text = `${render(variant.text ?? '', data)}\n\n--\n${s.fromName}\n${s.postalAddress}\nUnsubscribe: ${unsubscribe}`;
      return { email: { subject: render(variant.subject ?? '', data), html, text, from: { email: s.fromEmail, name: s.fromName }, replyTo: s.replyTo ?? null } };
    }
    case StrategyType.Voicemail: {
      const ttsBody = variant.ttsBody ? render(variant.ttsBody, data) : null;
      return { voicemail: { voiceId: variant.voiceId ?? null, ttsBody, recordingMediaId: variant.recordingMediaId ?? null, characters: ttsBody?.length ?? 0 } };
    }
  }
}

/**
 * The email of renderMessage with the merge tags left in (the footer's link as `{{unsubscribeUrl}}`),
 * for a provider that fills them per recipient (a SendGrid batch). Rendered with a contact's data it
 * gives that contact's email unless the sender's name or address holds a tag of its own: the batch
 * compares the two per recipient and sends the rest one by one.
 */
export function emailTemplatesOf(variant: StrategyVariant, sender: EmailSender): { subject: string; html: string; text: string } {
  const html = `${variant.html ?? ''}\n<p style="font-size:12px;color:#666">${escapeHtml(sender.fromName)} · ${escapeHtml(sender.postalAddress)}<br><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>`;
  const text = `${variant.text ?? ''}\n\n--\n${sender.fromName}\n${sender.postalAddress}\nUnsubscribe: {{unsubscribeUrl}}`;
  return { subject: variant.subject ?? '', html, text };
}
