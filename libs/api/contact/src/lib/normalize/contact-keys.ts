import { Types } from 'mongoose';
import { ContactPhone, PostalAddress } from '../schemas/contact.schema';
import { foldForSearch } from './name.normalizer';

export interface KeySource {
  firstName: string;
  lastName: string;
  phones: Pick<ContactPhone, 'e164'>[];
  emails: string[];
  propertyAddress: PostalAddress | null;
  mailingAddress: PostalAddress | null;
}

export interface ContactKeys {
  /** "p:<E.164>" and "e:<email>", or "id:<contact id>" for a contact with neither; unique per tenant. */
  dedupeKeys: string[];
  phoneKeys?: string[];
  emailKeys?: string[];
  nameAddressKey?: string;
  searchTokens: string[];
  firstNameLower: string;
  lastNameLower: string;
}

/**
 * The derived fields stored beside a contact; every write path recomputes them from the fields.
 * dedupeKeys is never empty (a contact without phone or email holds its own id), so one plain unique
 * multikey index guards phones and emails without a partial filter.
 */
export function contactKeys(contact: KeySource, id: Types.ObjectId): ContactKeys {
  const phoneKeys = [...new Set(contact.phones.map((p) => p.e164))];
  const emailKeys = [...new Set(contact.emails)];
  const nameAddressKey = nameAddressKeyOf(contact.firstName, contact.lastName, contact.propertyAddress ?? contact.mailingAddress);
  const dedupeKeys = [...phoneKeys.map(phoneDedupeKey), ...emailKeys.map(emailDedupeKey)];
  const searchTokens = searchTokensOf(contact);
  return {
    dedupeKeys: dedupeKeys.length > 0 ? dedupeKeys : [`id:${id.toHexString()}`],
    ...(phoneKeys.length > 0 ? { phoneKeys } : {}),
    ...(emailKeys.length > 0 ? { emailKeys } : {}),
    ...(nameAddressKey ? { nameAddressKey } : {}),
    searchTokens,
    firstNameLower: foldForSearch(contact.firstName),
    lastNameLower: foldForSearch(contact.lastName),
  };
}

export const phoneDedupeKey = (e164: string) => `p:${e164}`;
export const emailDedupeKey = (email: string) => `e:${email}`;

export function nameAddressKeyOf(firstName: string, lastName: string, address: PostalAddress | null): string | undefined {
  const name = foldForSearch(`${firstName} ${lastName}`).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const street = foldForSearch(address?.street ?? '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!name || !street || !address?.zip) return undefined;
  return `${name}|${street}|${address.zip}`;
}

/**
 * Words a user may start typing: folded name parts, whole emails and their local part, address words,
 * and for each phone the E.164 digits, the 10-digit national number and its last 7 and 4 digits, so
 * "760555", "555-0134" and "+1 760 555 0134" all find the number by prefix.
 */
function searchTokensOf(contact: KeySource): string[] {
  const tokens = new Set<string>();
  const addWords = (text: string) => {
    for (const word of foldForSearch(text).split(/[^\p{L}\p{N}@._+-]+/u)) if (word) tokens.add(word);
  };
  addWords(contact.firstName);
  addWords(contact.lastName);
  for (const email of contact.emails) {
    tokens.add(email);
    tokens.add(email.split('@')[0]);
  }
  for (const address of [contact.propertyAddress, contact.mailingAddress]) {
    if (!address) continue;
    addWords(address.street);
    addWords(address.city);
    if (address.state) tokens.add(address.state.toLowerCase());
    if (address.zip) tokens.add(address.zip);
  }
  for (const phone of contact.phones) {
    const digits = phone.e164.replace(/\D/g, '');
    tokens.add(digits);
    if (digits.length === 11 && digits.startsWith('1')) {
      tokens.add(digits.slice(1));
      tokens.add(digits.slice(4));
      tokens.add(digits.slice(7));
    }
  }
  return [...tokens];
}
