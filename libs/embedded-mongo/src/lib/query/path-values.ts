/**
 * Every value a dotted path reaches in a document, descending through arrays of sub-documents the way
 * MongoDB index keys and sort keys do. A path that ends nowhere contributes `undefined` (which MongoDB
 * indexes and sorts as null). Leaf arrays are returned whole; callers decide whether to expand them.
 */
export function pathValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], depth: number, out: unknown[]): void {
  if (depth === parts.length) {
    out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    const part = parts[depth];
    if (/^\d+$/.test(part) && Number(part) < value.length) {
      collect(value[Number(part)], parts, depth + 1, out);
      return;
    }
    const before = out.length;
    for (const element of value) {
      if (isDocument(element)) collect(element, parts, depth, out);
    }
    if (out.length === before) out.push(undefined);
    return;
  }
  if (isDocument(value) && Object.prototype.hasOwnProperty.call(value, parts[depth])) {
    collect(value[parts[depth]], parts, depth + 1, out);
    return;
  }
  out.push(undefined);
}

export function isDocument(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Leaf arrays expanded to their elements; an empty array stays as one empty-array value. */
export function expandLeafArrays(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    if (Array.isArray(value) && value.length > 0) out.push(...value);
    else out.push(value);
  }
  return out;
}
