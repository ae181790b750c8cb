import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input, type DslExpr } from '../dsl-expr';
import { AGGREGATABLE, DOCS, aggregationOutput, first, fnSpec, materialized, named, retentionSpec, sig, storeSchema, storeSpecs, whenInputIs } from './common';

const signature = sig([['aggregate', 'V'], ['value', 'V']], 'V');
const schema = z.object({
  reducer: z.string().default('(aggregate, value) => value'),
  subtractor: z.string().optional(),
  ...storeSchema,
  retentionMs: z.number().min(0).nullable().optional(),
});
type Params = z.infer<typeof schema>;

/** reduce(): combine values per key; tables also need a subtractor. */
export const reduce: OperatorDescriptor<Params> = {
  kind: 'reduce',
  label: 'reduce',
  category: 'Aggregations',
  help: 'Combines the values of each key (and window) with a reducer. On a grouped table, a subtractor removes old values.',
  docsUrl: `${DOCS}#aggregating`,
  schema,
  defaults: { reducer: '(aggregate, value) => value', caching: true, logging: true },
  paramSpecs: [
    fnSpec('reducer', 'Reducer', signature, '(aggregate, value) => aggregate + value'),
    { ...fnSpec('subtractor', 'Subtractor', signature, '(aggregate, value) => aggregate - value', 'Grouped tables only.'), optional: true, visibleWhen: whenInputIs('KGroupedTable') },
    ...storeSpecs,
    retentionSpec,
  ],
  inputs: [{ name: 'in', label: 'grouped', accepts: AGGREGATABLE }],
  output: aggregationOutput,
  validate: (p, inputs) => (first(inputs)?.kind === 'KGroupedTable' && !p.subtractor?.trim() ? [{ code: 'E_PARAM_REQUIRED', param: 'subtractor', message: 'a grouped table needs a subtractor' }] : []),
  lower: (p, { node, inputs }) => {
    const args: DslExpr[] = [fn('reducer', signature)];
    if (first(inputs)?.kind === 'KGroupedTable') args.push(fn('subtractor', signature));
    return call(input('in'), 'reduce', ...args, named(node.name), materialized(p, node.name));
  },
};
