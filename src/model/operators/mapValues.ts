import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input } from '../dsl-expr';
import { DOCS, fnSchema, fnSpec, named, sameKindAs, tableStoreArg, tableStoreSpec, sig } from './common';
import { historyRetentionSchema, tableCachingSchema, tableCachingSpec, tableHistoryRetentionSpec } from './versioned';

const signature = sig([['value', 'V'], ['key', 'K']], 'unknown');
const schema = z.object({ mapper: fnSchema('(value, key) => value'), storeName: z.string().optional(), historyRetentionMs: historyRetentionSchema, caching: tableCachingSchema });
type Params = z.infer<typeof schema>;

/** KStream#mapValues and KTable#mapValues: new value, same key (no repartition). */
export const mapValues: OperatorDescriptor<Params> = {
  kind: 'mapValues',
  label: 'mapValues',
  category: 'Stateless',
  help: 'Maps each value to a new value; the key stays, so no repartitioning is needed.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { mapper: '(value, key) => value' },
  paramSpecs: [fnSpec('mapper', 'Mapper', signature, '(value) => ({ ...value, total: value.price * value.qty })'), tableStoreSpec, tableHistoryRetentionSpec, tableCachingSpec],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream', 'KTable'] }],
  output: sameKindAs(['KStream', 'KTable']),
  lower: (p, { node, inputs }) => call(input('in'), 'mapValues', fn('mapper', signature), named(node.name), ...tableStoreArg(p, inputs, node.name)),
};
