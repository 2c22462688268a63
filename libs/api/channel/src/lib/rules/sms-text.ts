import { SegmentedMessage } from 'sms-segments-calculator';

export interface SmsSegmentInfo {
  encoding: 'GSM-7' | 'UCS-2';
  /** Billed parts: GSM-7 160 single / 153 per part, UCS-2 70 / 67 (providers.md §2). */
  segments: number;
  /** Code units as the carrier counts them (GSM-7 extension characters and emoji count 2). */
  units: number;
  /** Characters that forced UCS-2, for a hint in the editor. */
  nonGsmCharacters: string[];
}

export function countSmsSegments(body: string): SmsSegmentInfo {
  if (body === '') return { encoding: 'GSM-7', segments: 0, units: 0, nonGsmCharacters: [] };
  const message = new SegmentedMessage(body, 'auto');
  return {
    encoding: message.encodingName,
    segments: message.segmentsCount,
    units: message.numberOfCharacters,
    nonGsmCharacters: message.getNonGsmCharacters(),
  };
}

export const DEFAULT_OPT_OUT_LINE = 'Reply STOP to opt out';

/** An instruction naming the STOP keyword ("Reply STOP…", "Text STOP to quit") already tells how to opt out. */
const OPT_OUT_INSTRUCTION = /\b(reply|text|txt|send|respond)(\s+with)?\s+["'“]?stop\b/i;

export function hasOptOutInstruction(body: string): boolean {
  return OPT_OUT_INSTRUCTION.test(body);
}

/**
 * CTIA wants STOP instructions in the first message to a contact; later messages go as written. The line
 * is appended on its own line and counts towards the segments, so call this before estimating cost.
 */
export function withOptOutLine(body: string, options: { firstMessage: boolean; line?: string }): string {
  if (!options.firstMessage || hasOptOutInstruction(body)) return body;
  const line = options.line ?? DEFAULT_OPT_OUT_LINE;
  const trimmed = body.replace(/\s+$/, '');
  return trimmed === '' ? line : `${trimmed}\n${line}`;
}
