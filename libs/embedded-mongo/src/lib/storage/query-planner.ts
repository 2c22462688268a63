import { ObjectId } from 'bson';
import { isNumeric } from '../query/exact-number';
import { isDocument } from '../query/path-values';
import { valueKey } from '../query/value-key';
import type { CollectionStore } from './collection-store';
import { COMPONENT_SEPARATOR, type HashIndex } from './hash-index';

/** More combinations than this from `$in` lists on a compound index are not worth enumerating. */
const MAX_KEY_COMBINATIONS = 1000;
/** Candidate sets up to this size are evaluated document by document rather than made exact by a scan. */
const EVALUATE_BELOW = 1000;

/**
 * The `_id`s an index can vouch for. `exact` means they are precisely the documents the filter matches
 * (every clause was answered by an index in a way that cannot differ from evaluating it), so a count or
 * a sorted page needs no document decoded to decide membership; otherwise they are a superset and the
 * caller evaluates the filter on each.
 */
export interface QueryPlan {
  ids: ReadonlySet<string>;
  exact: boolean;
}

/**
 * The last plans of a collection, dropped when any document changes: a page and its count (two
 * commands) plan the same filter once. Only a couple, so it stays a planning shortcut, not a result cache.
 */
const MAX_CACHED_PLANS = 2;
const planCache = new WeakMap<CollectionStore, { version: number; plans: Map<string, QueryPlan | undefined> }>();

/**
 * Plans a filter: equality and `$in` on `_id` or on the fields of an index, equality on the leading
 * fields of a compound index, an anchored literal regex (`/^abc/`) on a string field after them; the
 * intersection of `$and` branches (which inherit the equalities beside them, as a tenant filter is)
 * and the union of `$or` branches. `undefined` means "scan".
 */
export function planQuery(store: CollectionStore, filter: Record<string, unknown>, stringsCollated: boolean): QueryPlan | undefined {
  let cache = planCache.get(store);
  if (!cache || cache.version !== store.version) planCache.set(store, (cache = { version: store.version, plans: new Map() }));
  const key = `${stringsCollated ? 'c' : 's'}${valueKey(filter)}`;
  if (cache.plans.has(key)) return cache.plans.get(key);
  const result = planDocument(store, filter, stringsCollated, new Map());
  const plan = result && { ids: result.ids, exact: result.exact };
  cache.plans.set(key, plan);
  if (cache.plans.size > MAX_CACHED_PLANS) cache.plans.delete(cache.plans.keys().next().value as string);
  return plan;
}

/** The candidates of a filter, a superset of its matches, or `undefined` for a scan. */
export function candidateIds(store: CollectionStore, filter: Record<string, unknown>, stringsCollated: boolean): string[] | undefined {
  const plan = planQuery(store, filter, stringsCollated);
  return plan && [...plan.ids];
}

interface Equality {
  values: unknown[];
  exact: boolean;
}

interface PlanResult {
  ids: Set<string>;
  exact: boolean;
  /** Inherited equality fields the ids already satisfy. */
  usedInherited: Set<string>;
}

interface Candidate {
  ids: Set<string>;
  exact: boolean;
  /** The clauses of this level (field names, `$and`, `$or`) the ids answer exactly when `exact`. */
  covers: string[];
  usedInherited: string[];
}

