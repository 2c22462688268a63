/**
 * Trims and collapses spaces; a name typed or exported in ALL CAPS (county records, title-rep farm
 * lists) is title-cased so merge fields read naturally. Mixed-case names are kept as the person wrote
 * them ("McDonald", "de la Cruz"), and accents are never stripped.
 */
export function normalizeName(raw: string | null | undefined): string {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  const isAllCaps = /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
  return isAllCaps ? titleCase(text) : text;
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_, separator: string, letter: string) => separator + letter.toUpperCase());
}

const ENTITY_WORDS = /\b(LLC|L\.L\.C\.|INC|CORP|CORPORATION|TRUST|TR|LP|LLP|LTD|COMPANY|CO|BANK|ESTATE|HOLDINGS|PROPERTIES|INVESTMENTS)\b\.?/i;

export interface SplitName {
  firstName: string;
  lastName: string;
}

/**
 * Splits one "Owner Name" cell. County and title-rep exports use "LAST, FIRST M" or "FIRST LAST";
 * a second owner after "&" or " AND " is dropped (the first one is the addressee); companies and
 * trusts keep the whole name as the last name so no half of "SMITH FAMILY TRUST" becomes a first name.
 */
export function splitFullName(raw: string | null | undefined): SplitName {
  const full = normalizeName(raw);
  if (full === '') return { firstName: '', lastName: '' };
  if (ENTITY_WORDS.test(full)) return { firstName: '', lastName: full };
  const firstOwner = full.split(/\s*&\s*|\s+and\s+/i)[0].trim();
  if (firstOwner.includes(',')) {
    const [last, rest] = firstOwner.split(',', 2).map((part) => part.trim());
    return { firstName: (rest ?? '').split(' ')[0] ?? '', lastName: last };
  }
  const words = firstOwner.split(' ');
  if (words.length === 1) return { firstName: words[0], lastName: '' };
  return { firstName: words[0], lastName: words.slice(1).filter((w) => !/^[A-Z]\.?$/i.test(w) || words.length === 2).join(' ') };
}

/** Lower-cased and with accents folded, so "jose" finds "José" and dedupe ignores typing differences. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
