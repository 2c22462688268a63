import { Binary, Decimal128, Long, ObjectId, type Document } from 'bson';
import { MongoServerError } from '../errors';

/** E11000 exactly as MongoDB words it: `... index: email_1 dup key: { email: "x" }`. */
export function duplicateKeyError(ns: string, indexName: string, keyPattern: Document, keyValue: Document): MongoServerError {
  return new MongoServerError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: ${formatValue(keyValue)}`,
    { keyPattern, keyValue },
  );
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof Long) return value.toString();
  if (value instanceof Decimal128) return `NumberDecimal("${value.toString()}")`;
  if (value instanceof Binary) return `BinData(${value.sub_type}, ${Buffer.from(value.buffer.subarray(0, value.position)).toString('hex').toUpperCase()})`;
  if (Array.isArray(value)) return value.length ? `[ ${value.map(formatValue).join(', ')} ]` : '[]';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Document);
    return entries.length ? `{ ${entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')} }` : '{}';
  }
  return String(value);
}
