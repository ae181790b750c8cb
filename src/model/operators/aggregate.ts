import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input, type DslExpr } from '../dsl-expr';
import { AGGREGATABLE, COGROUPED, DOCS, aggregationOutput, first, fnSpec, isCogrouped, materialized, named, retentionSpec, sig, storeSchema, storeSpecs, whenInputIs } from './common';
import type { StreamKind } from '../types';

/** Hidden after a cogroup, whose aggregators are on the cogroup node. */
const notAfterCogroup = (_p: Record<string, unknown>, kinds: readonly StreamKind[]) => !kinds.some(isCogrouped);

const initSig = sig([], 'VA');
const aggSig = sig([['key', 'K'], ['value', 'V'], ['aggregate', 'VA']], 'VA');
const mergeSig = sig([['key', 'K'], ['aggregate1', 'VA'], ['aggregate2', 'VA']], 'VA');
const schema = z.object({
  initializer: z.string().default('() => 0'),
  aggregator: z.string().default('(key, value, aggregate) => aggregate + 1'),
  subtractor: z.string().optional(),
  merger: z.string().optional(),
  ...storeSchema,
  retentionMs: z.number().min(0).nullable().optional(),
});
type Params = z.infer<typeof schema>;

/** aggregate(): fold values per key into an aggregate of any type. */
export const aggregate: OperatorDescriptor<Params> = {
  kind: 'aggregate',
  label: 'aggregate',
  category: 'Aggregations',
  help: 'Folds the values of each key (and window) into an aggregate. Tables need a subtractor; session windows a merger. After a cogroup: only the initializer (and merger).',
  docsUrl: `${DOCS}#aggregating`,
  schema,
  defaults: { initializer: '() => 0', aggregator: '(key, value, aggregate) => aggregate + 1', caching: true, logging: true },
  paramSpecs: [
    fnSpec('initializer', 'Initializer', initSig, '() => ({ count: 0, sum: 0 })'),
    { ...fnSpec('aggregator', 'Aggregator', aggSig, '(key, value, agg) => ({ count: agg.count + 1, sum: agg.sum + value.amount })'), visibleWhen: notAfterCogroup },
    { ...fnSpec('subtractor', 'Subtractor', aggSig, '(key, value, agg) => ({ count: agg.count - 1, sum: agg.sum - value.amount })', 'Grouped tables only.'), optional: true, visibleWhen: whenInputIs('KGroupedTable') },
    { ...fnSpec('merger', 'Session merger', mergeSig, '(key, a, b) => ({ count: a.count + b.count, sum: a.sum + b.sum })', 'Session windows only.'), optional: true, visibleWhen: whenInputIs('SessionWindowedKStream', 'SessionWindowedCogroupedKStream') },
    ...storeSpecs,
    retentionSpec,
  ],
  inputs: [{ name: 'in', label: 'grouped', accepts: [...AGGREGATABLE, ...COGROUPED] }],
  output: (inputs) => aggregationOutput(inputs, undefined, true),
  validate: (p, inputs) => {
    const k = first(inputs)?.kind;
    if (k === 'SessionWindowedCogroupedKStream' && !p.merger?.trim()) return [{ code: 'E_PARAM_REQUIRED', param: 'merger', message: 'session windows need a merger' }];
    if (k === 'KGroupedTable' && !p.subtractor?.trim()) return [{ code: 'E_PARAM_REQUIRED', param: 'subtractor', message: 'a grouped table needs a subtractor' }];
    if (k === 'SessionWindowedKStream' && !p.merger?.trim()) return [{ code: 'E_PARAM_REQUIRED', param: 'merger', message: 'session windows need a merger' }];
    return [];
  },
  lower: (p, { node, inputs }) => {
    const k = first(inputs)?.kind;
    // CogroupedKStream#aggregate(initializer[, merger], Named, Materialized): the aggregators are the cogroup's.
    if (isCogrouped(k)) {
      const cogroupArgs = k === 'SessionWindowedCogroupedKStream' ? [fn('initializer', initSig), fn('merger', mergeSig)] : [fn('initializer', initSig)];
      return call(input('in'), 'aggregate', ...cogroupArgs, named(node.name), materialized(p, node.name));
    }
    const args: DslExpr[] = [fn('initializer', initSig), fn('aggregator', aggSig)];
    if (k === 'KGroupedTable') args.push(fn('subtractor', aggSig));
    if (k === 'SessionWindowedKStream') args.push(fn('merger', mergeSig));
    return call(input('in'), 'aggregate', ...args, named(node.name), materialized(p, node.name));
  },
};
