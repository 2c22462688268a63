import type { Iterator } from 'mingo/lazy';
import type { AnyObject, Options } from 'mingo/types';

/**
 * Plain signatures for the operators we register. mingo types each operator family as the intersection
 * of all its members' signatures, which no single new function can satisfy; mingo-context.ts casts once.
 */
export type QueryFn = (selector: string, value: unknown, options: Options) => (obj: AnyObject) => boolean;
export type ExpressionFn = (obj: AnyObject, expr: unknown, options: Options) => unknown;
export type AccumulatorFn = (collection: AnyObject[], expr: unknown, options: Options) => unknown;
export type PipelineFn<E = unknown> = (collection: Iterator, expr: E, options: Options) => Iterator;