function planDocument(store: CollectionStore, filter: Record<string, unknown>, collated: boolean, inherited: Map<string, Equality>): PlanResult | undefined {
  const own = new Map<string, Equality>();
  const prefixes = new Map<string, { prefix: string; exact: boolean }>();
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) continue;
    const values = equalityValues(condition);
    if (values && !(collated && values.some(containsString))) {
      const alone = !isDocument(condition) || Object.keys(condition).length === 1;
      own.set(field, { values, exact: alone && !hasPositionalPart(field) && values.every(isExactScalar) });
      continue;
    }
    const prefix = collated ? undefined : literalPrefix(condition);
    if (prefix) prefixes.set(field, { prefix: prefix.text, exact: prefix.exact && !hasPositionalPart(field) });
  }
  const equalities = new Map([...inherited, ...own]);
  const candidates: Candidate[] = [];

  const andBranches = filter['$and'];
  if (Array.isArray(andBranches)) {
    const branches = andBranches.map((branch) => (isDocument(branch) ? planDocument(store, branch, collated, equalities) : undefined));
    const planned = branches.filter((plan): plan is PlanResult => plan !== undefined);
    if (planned.length > 0) {
      const used = planned.flatMap((plan) => [...plan.usedInherited]);
      candidates.push({
        ids: intersect(planned.map((plan) => plan.ids)),
        exact: planned.length === branches.length && planned.every((plan) => plan.exact),
        covers: ['$and', ...used.filter((field) => own.has(field))],
        usedInherited: used.filter((field) => !own.has(field)),
      });
    }
  }
  const orBranches = filter['$or'];
  if (Array.isArray(orBranches)) {
    const branches = orBranches.map((branch) => (isDocument(branch) ? planDocument(store, branch, collated, equalities) : undefined));
    if (branches.length > 0 && branches.every((plan) => plan !== undefined)) {
      const planned = branches as PlanResult[];
      const used = [...planned[0].usedInherited];
      const sameInherited = planned.every((plan) => plan.usedInherited.size === used.length && used.every((field) => plan.usedInherited.has(field)));
      candidates.push({
        ids: new Set(planned.flatMap((plan) => [...plan.ids])),
        exact: sameInherited && planned.every((plan) => plan.exact),
        covers: ['$or', ...used.filter((field) => own.has(field))],
        usedInherited: used.filter((field) => !own.has(field)),
      });
    }
  }

  const ids = own.get('_id');
  if (ids) {
    candidates.push({ ids: new Set(ids.values.map(valueKey).filter((key) => store.docs.has(key))), exact: ids.exact, covers: ['_id'], usedInherited: [] });
  }
  const partialScans: HashIndex[] = [];
  for (const index of store.indexes.values()) {
    if (!index.complete) continue;
    const leading = leadingEqualities(index, equalities);
    const next = index.fields[leading.length];
    const prefix = next === undefined ? undefined : prefixes.get(next);
    const usesOwn = leading.some((field) => own.has(field)) || prefix !== undefined;
    if (!usesOwn) continue;
    if (leading.length === index.fields.length || prefix) {
      const candidate = indexCandidate(index, leading, equalities, prefix?.prefix);
      if (candidate) candidates.push(describe(candidate, leading, prefix ? [next as string] : [], own, equalities, prefix?.exact ?? true));
    } else if (leading.length > 0) partialScans.push(index);
  }

  // Scanning a key prefix (the tenant of a compound index) may reach most of the collection, so it is
  // only done when there is nothing else, or to make a large candidate set exact (counting or paging
  // it then decodes nothing); a few hundred candidates are cheaper to evaluate than any scan.
  const clauses = Object.keys(filter);
  for (const index of partialScans.sort((a, b) => a.fields.length - b.fields.length)) {
    const smallest = Math.min(...candidates.map((c) => c.ids.size));
    if (smallest <= EVALUATE_BELOW) break;
    const covered = new Set(candidates.filter((c) => c.exact).flatMap((c) => c.covers));
    const leading = leadingEqualities(index, equalities);
    const helps = leading.some((field) => own.has(field) && !covered.has(field));
    if (!helps && candidates.length > 0) continue;
    const candidate = cachedPrefixScan(store, index, leading, equalities);
    if (candidate) candidates.push(describe(candidate, leading, [], own, equalities, true));
  }
  if (candidates.length === 0) return undefined;

  const exactOnes = candidates.filter((c) => c.exact);
  const coveredByExact = new Set(exactOnes.flatMap((c) => c.covers));
  if (clauses.every((clause) => coveredByExact.has(clause))) {
    return { ids: intersect(exactOnes.map((c) => c.ids)), exact: true, usedInherited: new Set(exactOnes.flatMap((c) => c.usedInherited)) };
  }
  const smallest = candidates.reduce((best, c) => (c.ids.size < best.ids.size ? c : best));
  return { ids: smallest.ids, exact: false, usedInherited: new Set(smallest.usedInherited) };
}

/** Key-prefix scans of a collection kept until it changes (a few, for the tenant or campaign of a walk). */
const MAX_CACHED_SCANS = 2;
const scanCache = new WeakMap<CollectionStore, { version: number; scans: Map<string, Set<string> | undefined> }>();

/**
 * A key-prefix scan (the leading equalities of a compound index), remembered while the collection is
 * unchanged: a walk pages through one campaign's members with a new `$gt` each page, so the plan
 * cache misses while the prefix (the campaign) stays the same.
 */
function cachedPrefixScan(store: CollectionStore, index: HashIndex, leading: string[], equalities: Map<string, Equality>): Set<string> | undefined {
  let cache = scanCache.get(store);
  if (!cache || cache.version !== store.version) scanCache.set(store, (cache = { version: store.version, scans: new Map() }));
  const key = `${index.name}\u0000${valueKey(leading.map((field) => equalities.get(field)?.values))}`;
  if (cache.scans.has(key)) return cache.scans.get(key);
  const ids = indexCandidate(index, leading, equalities, undefined);
  cache.scans.set(key, ids);
  if (cache.scans.size > MAX_CACHED_SCANS) cache.scans.delete(cache.scans.keys().next().value as string);
  return ids;
}

function describe(ids: Set<string>, leading: string[], ranged: string[], own: Map<string, Equality>, equalities: Map<string, Equality>, rangeExact: boolean): Candidate {
  const fields = [...leading, ...ranged];
  return {
    ids,
    exact: rangeExact && leading.every((field) => equalities.get(field)?.exact),
    covers: fields.filter((field) => own.has(field) || ranged.includes(field)),
    usedInherited: leading.filter((field) => !own.has(field)),
  };
}

