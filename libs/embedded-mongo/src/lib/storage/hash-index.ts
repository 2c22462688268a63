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

const COMPONENT_SEPARATOR = '\u0001';

/**
 * A hash index over one or more fields: equality and `$in` lookups in O(1), unique enforcement, sparse,
 * partial and multikey (array) keys. Range queries and sorts are evaluated by scanning, not served here.
 */
export class HashIndex {
  readonly fields: string[];
  readonly enforced: boolean;
  private readonly partial?: Query;
  // A key held by one document maps to its id (the common, compact case); a shared key maps to a Set,
  // so adding or removing one of many holders stays O(1) however common the key is (an empty array,
  // a popular tag): with arrays, bulk loads turned quadratic.
  private readonly entries = new Map<string, string | Set<string>>();

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
    const expanded = perField.map((values) => dedupe(expandLeafArrays(values)));
    if (expanded.filter((values) => values.length > 1).length > 1) {
      throw new MongoServerError('BadValue', `cannot index parallel arrays [${this.fields.join('] [')}]`);
    }
    let combos: unknown[][] = [[]];
    for (const values of expanded) combos = combos.flatMap((prefix) => values.map((v) => [...prefix, v]));
    return combos.map((values) => ({ key: this.keyOf(values), values }));
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
      if (holder === undefined) this.entries.set(key, idKey);
      else if (typeof holder === 'string') {
        if (holder !== idKey) this.entries.set(key, new Set([holder, idKey]));
      } else holder.add(idKey);
    }
  }

  remove(idKey: string, entries: IndexEntry[]): void {
    for (const { key } of entries) {
      const holder = this.entries.get(key);
      if (holder === undefined) continue;
      if (typeof holder === 'string') {
        if (holder === idKey) this.entries.delete(key);
        continue;
      }
      holder.delete(idKey);
      if (holder.size === 0) this.entries.delete(key);
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

  clear(): void {
    this.entries.clear();
  }
}

function dedupe(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = valueKey(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
