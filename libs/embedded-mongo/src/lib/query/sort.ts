import { MinKey } from 'bson';
import { MongoServerError, notSupported } from '../errors';
import { compareValues, type StringComparer } from './bson-order';
import { expandLeafArrays, pathValues } from './path-values';

export type SortSpec = Record<string, unknown>;

const EMPTY_ARRAY_KEY = new MinKey();

/**
 * Sorts in MongoDB's order: BSON type order across types, and an array field sorts by its smallest
 * element ascending and its largest descending (an empty array before null).
 */
export function sortDocuments<T>(items: T[], spec: SortSpec, strings: StringComparer, view: (item: T) => unknown = (x) => x): T[] {
  const fields = Object.entries(spec).map(([path, direction]) => {
    if (typeof direction === 'object' && direction !== null) throw notSupported('$meta sort');
    const dir = Number(direction);
    if (dir !== 1 && dir !== -1) throw new MongoServerError('BadValue', '$sort key ordering must be 1 (for ascending) or -1 (for descending)');
    return { path, dir };
  });
  const keyed = items.map((item) => ({
    item,
    keys: fields.map(({ path, dir }) => sortKey(view(item), path, dir, strings)),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compareValues(a.keys[i], b.keys[i], strings);
      if (order) return order * fields[i].dir;
    }
    return 0;
  });
  return keyed.map((entry) => entry.item);
}

function sortKey(doc: unknown, path: string, dir: number, strings: StringComparer): unknown {
  const values = expandLeafArrays(pathValues(doc, path)).map((v) =>
    Array.isArray(v) && v.length === 0 ? EMPTY_ARRAY_KEY : v,
  );
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    if (compareValues(values[i], best, strings) * dir < 0) best = values[i];
  }
  return best;
}
