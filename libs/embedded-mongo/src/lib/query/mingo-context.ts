import { Aggregator } from 'mingo/aggregator';
import { Context, ProcessingMode } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { AnyObject, CollationSpec, CollectionResolver, Options } from 'mingo/types';
import { ACCUMULATOR_OPERATOR_OVERRIDES, EXPRESSION_OPERATOR_OVERRIDES } from './expression-operators';
import { PIPELINE_OPERATOR_OVERRIDES } from './pipeline-operators';
import { QUERY_OPERATOR_OVERRIDES } from './query-operators';

/**
 * One mingo Context holding every operator with ours in place of mingo's. It is built from the base
 * classes (mingo/query, mingo/aggregator) because the `mingo` entry point merges its defaults over any
 * context passed in, so an override given through `options.context` would never be used.
 */
const CONTEXT = Context.init({
  accumulator: { ...accumulatorOperators, ...ACCUMULATOR_OPERATOR_OVERRIDES },
  expression: { ...expressionOperators, ...EXPRESSION_OPERATOR_OVERRIDES },
  pipeline: { ...pipelineOperators, ...PIPELINE_OPERATOR_OVERRIDES },
  projection: { ...projectionOperators },
  query: { ...queryOperators, ...QUERY_OPERATOR_OVERRIDES },
  window: { ...windowOperators },
} as unknown as Parameters<typeof Context.init>[0]);

export interface EvaluationOptions {
  collation?: CollationSpec;
  variables?: AnyObject;
  collectionResolver?: CollectionResolver;
}

export function mingoOptions(extra: EvaluationOptions = {}): Options {
  return {
    idKey: '_id',
    processingMode: ProcessingMode.CLONE_OFF,
    useStrictMode: true,
    scriptEnabled: true,
    failOnError: true,
    context: CONTEXT,
    ...(extra.collation && extra.collation.locale !== 'simple' ? { collation: extra.collation } : {}),
    ...(extra.variables ? { variables: extra.variables } : {}),
    ...(extra.collectionResolver ? { collectionResolver: extra.collectionResolver } : {}),
  };
}

export function compileFilter(filter: AnyObject, extra?: EvaluationOptions): Query {
  return new Query(filter, mingoOptions(extra));
}

export function compilePipeline(pipeline: AnyObject[], extra?: EvaluationOptions): Aggregator {
  return new Aggregator(pipeline, mingoOptions(extra));
}
