import { Binary, Decimal128, Long, ObjectId } from 'bson';
import { evalExpr } from 'mingo/core';
import { $push } from 'mingo/operators/accumulator';
import { $toString as mingoToString } from 'mingo/operators/expression/type';
import type { AnyObject, Options } from 'mingo/types';
import { MongoServerError, notSupported } from '../errors';
import { compareValues } from './bson-order';
import { bsonTypeName } from './bson-type-name';
import type { AccumulatorFn, ExpressionFn } from './operator-types';

const mingoToStringFn = mingoToString as unknown as ExpressionFn;
const pushFn = $push as unknown as AccumulatorFn;

/** Expression and accumulator operators mingo lacks or answers differently for BSON types. */

const toObjectId: ExpressionFn = (obj: AnyObject, expr: unknown, options: Options) => {
  const value = evalExpr(obj, expr, options);
  if (value === null || value === undefined) return null;
  if (value instanceof ObjectId) return value;
  if (typeof value === 'string' && /^[0-9a-fA-F]{24}$/.test(value)) return new ObjectId(value);
  throw new MongoServerError('ConversionFailure', `Failed to parse objectId '${String(value)}' in $convert with no onError value`);
};

const toString: ExpressionFn = (obj: AnyObject, expr: unknown, options: Options) => {
  const value = evalExpr(obj, expr, options);
  if (value instanceof ObjectId) return value.toHexString();
  if (value instanceof Decimal128 || value instanceof Long) return value.toString();
  if (value instanceof Binary && value.sub_type === Binary.SUBTYPE_UUID) return value.toUUID().toString();
  return mingoToStringFn(obj, { $literal: value }, options);
};

const typeOf: ExpressionFn = (obj: AnyObject, expr: unknown, options: Options) => bsonTypeName(evalExpr(obj, expr, options));

/** Arithmetic on Decimal128 or a Long beyond 2^53 would be skipped or garbled by mingo; refuse it. */
function plainNumber(value: unknown, operator: string): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof Decimal128 || value instanceof Long || typeof value === 'bigint') {
    throw notSupported(`${operator} over Decimal128 or 64-bit integers beyond 2^53`);
  }
  return undefined;
}

/** Evaluates an accumulator's expression for each document of a group, as mingo's own accumulators do. */
function groupValues(collection: AnyObject[], expr: unknown, options: Options): unknown[] {
  return pushFn(collection, expr, options) as unknown[];
}

const sum: AccumulatorFn = (collection: AnyObject[], expr: unknown, options: Options) => {
  let total = 0;
  for (const value of groupValues(collection, expr, options)) total += plainNumber(value, '$sum') ?? 0;
  return total;
};

const avg: AccumulatorFn = (collection: AnyObject[], expr: unknown, options: Options) => {
  let total = 0;
  let count = 0;
  for (const item of groupValues(collection, expr, options)) {
    const value = plainNumber(item, '$avg');
    if (value === undefined) continue;
    total += value;
    count++;
  }
  return count ? total / count : null;
};

function extreme(sign: 1 | -1): AccumulatorFn {
  return (collection: AnyObject[], expr: unknown, options: Options) => {
    let best: unknown = null;
    for (const value of groupValues(collection, expr, options)) {
      if (value === null || value === undefined) continue;
      if (best === null || sign * compareValues(value, best) > 0) best = value;
    }
    return best;
  };
}

export const EXPRESSION_OPERATOR_OVERRIDES: Record<`$${string}`, ExpressionFn> = {
  $toObjectId: toObjectId,
  $toString: toString,
  $type: typeOf,
};

export const ACCUMULATOR_OPERATOR_OVERRIDES: Record<`$${string}`, AccumulatorFn> = {
  $sum: sum,
  $avg: avg,
  $max: extreme(1),
  $min: extreme(-1),
};
