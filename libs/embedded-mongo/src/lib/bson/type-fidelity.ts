import { Double, Long } from 'bson';

/**
 * mingo evaluates updates on promoted documents, where 5.0, Int32(5) and Long(5) are all the number 5.
 * Re-encoding that number would turn a double or a Long into an int32. `hint` is the same document
 * decoded with its wrappers (or a typed operand of the update): every number that still holds the
 * hinted value gets its original wrapper back, and a changed number keeps its original width.
 */
export function restoreNumberTypes(value: unknown, hint: unknown): unknown {
  if (typeof value === 'number') return restoreNumber(value, hint);
  if (Array.isArray(value)) {
    if (!Array.isArray(hint)) return value;
    for (let i = 0; i < value.length; i++) value[i] = restoreNumberTypes(value[i], hint[i]);
    return value;
  }
  if (isPlainObject(value) && isPlainObject(hint)) {
    for (const key of Object.keys(value)) value[key] = restoreNumberTypes(value[key], hint[key]);
  }
  return value;
}

function restoreNumber(value: number, hint: unknown): unknown {
  if (hint instanceof Double) return hint.value === value ? hint : new Double(value);
  if (hint instanceof Long) {
    if (hint.toNumber() === value) return hint;
    return Number.isInteger(value) ? Long.fromNumber(value) : value;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
