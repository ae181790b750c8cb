import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input } from '../dsl-expr';
import { DOCS, KV_SIG, fnSchema, fnSpec, named, sameKindAs, tableStoreArg, tableStoreSpec } from './common';
import { historyRetentionSchema, tableCachingSchema, tableCachingSpec, tableHistoryRetentionSpec } from './versioned';

const signature = KV_SIG('boolean');
const schema = z.object({ predicate: fnSchema('(key, value) => false'), storeName: z.string().optional(), historyRetentionMs: historyRetentionSchema, caching: tableCachingSchema });
type Params = z.infer<typeof schema>;

/** KStream#filterNot and KTable#filterNot: drop records the predicate accepts. */
export const filterNot: OperatorDescriptor<Params> = {
  kind: 'filterNot',
  label: 'filterNot',
  category: 'Stateless',
  help: 'Drops the records for which the predicate returns true.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { predicate: '(key, value) => false' },
  paramSpecs: [fnSpec('predicate', 'Predicate', signature, '(key, value) => value === null'), tableStoreSpec, tableHistoryRetentionSpec, tableCachingSpec],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream', 'KTable'] }],
  output: sameKindAs(['KStream', 'KTable']),
  lower: (p, { node, inputs }) => call(input('in'), 'filterNot', fn('predicate', signature), named(node.name), ...tableStoreArg(p, inputs, node.name)),
};
