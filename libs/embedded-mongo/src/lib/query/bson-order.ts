import { Binary, BSONRegExp, BSONSymbol, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { compareNumbers, isNumeric } from './exact-number';

/**
 * MongoDB's comparison order across types (null and missing compare as one bracket). mingo uses
 * its own order, which for example puts ObjectId after booleans; sorting goes through this instead.
 */
export function typeBracket(value: unknown): number {
  if (value === undefined || value === null) return 2;
  if (isNumeric(value)) return 3;
  if (typeof value === 'string' || value instanceof BSONSymbol) return 4;
  if (Array.isArray(value)) return 6;
  if (value instanceof Binary) return 7;
  if (value instanceof ObjectId) return 8;
  if (typeof value === 'boolean') return 9;
  if (value instanceof Date) return 10;
  if (value instanceof Timestamp) return 11;
  if (value instanceof RegExp || value instanceof BSONRegExp) return 12;
  if (value instanceof MinKey) return 1;
  if (value instanceof MaxKey) return 13;
  return 5;
}

/** Collation for string comparison: only strengths 1 and 2 and locales other than "simple" change anything. */
export type StringComparer = (a: string, b: string) => number;

const binaryCompare: StringComparer = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export interface CollationLike {
  locale: string;
  strength?: number;
  caseLevel?: boolean;
  caseFirst?: string;
  numericOrdering?: boolean;
}

export function stringComparer(collation?: CollationLike): StringComparer {
  if (!collation || collation.locale === 'simple') return binaryCompare;
  const strength = collation.strength ?? 3;
  const sensitivity = strength === 1 ? (collation.caseLevel ? 'case' : 'base') : strength === 2 ? 'accent' : 'variant';
  const caseFirst = collation.caseFirst === 'upper' || collation.caseFirst === 'lower' ? collation.caseFirst : 'false';
  return new Intl.Collator(collation.locale, { sensitivity, caseFirst, numeric: !!collation.numericOrdering })
    .compare;
}

export function compareValues(a: unknown, b: unknown, strings: StringComparer = binaryCompare): number {
  const ta = typeBracket(a);
  const tb = typeBracket(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  switch (ta) {
    case 2:
    case 1:
    case 13:
      return 0;
    case 3:
      return compareNumbers(a, b);
    case 4:
      return strings(String(a), String(b));
    case 5:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>, strings);
    case 6:
      return compareArrays(a as unknown[], b as unknown[], strings);
    case 7:
      return compareBinary(a as Binary, b as Binary);
    case 8:
      return binaryCompare((a as ObjectId).toHexString(), (b as ObjectId).toHexString());
    case 9:
      return Number(a) - Number(b);
    case 10:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    default:
      return binaryCompare(String(a), String(b));
  }
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>, strings: StringComparer): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const byType = typeBracket(a[ka[i]]) - typeBracket(b[kb[i]]);
    if (byType) return Math.sign(byType);
    const byName = binaryCompare(ka[i], kb[i]);
    if (byName) return byName;
    const byValue = compareValues(a[ka[i]], b[kb[i]], strings);
    if (byValue) return byValue;
  }
  return Math.sign(ka.length - kb.length);
}

function compareArrays(a: unknown[], b: unknown[], strings: StringComparer): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i], strings);
    if (c) return c;
  }
  return Math.sign(a.length - b.length);
}

function compareBinary(a: Binary, b: Binary): number {
  if (a.position !== b.position) return Math.sign(a.position - b.position);
  if (a.sub_type !== b.sub_type) return Math.sign(a.sub_type - b.sub_type);
  return Buffer.compare(Buffer.from(a.buffer.subarray(0, a.position)), Buffer.from(b.buffer.subarray(0, b.position)));
}
