import type { Document } from 'bson';
import { toServerError } from '../errors';
import { orderLikeInput } from './field-order';
import { compileFilter, type EvaluationOptions } from './mingo-context';

/**
 * A find-style projection (inclusion, exclusion, `$slice`, `$elemMatch`, `field.$`). The filter is
 * compiled with it because the positional `$` projects the element the filter matched.
 */
export function projectDocuments(docs: Document[], projection: Document, filter: Document, options?: EvaluationOptions): Document[] {
  try {
    const projected = compileFilter(filter, options).find(docs, projection).all() as Document[];
    return projected.map((doc, i) => orderLikeInput(doc, docs[i], projection) as Document);
  } catch (error) {
    throw toServerError(error);
  }
}