function leadingEqualities(index: HashIndex, equalities: Map<string, Equality>): string[] {
  const leading: string[] = [];
  for (const field of index.fields) {
    if (!equalities.has(field)) break;
    leading.push(field);
  }
  return leading;
}

function indexCandidate(index: HashIndex, leading: string[], equalities: Map<string, Equality>, rangePrefix: string | undefined): Set<string> | undefined {
  const perField = leading.map((field) => equalities.get(field)?.values ?? []);
  if (index.spec.sparse && perField.some((values) => values.some((v) => v === null || v === undefined))) return undefined;
  let combos: unknown[][] = [[]];
  for (const values of perField) {
    combos = combos.flatMap((prefix) => values.map((v) => [...prefix, v]));
    if (combos.length > MAX_KEY_COMBINATIONS) return undefined;
  }
  const ids = new Set<string>();
  const whole = leading.length === index.fields.length;
  for (const combo of combos) {
    if (whole) {
      for (const id of index.lookup(index.keyOf(combo))) ids.add(id);
      continue;
    }
    const head = combo.map(valueKey);
    if (head.some((part) => part.includes(COMPONENT_SEPARATOR))) return undefined;
    const parts = rangePrefix === undefined ? [...head, ''] : [...head, `s${rangePrefix}`];
    index.collectPrefix(parts.join(COMPONENT_SEPARATOR), ids);
  }
  return ids;
}

function intersect(sets: Set<string>[]): Set<string> {
  if (sets.length === 1) return sets[0];
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const result = new Set<string>();
  for (const id of smallest) if (rest.every((set) => set.has(id))) result.add(id);
  return result;
}

/** The values an equality-like condition accepts, or undefined when it is not a plain equality. */
function equalityValues(condition: unknown): unknown[] | undefined {
  if (condition instanceof RegExp || Array.isArray(condition)) return undefined;
  if (!isDocument(condition)) return [condition];
  const keys = Object.keys(condition);
  if (!keys.some((key) => key.startsWith('$'))) return [condition];
  if ('$eq' in condition) return equalityValues(condition['$eq']);
  if (Array.isArray(condition['$in'])) {
    const plain = condition['$in'].every((v) => !(v instanceof RegExp) && !Array.isArray(v));
    return plain ? condition['$in'] : undefined;
  }
  return undefined;
}

/**
 * Scalars whose index entries match exactly the documents equality matches (the field equal to the
 * value, or an array holding it). null (also missing), documents and arrays are not: their equality
 * semantics differ from the entries' in corners, so those still get evaluated.
 */
function isExactScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || isNumeric(value) || value instanceof ObjectId || value instanceof Date;
}

/** A path part that is a number may name an array position, which index entries do not model. */
function hasPositionalPart(field: string): boolean {
  return field.split('.').some((part) => /^\d+$/.test(part));
}

const REGEX_SPECIAL = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
const QUANTIFIERS = new Set(['?', '*', '{']);

/**
 * The literal text an anchored regex condition requires every matching string to start with, and whether
 * the regex is exactly "starts with that text" (then index entries answer it without evaluation).
 * Flags i, m and x change what the text means, and an alternation can escape the anchor: no prefix then.
 */
export function literalPrefix(condition: unknown): { text: string; exact: boolean } | undefined {
  let source: string;
  let flags: string;
  if (condition instanceof RegExp) {
    source = condition.source;
    flags = condition.flags;
  } else if (isDocument(condition) && '$regex' in condition && Object.keys(condition).every((key) => key === '$regex' || key === '$options')) {
    const regex = condition['$regex'];
    const options = condition['$options'];
    if (options !== undefined && typeof options !== 'string') return undefined;
    if (regex instanceof RegExp) {
      source = regex.source;
      flags = regex.flags + (typeof options === 'string' ? options : '');
    } else if (typeof regex === 'string') {
      source = regex;
      flags = typeof options === 'string' ? options : '';
    } else return undefined;
  } else return undefined;
  if (/[imx]/.test(flags) || !source.startsWith('^') || source.includes('|')) return undefined;
  let text = '';
  let i = 1;
  for (; i < source.length; i++) {
    const char = source[i];
    let literal: string;
    let width = 1;
    if (char === '\\') {
      const escaped = source[i + 1];
      if (escaped === undefined || !REGEX_SPECIAL.has(escaped) && !/[-/ ,:;'"@#%&=<>!~`_]/.test(escaped)) break;
      literal = escaped;
      width = 2;
    } else if (REGEX_SPECIAL.has(char)) break;
    else literal = char;
    if (QUANTIFIERS.has(source[i + width])) break;
    text += literal;
    i += width - 1;
  }
  if (!text || text.includes(COMPONENT_SEPARATOR)) return undefined;
  return { text, exact: i === source.length };
}

function containsString(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(containsString);
  return isDocument(value) && Object.values(value).some(containsString);
}
