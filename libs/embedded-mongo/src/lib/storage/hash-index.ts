import type { Document } from 'bson';
import type { Query } from 'mingo/query';
import { MongoServerError } from '../errors';
import { compileFilter } from '../query/mingo-context';
import { expandLeafArrays, pathValues } from '../query/path-values';
import { valueKey } from '../query/value-key';

export interface IndexSpec extends Document {
  v?: number;
  key: Record<string, unknown>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
}

/** One index key of one document: its hash text and the values it was made of (for keyValue). */
export interface IndexEntry {
  key: string;
  values: unknown[];
}

/** Index types that only describe data to a real MongoDB (text, geo); kept as metadata, never used here. */
const METADATA_ONLY_TYPES = new Set(['text', '2d', '2dsphere', 'geoHaystack']);

export const COMPONENT_SEPARATOR = '\u0001';

/**
 * A hash index over one or more fields: equality and `$in` lookups in O(1), unique enforcement, sparse,
 * partial and multikey (array) keys. Key prefixes (equality on the leading fields of a compound index,
 * an anchored literal regex on a string field) are served from a sorted copy of the keys, built when
 * first needed after the set of keys changed. Sorts are not served here (see ordered-view.ts).
 */
export class HashIndex {
  readonly fields: string[];
  readonly enforced: boolean;
  private readonly partial?: Query;
  // A key held by one document maps to its id (the common, compact case); a shared key maps to a Set,
  // so adding or removing one of many holders stays O(1) however common the key is (an empty array,
  // a popular tag): with arrays, bulk loads turned quadratic.
  private readonly entries = new Map<string, string | Set<string>>();
  // The keys in order for prefix scans, built on the first scan; after that new keys wait in `pending`
  // and are merged in (sorting only them) at the next scan, and vanished keys stay until many have
  // (a scan skips keys without holders). Bulk loads never pay for order nobody reads.
  private sorted: string[] | undefined;
  private pending: string[] = [];
  private vanished = 0;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.enforced = !Object.values(spec.key).some((type) => METADATA_ONLY_TYPES.has(String(type)));
    if (spec.partialFilterExpression) this.partial = compileFilter(spec.partialFilterExpression);
  }

  get name(): string {
    return this.spec.name;
  }

  get unique(): boolean {
    return !!this.spec.unique;
  }

  /** Whether every document that matches an equality on these fields has an entry here. */
  get complete(): boolean {
    return this.enforced && !this.partial;
  }

  entriesFor(doc: Document): IndexEntry[] {
    if (!this.enforced) return [];
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.fields.map((field) => pathValues(doc, field));
    if (this.spec.sparse && perField.every((values) => values.every((v) => v === undefined))) return [];
    const expanded = perField.map((values) => keyedDistinct(expandLeafArrays(values)));
    if (expanded.filter((field) => field.values.length > 1).length > 1) {
      throw new MongoServerError('BadValue', `cannot index parallel arrays [${this.fields.join('] [')}]`);
    }
    if (expanded.some((field) => field.values.length === 0)) return [];
    if (expanded.length === 1) return expanded[0].values.map((value, i) => ({ key: expanded[0].keys[i], values: [value] }));
    // At most one field has several values (no parallel arrays): each of its values makes one entry,
    // and the other fields' key texts are worked out once, not once per element of a multikey array.
    const spread = Math.max(0, expanded.findIndex((field) => field.values.length > 1));
    return expanded[spread].values.map((value, i) => {
      const values = expanded.map((field, f) => (f === spread ? value : field.values[0]));
      const parts = expanded.map((field, f) => (f === spread ? field.keys[i] : field.keys[0]));
      return { key: parts.join(COMPONENT_SEPARATOR), values };
    });
  }

  keyOf(values: unknown[]): string {
    return values.length === 1 ? valueKey(values[0]) : values.map(valueKey).join(COMPONENT_SEPARATOR);
  }

  /** The first entry another document already holds, when this index is unique. */
  conflict(entries: IndexEntry[], idKey: string): IndexEntry | undefined {
    if (!this.unique) return undefined;
    return entries.find((entry) => {
      const holder = this.entries.get(entry.key);
      if (holder === undefined) return false;
      if (typeof holder === 'string') return holder !== idKey;
      return holder.size > 1 || !holder.has(idKey);
    });
  }

  add(idKey: string, entries: IndexEntry[]): void {
    for (const { key } of entries) {
      const holder = this.entries.get(key);
      if (holder === undefined) {
        this.entries.set(key, idKey);
        if (this.sorted) this.pending.push(key);
      } else if (typeof holder === 'string') {
        if (holder !== idKey) this.entries.set(key, new Set([holder, idKey]));
      } else holder.add(idKey);
    }
  }

  remove(idKey: string, entries: IndexEntry[]): void {
    for (const { key } of entries) {
      const holder = this.entries.get(key);
      if (holder === undefined) continue;
      if (typeof holder === 'string') {
        if (holder === idKey) {
          this.entries.delete(key);
          this.vanished++;
        }
        continue;
      }
      holder.delete(idKey);
      if (holder.size === 0) {
        this.entries.delete(key);
        this.vanished++;
      }
      else if (holder.size === 1) this.entries.set(key, holder.values().next().value as string);
    }
  }

  lookup(key: string): string[] {
    const holder = this.entries.get(key);
    if (holder === undefined) return [];
    return typeof holder === 'string' ? [holder] : [...holder];
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /**
   * Adds to `into` the holders of every key that starts with `prefix` (a range scan). Key texts of
   * strings are "s" + the string, so a string prefix is a key prefix; a compound key's components are
   * joined by a separator no prefix may contain.
   */
  collectPrefix(prefix: string, into: Set<string>): void {
    const sorted = this.sortedKeys();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) {
      const holder = this.entries.get(sorted[i]);
      if (typeof holder === 'string') into.add(holder);
      else if (holder) for (const id of holder) into.add(id);
    }
  }

  clear(): void {
    this.entries.clear();
    this.sorted = undefined;
    this.pending = [];
    this.vanished = 0;
  }

  private sortedKeys(): string[] {
    if (!this.sorted || this.vanished > this.sorted.length / 4) {
      this.sorted = [...this.entries.keys()].sort();
      this.pending = [];
      this.vanished = 0;
    } else if (this.pending.length > 0) {
      this.sorted = mergeSorted(this.sorted, this.pending.sort());
      this.pending = [];
    }
    return this.sorted;
  }
}

/** Two sorted key lists as one, each key once (a key that vanished and came back is in both). */
function mergeSorted(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** The distinct values (by key text) and their key texts, each computed once. */
function keyedDistinct(values: unknown[]): { values: unknown[]; keys: string[] } {
  const keys: string[] = [];
  if (values.length < 2) {
    for (const value of values) keys.push(valueKey(value));
    return { values, keys };
  }
  const distinct: unknown[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const key = valueKey(value);
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(value);
    keys.push(key);
  }
  return { values: distinct, keys };
}
