import {
  Binary,
  BSONRegExp,
  BSONSymbol,
  Code,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
} from 'bson';
import { MongoServerError } from '../errors';

/** BSON type aliases and numbers as `$type` accepts them. */
export const BSON_TYPE_NUMBERS: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  dbPointer: 12,
  javascript: 13,
  symbol: 14,
  javascriptWithScope: 15,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};

const NUMERIC_ALIASES = new Set(['double', 'int', 'long', 'decimal']);

/**
 * The BSON type alias of a value. Values decoded with wrappers (decodeTyped) answer exactly; a bare JS
 * number can only be told apart as int (whole, 32-bit) or double.
 */
export function bsonTypeName(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? 'int' : 'double';
  if (typeof value === 'bigint') return 'long';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Double) return 'double';
  if (value instanceof Int32) return 'int';
  if (value instanceof Long) return 'long';
  if (value instanceof Decimal128) return 'decimal';
  if (value instanceof ObjectId) return 'objectId';
  if (value instanceof Date) return 'date';
  if (value instanceof Binary) return 'binData';
  if (value instanceof RegExp || value instanceof BSONRegExp) return 'regex';
  if (value instanceof Timestamp) return 'timestamp';
  if (value instanceof Code) return value.scope ? 'javascriptWithScope' : 'javascript';
  if (value instanceof BSONSymbol) return 'symbol';
  if (value instanceof MinKey) return 'minKey';
  if (value instanceof MaxKey) return 'maxKey';
  return 'object';
}

/** Whether a value is of a `$type` operand (alias, number or "number"). */
export function matchesBsonType(value: unknown, wanted: unknown): boolean {
  const actual = bsonTypeName(value);
  if (wanted === 'number') return NUMERIC_ALIASES.has(actual);
  if (typeof wanted === 'number') return BSON_TYPE_NUMBERS[actual] === wanted;
  return actual === wanted;
}

export function assertKnownBsonType(wanted: unknown): void {
  const known =
    wanted === 'number' ||
    (typeof wanted === 'string' && wanted in BSON_TYPE_NUMBERS) ||
    (typeof wanted === 'number' && Object.values(BSON_TYPE_NUMBERS).includes(wanted));
  if (!known) throw new MongoServerError('BadValue', `Unknown type name alias: ${String(wanted)}`);
}
