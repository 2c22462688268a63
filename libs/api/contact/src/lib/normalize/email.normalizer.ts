import { isEmail } from 'class-validator';

export type NormalizedEmail = { ok: true; email: string; reason?: never } | { ok: false; reason: string };

/** Addresses are compared and stored lower-cased: mailbox providers treat them case-insensitively. */
export function normalizeEmail(raw: string): NormalizedEmail {
  const email = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (email === '') return { ok: false, reason: 'email is empty' };
  if (!isEmail(email)) return { ok: false, reason: `"${raw.trim()}" is not a valid email address` };
  return { ok: true, email };
}
