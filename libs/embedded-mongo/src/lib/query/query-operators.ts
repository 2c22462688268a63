import type { AnyObject, Options } from 'mingo/types';
import { flatten, isArray, isRegExp, resolve } from 'mingo/util';
import { MongoServerError, notSupported } from '../errors';
import { compareValues, stringComparer, typeBracket, type StringComparer } from './bson-order';
import { assertKnownBsonType, matchesBsonType } from './bson-type-name';
import type { QueryFn } from './operator-types';
import { typedView } from './typed-view';

type Predicate = (lhs: unknown, rhs: unknown, strings: StringComparer, depth: number) => boolean;

/**
 * Query operators that replace mingo's where mingo answers differently from MongoDB: equality and order
 * across numeric types (Long, Decimal128), BSON type order, and collation on equality (mingo applies a
 * collation to sorting only).
 */
function fieldOperator(predicate: Predicate): QueryFn {
  return (selector: string, value: unknown, options: Options) => {
    const depth = selector.split('.').length - 1;
    const strings = stringComparer(options.collation);
    return (obj: AnyObject) => predicate(resolve(obj, selector, { unwrapArray: true }), value, strings, depth);
  };
}

function candidates(lhs: unknown, depth: number): unknown[] {
  if (!isArray(lhs)) return [lhs];
  return [lhs, ...lhs, ...(depth > 0 ? flatten(lhs, depth) : [])];
}

const equals: Predicate = (lhs, rhs, strings, depth) => {
  if (isRegExp(rhs)) return candidates(lhs, depth).some((v) => typeof v === 'string' && rhs.test(v));
  return candidates(lhs, depth).some((v) => typeBracket(v) === typeBracket(rhs) && compareValues(v, rhs, strings) === 0);
};

const inList: Predicate = (lhs, rhs, strings, depth) => {
  if (!isArray(rhs)) throw new MongoServerError('BadValue', '$in needs an array');
  return rhs.some((item) => equals(lhs, item, strings, depth));
};

function ordered(test: (order: number) => boolean): Predicate {
  return (lhs, rhs, strings, depth) =>
    candidates(lhs, depth).some((v) => typeBracket(v) === typeBracket(rhs) && test(compareValues(v, rhs, strings)));
}

const typeMatches: QueryFn = (selector: string, value: unknown) => {
  const wanted = isArray(value) ? value : [value];
  wanted.forEach(assertKnownBsonType);
  return (obj: AnyObject) => {
    const lhs = resolve(typedView(obj) ?? obj, selector, { unwrapArray: true });
    if (lhs === undefined) return false;
    const values = isArray(lhs) ? [lhs, ...lhs] : [lhs];
    return values.some((v) => wanted.some((t) => matchesBsonType(v, t)));
  };
};

function unsupported(name: string): QueryFn {
  return () => {
    throw notSupported(`The ${name} query operator`);
  };
}

export const QUERY_OPERATOR_OVERRIDES: Record<`$${string}`, QueryFn> = {
  $eq: fieldOperator(equals),
  $ne: fieldOperator((l, r, s, d) => !equals(l, r, s, d)),
  $in: fieldOperator(inList),
  $nin: fieldOperator((l, r, s, d) => !inList(l, r, s, d)),
  $gt: fieldOperator(ordered((c) => c > 0)),
  $gte: fieldOperator(ordered((c) => c >= 0)),
  $lt: fieldOperator(ordered((c) => c < 0)),
  $lte: fieldOperator(ordered((c) => c <= 0)),
  $type: typeMatches,
  $text: unsupported('$text'),
  $near: unsupported('$near'),
  $nearSphere: unsupported('$nearSphere'),
  $geoWithin: unsupported('$geoWithin'),
  $geoIntersects: unsupported('$geoIntersects'),
};
