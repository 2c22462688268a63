import { Decimal128, Long, ObjectId, type Document } from 'bson';
import type { CollationSpec } from 'mingo/types';
import { update as mingoUpdate, updateOne as mingoUpdateOne, type Modifier, type PipelineStage } from 'mingo/updater';
import { resolve } from 'mingo/util';
import { restoreNumberTypes } from '../bson/type-fidelity';
import { MongoServerError, notSupported, toServerError } from '../errors';
import { mingoOptions } from './mingo-context';
import { isDocument } from './path-values';
import { valueKey } from './value-key';

/** The `u` of an update statement, classified once per statement. */
export type UpdateSpec =
  | { kind: 'replacement'; typed: Document }
  | { kind: 'operators'; modifier: Document; typed: Document }
  | { kind: 'pipeline'; stages: Document[] };

export function parseUpdate(update: unknown, typed: unknown): UpdateSpec {
  if (Array.isArray(update)) return { kind: 'pipeline', stages: update as Document[] };
  if (!isDocument(update)) throw new MongoServerError('FailedToParse', 'Update argument must be either an object or an array');
  const keys = Object.keys(update);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return { kind: 'replacement', typed: typed as Document };
  if (operators.length !== keys.length) {
    const plain = keys.find((key) => !key.startsWith('$'));
    throw new MongoServerError('FailedToParse', `Unknown modifier: ${plain}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  return { kind: 'operators', modifier: update, typed: typed as Document };
}

export interface ApplyOptions {
  filter: Document;
  arrayFilters?: Document[];
  collation?: CollationSpec;
  variables?: Document;
  /** The document is being created by an upsert: `$setOnInsert` applies. */
  inserting: boolean;
}

/**
 * Applies an update to a decoded document (`current`, with `typedCurrent` its typed twin) and returns the
 * new document, ready to encode, with `_id` first and every untouched number in its original BSON type.
 */
export function applyUpdate(spec: UpdateSpec, current: Document, typedCurrent: Document, options: ApplyOptions): Document {
  let next: Document;
  if (spec.kind === 'replacement') {
    next = { ...spec.typed };
    if (next['_id'] === undefined && current['_id'] !== undefined) next['_id'] = typedCurrent['_id'];
  } else if (spec.kind === 'pipeline') {
    next = runPipeline(spec.stages, current, options);
    restoreNumberTypes(next, typedCurrent);
  } else {
    next = runOperators(spec, current, options);
    restoreNumberTypes(next, typedCurrent);
    restoreOperandTypes(next, spec.typed, options.inserting);
  }
  if (current['_id'] !== undefined && valueKey(next['_id']) !== valueKey(current['_id'])) {
    throw new MongoServerError(
      'ImmutableField',
      `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(next['_id'])}`,
    );
  }
  const { _id, ...rest } = next;
  return { _id: _id ?? new ObjectId(), ...rest };
}

function runOperators(spec: Extract<UpdateSpec, { kind: 'operators' }>, current: Document, options: ApplyOptions): Document {
  const { $setOnInsert, ...modifier } = spec.modifier;
  checkArithmetic(modifier, current);
  const doc = current;
  const queryOptions = mingoOptions({ collation: options.collation, variables: options.variables });
  try {
    if (Object.keys(modifier).length) mingoUpdate(doc, modifier as Modifier<Document>, options.arrayFilters, options.filter, { queryOptions });
    if (options.inserting && isDocument($setOnInsert)) mingoUpdate(doc, { $set: $setOnInsert }, undefined, undefined, { queryOptions });
  } catch (error) {
    throw toServerError(error);
  }
  return doc;
}

function runPipeline(stages: Document[], current: Document, options: ApplyOptions): Document {
  const docs = [current];
  try {
    mingoUpdateOne(docs, {}, stages as PipelineStage[], { let: options.variables }, mingoOptions({ collation: options.collation }));
  } catch (error) {
    throw toServerError(error);
  }
  return docs[0];
}

/** mingo skips `$inc` on a non-number silently; MongoDB refuses with TypeMismatch. */
function checkArithmetic(modifier: Document, doc: Document): void {
  for (const operator of ['$inc', '$mul'] as const) {
    const fields = modifier[operator];
    if (!isDocument(fields)) continue;
    for (const [path, amount] of Object.entries(fields)) {
      if (amount instanceof Decimal128 || amount instanceof Long) throw notSupported(`${operator} with a Decimal128 or 64-bit operand beyond 2^53`);
      if (typeof amount !== 'number') {
        throw new MongoServerError('TypeMismatch', `Cannot ${operator === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(amount)}}`);
      }
      if (path.includes('$')) continue;
      const value = resolve(doc, path);
      if (value === undefined || typeof value === 'number') continue;
      if (value instanceof Decimal128 || value instanceof Long) throw notSupported(`${operator} on a Decimal128 or 64-bit field beyond 2^53`);
      throw new MongoServerError(
        'TypeMismatch',
        `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(String(doc['_id']))}} has the field '${path}' of non-numeric type ${typeName(value)}`,
      );
    }
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return value instanceof Date ? 'date' : 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

/** Values written by `$set` / `$setOnInsert` keep the BSON number type the client sent (5.0 stays double). */
function restoreOperandTypes(doc: Document, typedModifier: Document, inserting: boolean): void {
  const operands = [typedModifier['$set'], inserting ? typedModifier['$setOnInsert'] : undefined];
  for (const fields of operands) {
    if (!isDocument(fields)) continue;
    for (const [path, typedValue] of Object.entries(fields)) {
      if (path.includes('$')) continue;
      const parts = path.split('.');
      let parent: unknown = doc;
      for (const part of parts.slice(0, -1)) parent = isDocument(parent) ? parent[part] : undefined;
      const last = parts[parts.length - 1];
      if (isDocument(parent) && last in parent) parent[last] = restoreNumberTypes(parent[last], typedValue);
    }
  }
}

/**
 * The document an upsert starts from: the filter's equality conditions (plain values and `$eq`, also
 * inside `$and`), dotted paths expanded, as MongoDB seeds it.
 */
export function upsertSeed(filter: Document): Document {
  const seed: Document = {};
  const visit = (conditions: Document): void => {
    for (const [path, condition] of Object.entries(conditions)) {
      if (path === '$and' && Array.isArray(condition)) {
        condition.filter(isDocument).forEach(visit);
        continue;
      }
      if (path.startsWith('$')) continue;
      let value: unknown = condition;
      if (isDocument(condition) && Object.keys(condition).some((key) => key.startsWith('$'))) {
        if (!('$eq' in condition)) continue;
        value = condition['$eq'];
      }
      if (value instanceof RegExp) continue;
      setPath(seed, path, value);
    }
  };
  visit(filter);
  return seed;
}

function setPath(target: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isDocument(node[part])) node[part] = {};
    node = node[part] as Document;
  }
  node[parts[parts.length - 1]] = value;
}
