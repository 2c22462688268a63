/** What an inbound text asks for, beyond being a reply. */
export type ReplyIntent = 'opt_out' | 'opt_in' | 'help' | 'reply';

/** Revocation per se (Twilio's default keywords, the FCC 2024 order's list): one word, any case. */
export const OPT_OUT_KEYWORDS: ReadonlySet<string> = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'optout']);
export const OPT_IN_KEYWORDS: ReadonlySet<string> = new Set(['start', 'unstop', 'yes']);
export const HELP_KEYWORDS: ReadonlySet<string> = new Set(['help', 'info']);

/**
 * Free-text wording a reasonable person reads as "stop contacting me" (FCC 2024: revocation by any
 * reasonable means). Deliberately phrases, not single words: "stop by the open house" is not a revocation.
 */
const REVOCATION_PATTERNS: readonly RegExp[] = [
  /\bremove me\b/,
  /\btake me off\b/,
  /\b(do not|don'?t|dont|never) (text|call|contact|message|email|e-mail|sms|voicemail)\b/,
  /\bstop (texting|calling|contacting|messaging|emailing|sending)\b/,
  /\bno more (texts|messages|calls|emails|voicemails)\b/,
  /\bunsubscribe me\b/,
  /\bopt(-| )?out\b/,
  /\b(leave me alone|lose my number)\b/,
  /\bwrong number\b/,
];

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Single-word keywords after trimming punctuation ("STOP." and " stop " count; "stop please" does not). */
function keywordOf(text: string): string {
  return normalize(text).replace(/^[^a-z]+|[^a-z]+$/g, '');
}

/**
 * Classifies an inbound text. Twilio's `OptOutType` (Advanced Opt-Out) wins when present, because
 * Twilio already acted on it (blocked or unblocked the pair).
 */
export function classifyReply(body: string, optOutType?: string): ReplyIntent {
  const providerSays = optOutType?.toUpperCase();
  if (providerSays === 'STOP') return 'opt_out';
  if (providerSays === 'START') return 'opt_in';
  if (providerSays === 'HELP') return 'help';
  const keyword = keywordOf(body);
  if (OPT_OUT_KEYWORDS.has(keyword)) return 'opt_out';
  if (OPT_IN_KEYWORDS.has(keyword)) return 'opt_in';
  if (HELP_KEYWORDS.has(keyword)) return 'help';
  const text = normalize(body);
  if (REVOCATION_PATTERNS.some((pattern) => pattern.test(text))) return 'opt_out';
  return 'reply';
}
