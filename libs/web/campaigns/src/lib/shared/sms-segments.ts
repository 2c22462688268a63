/**
 * SMS segment arithmetic, the same the API uses to price a text: GSM-7 when every character is in the
 * GSM 03.38 alphabet (extension characters take two septets), UCS-2 otherwise. One segment holds 160
 * septets or 70 UTF-16 units; a longer message is split into 153 or 67 per part.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

export const OPT_OUT_LINE = 'Reply STOP to opt out';
const OPT_OUT_INSTRUCTION = /\b(reply|text|txt|send|respond)(\s+with)?\s+["'“]?stop\b/i;

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  units: number;
  nonGsmCharacters: string[];
}

export function countSmsSegments(body: string): SmsSegments {
  if (body === '') return { encoding: 'GSM-7', segments: 0, units: 0, nonGsmCharacters: [] };
  const nonGsm: string[] = [];
  let septets = 0;
  for (const char of body) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENSION.includes(char)) septets += 2;
    else if (!nonGsm.includes(char)) nonGsm.push(char);
  }
  if (nonGsm.length === 0) {
    return { encoding: 'GSM-7', segments: septets <= 160 ? 1 : Math.ceil(septets / 153), units: septets, nonGsmCharacters: [] };
  }
  const units = body.length;
  return { encoding: 'UCS-2', segments: units <= 70 ? 1 : Math.ceil(units / 67), units, nonGsmCharacters: nonGsm };
}

/** The first text to a contact carries STOP instructions (CTIA) unless the body already has them. */
export function withOptOutLine(body: string, firstMessage: boolean): string {
  if (!firstMessage || OPT_OUT_INSTRUCTION.test(body)) return body;
  const trimmed = body.replace(/\s+$/, '');
  return trimmed === '' ? OPT_OUT_LINE : `${trimmed}\n${OPT_OUT_LINE}`;
}
