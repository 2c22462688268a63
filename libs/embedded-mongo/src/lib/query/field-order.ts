import { isDocument } from './path-values';

/**
 * mingo emits projected fields sorted by name; MongoDB keeps the input document's order for kept fields
 * and appends computed ones in the order the projection names them. This restores MongoDB's order.
 */
export function orderLikeInput(output: unknown, input: unknown, spec: Record<string, unknown>): unknown {
  if (!isDocument(output) || !isDocument(input)) return output;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (key in output) ordered[key] = orderLikeInput(output[key], input[key], {});
  }
  for (const path of Object.keys(spec)) {
    const key = path.split('.')[0];
    if (key in output && !(key in ordered)) ordered[key] = output[key];
  }
  for (const key of Object.keys(output)) {
    if (!(key in ordered)) ordered[key] = output[key];
  }
  return ordered;
}
