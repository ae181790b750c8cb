import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input } from '../dsl-expr';
import { DOCS, KV_SIG, fnSchema, fnSpec, named, sameKindAs, tableStoreArg, tableStoreSpec } from './common';
import { historyRetentionSchema, tableCachingSchema, tableCachingSpec, tableHistoryRetentionSpec } from './versioned';

const signature = KV_SIG('boolean');
const schema = z.object({ predicate: fnSchema('(key, value) => true'), storeName: z.string().optional(), historyRetentionMs: historyRetentionSchema, caching: tableCachingSchema });
type Params = z.infer<typeof schema>;

/** KStream#filter and KTable#filter: keep records the predicate accepts. */
export const filter: OperatorDescriptor<Params> = {
  kind: 'filter',
  label: 'filter',
  category: 'Stateless',
  help: 'Keeps the records for which the predicate returns true. On a table, rejected keys become tombstones.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { predicate: '(key, value) => true' },
  paramSpecs: [fnSpec('predicate', 'Predicate', signature, '(key, value) => value.amount > 100'), tableStoreSpec, tableHistoryRetentionSpec, tableCachingSpec],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream', 'KTable'] }],
  output: sameKindAs(['KStream', 'KTable']),
  lower: (p, { node, inputs }) => call(input('in'), 'filter', fn('predicate', signature), named(node.name), ...tableStoreArg(p, inputs, node.name)),
};
