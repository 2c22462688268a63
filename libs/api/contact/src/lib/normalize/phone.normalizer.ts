import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

export enum PhoneType {
  Mobile = 'mobile',
  Landline = 'landline',
  Unknown = 'unknown',
}

export type NormalizedPhone = { ok: true; e164: string; extension: string | null; type: PhoneType; reason?: never } | { ok: false; reason: string };

export const DEFAULT_PHONE_REGION: CountryCode = 'US';

/**
 * Any way a person types a number ("(760) 555-0134", "760.555.0134 x12", "+1 760 555 0134") becomes
 * E.164 plus the extension. The /max metadata is used because it is the only one that tells
 * unassigned and N11 numbers apart from real ones and types toll-free numbers.
 */
export function normalizePhone(raw: string, region: CountryCode = DEFAULT_PHONE_REGION): NormalizedPhone {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'phone is empty' };
  const parsed = parsePhoneNumberFromString(text, region);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: `"${text}" is not a valid phone number` };
  return { ok: true, e164: parsed.number, extension: parsed.ext ?? null, type: typeOf(parsed.getType()) };
}

/** In the US the metadata mostly answers FIXED_LINE_OR_MOBILE; only a carrier lookup could say more. */
function typeOf(type: string | undefined): PhoneType {
  if (type === 'MOBILE') return PhoneType.Mobile;
  if (type === 'FIXED_LINE') return PhoneType.Landline;
  return PhoneType.Unknown;
}

/** The digits a user typed, for searching by any fragment of a number. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
