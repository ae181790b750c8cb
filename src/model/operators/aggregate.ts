import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input, type DslExpr } from '../dsl-expr';
import { AGGREGATABLE, DOCS, aggregationOutput, first, fnSpec, materialized, named, retentionSpec, sig, storeSchema, storeSpecs, whenInputIs } from './common';

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
  help: 'Folds the values of each key (and window) into an aggregate. Tables need a subtractor; session windows a merger.',
  docsUrl: `${DOCS}#aggregating`,
  schema,
  defaults: { initializer: '() => 0', aggregator: '(key, value, aggregate) => aggregate + 1', caching: true, logging: true },
  paramSpecs: [
    fnSpec('initializer', 'Initializer', initSig, '() => ({ count: 0, sum: 0 })'),
    fnSpec('aggregator', 'Aggregator', aggSig, '(key, value, agg) => ({ count: agg.count + 1, sum: agg.sum + value.amount })'),
    { ...fnSpec('subtractor', 'Subtractor', aggSig, '(key, value, agg) => ({ count: agg.count - 1, sum: agg.sum - value.amount })', 'Grouped tables only.'), optional: true, visibleWhen: whenInputIs('KGroupedTable') },
    { ...fnSpec('merger', 'Session merger', mergeSig, '(key, a, b) => ({ count: a.count + b.count, sum: a.sum + b.sum })', 'Session windows only.'), optional: true, visibleWhen: whenInputIs('SessionWindowedKStream') },
    ...storeSpecs,
    retentionSpec,
  ],
  inputs: [{ name: 'in', label: 'grouped', accepts: AGGREGATABLE }],
  output: aggregationOutput,
  validate: (p, inputs) => {
    const k = first(inputs)?.kind;
    if (k === 'KGroupedTable' && !p.subtractor?.trim()) return [{ code: 'E_PARAM_REQUIRED', param: 'subtractor', message: 'a grouped table needs a subtractor' }];
    if (k === 'SessionWindowedKStream' && !p.merger?.trim()) return [{ code: 'E_PARAM_REQUIRED', param: 'merger', message: 'session windows need a merger' }];
    return [];
  },
  lower: (p, { node, inputs }) => {
    const k = first(inputs)?.kind;
    const args: DslExpr[] = [fn('initializer', initSig), fn('aggregator', aggSig)];
    if (k === 'KGroupedTable') args.push(fn('subtractor', aggSig));
    if (k === 'SessionWindowedKStream') args.push(fn('merger', mergeSig));
    return call(input('in'), 'aggregate', ...args, named(node.name), materialized(p, node.name));
  },
};
