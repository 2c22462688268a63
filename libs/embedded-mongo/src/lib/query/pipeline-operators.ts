import { Lazy } from 'mingo/lazy';
import { $lookup as mingoLookup, $project as mingoProject } from 'mingo/operators/pipeline';
import type { AnyObject, Options } from 'mingo/types';
import { cloneDeep, resolve, setValue } from 'mingo/util';
import { notSupported } from '../errors';
import { stringComparer } from './bson-order';
import { orderLikeInput } from './field-order';
import type { PipelineFn } from './operator-types';
import { sortDocuments, type SortSpec } from './sort';

const mingoLookupFn = mingoLookup as unknown as PipelineFn<{ as: string }>;
const mingoProjectFn = mingoProject as unknown as PipelineFn<AnyObject>;

const sort: PipelineFn<SortSpec> = (collection, spec, options: Options) => {
  const docs = collection.collect<AnyObject>();
  return Lazy(sortDocuments(docs, spec, stringComparer(options.collation)));
};

/**
 * mingo's $lookup puts the same joined object into every matching output document, and later stages
 * mutate objects in place; each output gets its own copy so a `$set` on one does not show up in another.
 */
const lookup: PipelineFn<{ as: string }> = (collection, expr, options) =>
  mingoLookupFn(collection, expr, options).map((doc: AnyObject) => {
    setValue(doc, expr.as, cloneDeep(resolve(doc, expr.as)));
    return doc;
  });

const project: PipelineFn<AnyObject> = (collection, spec, options) => {
  const inputs = collection.collect<AnyObject>();
  const outputs = mingoProjectFn(Lazy(inputs), spec, options).collect<unknown>();
  return Lazy(outputs.map((output, i) => orderLikeInput(output, inputs[i], spec)));
};

function unsupported(name: string): PipelineFn {
  return () => {
    throw notSupported(`The ${name} aggregation stage`);
  };
}

const UNSUPPORTED_STAGES = [
  '$out',
  '$merge',
  '$geoNear',
  '$search',
  '$searchMeta',
  '$vectorSearch',
  '$changeStream',
  '$collStats',
  '$indexStats',
  '$currentOp',
  '$listSessions',
  '$listLocalSessions',
  '$planCacheStats',
] as const;

export const PIPELINE_OPERATOR_OVERRIDES: Record<`$${string}`, PipelineFn<never>> = {
  $sort: sort,
  $lookup: lookup,
  $project: project,
  ...Object.fromEntries(UNSUPPORTED_STAGES.map((name) => [name, unsupported(name)])),
};
