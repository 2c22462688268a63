/** Spoken pace used for duration estimates: 150 words a minute, a calm voicemail delivery. */
export const WORDS_PER_SECOND = 2.5;
/** 30–45 seconds spoken (issue #6). */
export const MIN_WORDS = 75;
export const MAX_WORDS = 115;

export interface ScriptStats {
  characterCount: number;
  wordCount: number;
  estimatedDurationSeconds: number;
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

export function scriptStats(text: string): ScriptStats {
  const wordCount = countWords(text);
  return { characterCount: [...text].length, wordCount, estimatedDurationSeconds: Math.round((wordCount / WORDS_PER_SECOND) * 10) / 10 };
}

const PREAMBLE = /^(?:sure|okay|ok|certainly|absolutely|of course|great)?[!,.\s]*(?:here(?:'|’)?s|here is|below is|this is)\s+(?:a|an|the|your|my)?\s*(?:personali[sz]ed\s+|revised\s+|updated\s+|natural\s+|conversational\s+|\d+[-\s]second\s+)*(?:voicemail\s+)?(?:script|message|voicemail|version)[^:\n]*:\s*/i;
const SCRIPT_LABEL = /^(?:voicemail\s+)?(?:script|message|voicemail)\s*:\s*/i;
const TRAILING_COMMENTARY = /\n\s*(?:note|notes|this script|this message|this voicemail|feel free|let me know|i hope|word count|\(?approximately|\(?estimated|\(?duration|---)[\s\S]*$/i;
const STAGE_DIRECTION = /\[(?:pause|beat|smile|laugh|warmly|friendly|music|end|intro|outro)[^\]]*\]|\((?:pause|beat|smiles?|laughs?|warmly|friendly tone)[^)]*\)/gi;
const SPEAKER_LABEL = /^(?:agent|speaker|narrator|you|[A-Z][a-z]+ \(agent\))\s*:\s*/gim;

/**
 * What an LLM answered, reduced to the words to be spoken: no preamble ("Here's your script:"),
 * no markdown, no wrapping quotes, no stage directions, no commentary after the script.
 */
export function cleanScript(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n').trim();
  const fenced = /```[a-z]*\n?([\s\S]*?)```/i.exec(text);
  if (fenced) text = fenced[1].trim();
  text = text.replace(/^#{1,6}\s.*$/gm, (line) => (/script|voicemail/i.test(line) ? '' : line.replace(/^#{1,6}\s*/, '')));
  text = text.trim().replace(PREAMBLE, '').replace(SCRIPT_LABEL, '');
  text = text.replace(TRAILING_COMMENTARY, '');
  text = text.replace(SPEAKER_LABEL, '').replace(STAGE_DIRECTION, ' ');
  text = text
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s.,!?)]|$)/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s.,!?)]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*(?:[-*•>]|\d+[.)])\s+/gm, '')
    .replace(/[*#]+/g, '');
  text = text.replace(/\s*\n+\s*/g, ' ').replace(/\s{2,}/g, ' ').trim();
  const quotes = /^["“”'‘’«»]+|["“”'‘’«»]+$/g;
  const unquoted = text.replace(quotes, '').trim();
  // Only strip outer quotes that wrap the whole script, never an apostrophe that ends a word.
  if (/^["“«]/.test(text) || /["”»]$/.test(text)) text = unquoted;
  return text.replace(/\s+([,.!?])/g, '$1');
}
