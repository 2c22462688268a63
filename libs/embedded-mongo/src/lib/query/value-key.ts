import { Binary, BSONRegExp, ObjectId, Timestamp } from 'bson';
import { isNumeric, numberKey } from './exact-number';

/**
 * A string that is equal for two values exactly when MongoDB's (simple-collation) equality says they are
 * equal, so hash maps can stand in for B-tree indexes on equality lookups and duplicate-key checks.
 * null and a missing field share one key, as they share one index key in MongoDB.
 */
export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  if (typeof value === 'string') return flat('s', value);
  if (typeof value === 'boolean') return value ? 'b1' : 'b0';
  if (isNumeric(value)) return flat('n', numberKey(value));
  if (value instanceof ObjectId) return flat('o', value.toHexString());
  if (value instanceof Date) return flat('d', String(value.getTime()));
  if (Array.isArray(value)) return `a[${value.map(valueKey).join(',')}]`;
  if (value instanceof Binary) return `x${value.sub_type}:${Buffer.from(value.buffer.subarray(0, value.position)).toString('base64')}`;
  if (value instanceof Timestamp) return `t${value.toString()}`;
  if (value instanceof RegExp) return `r${value.source}/${value.flags}`;
  if (value instanceof BSONRegExp) return `r${value.pattern}/${value.options}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (Object.getPrototypeOf(value) === Object.prototype) {
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${valueKey(v)}`).join(',')}}`;
    }
    return `?${(value as { constructor: { name: string } }).constructor.name}:${String(value)}`;
  }
  return `?${String(value)}`;
}

/**
 * Keys live as long as their documents, millions of them. A template literal makes a cons string that
 * keeps its parts alive (and ObjectId.toHexString()'s result holds far more than its 24 characters);
 * join() copies into one flat string, about a third of the memory per key.
 */
function flat(prefix: string, body: string): string {
  return [prefix, body].join('');
}
