import { isDocument } from '../query/path-values';
import { valueKey } from '../query/value-key';
import type { CollectionStore } from './collection-store';
import type { HashIndex } from './hash-index';

/** More combinations than this from `$in` lists on a compound index are not worth enumerating. */
const MAX_KEY_COMBINATIONS = 1000;

/**
 * Narrows a filter to the `_id`s an index can vouch for: equality and `$in` on `_id` or on the fields of
 * a hash index, and the best branch of `$and` / the union of `$or`. The result is a superset of the
 * matches; the caller still evaluates the whole filter on each candidate. `undefined` means "scan".
 */
export function candidateIds(store: CollectionStore, filter: Record<string, unknown>, stringsCollated: boolean): string[] | undefined {
  const plans: string[][] = [];
  const equalities = new Map<string, unknown[]>();
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const branch of condition) {
        const plan = isDocument(branch) ? candidateIds(store, branch, stringsCollated) : undefined;
        if (plan) plans.push(plan);
      }
    } else if (field === '$or' && Array.isArray(condition)) {
      const branches = condition.map((branch) => (isDocument(branch) ? candidateIds(store, branch, stringsCollated) : undefined));
      if (branches.every((plan) => plan !== undefined)) plans.push([...new Set(branches.flat() as string[])]);
    } else if (!field.startsWith('$')) {
      const values = equalityValues(condition);
      if (values && !(stringsCollated && values.some(containsString))) equalities.set(field, values);
    }
  }
  const ids = equalities.get('_id');
  if (ids) plans.push(ids.map(valueKey).filter((key) => store.docs.has(key)));
  for (const index of store.indexes.values()) {
    const plan = indexPlan(index, equalities);
    if (plan) plans.push(plan);
  }
  if (plans.length === 0) return undefined;
  return plans.reduce((best, plan) => (plan.length < best.length ? plan : best));
}

function indexPlan(index: HashIndex, equalities: Map<string, unknown[]>): string[] | undefined {
  if (!index.complete) return undefined;
  const perField = index.fields.map((field) => equalities.get(field));
  if (perField.some((values) => values === undefined)) return undefined;
  if (index.spec.sparse && perField.some((values) => values?.some((v) => v === null))) return undefined;
  let combos: unknown[][] = [[]];
  for (const values of perField as unknown[][]) {
    combos = combos.flatMap((prefix) => values.map((v) => [...prefix, v]));
    if (combos.length > MAX_KEY_COMBINATIONS) return undefined;
  }
  const ids = new Set<string>();
  for (const combo of combos) for (const id of index.lookup(index.keyOf(combo))) ids.add(id);
  return [...ids];
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

function containsString(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(containsString);
  return isDocument(value) && Object.values(value).some(containsString);
}
