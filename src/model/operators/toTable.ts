import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input, type DslExpr } from '../dsl-expr';
import { DOCS, named, requireKind } from './common';
import { historyRetentionSchema, historyRetentionSpec, isVersioned, tableMaterialized } from './versioned';

const schema = z.object({ storeName: z.string().optional(), historyRetentionMs: historyRetentionSchema });
type Params = z.infer<typeof schema>;

/** KStream#toTable: read a stream as upserts (latest value per key); versioned when a history retention is set. */
export const toTable: OperatorDescriptor<Params> = {
  kind: 'toTable',
  label: 'toTable',
  category: 'Tables',
  help: 'Turns a stream into a table: each record upserts its key; a null value deletes it.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: {},
  paramSpecs: [{ name: 'storeName', label: 'Store name', control: { type: 'store' }, optional: true }, historyRetentionSpec()],
  inputs: [{ name: 'in', label: 'stream', accepts: ['KStream'] }],
  output: (inputs, p) => {
    const out = requireKind(['KStream'], 'KTable')(inputs);
    return isVersioned(p) && 'kind' in out && out.kind === 'KTable' ? { ...out, versionedRetentionMs: p.historyRetentionMs } : out;
  },
  lower: (p, { node }) => {
    const args: DslExpr[] = [named(node.name)];
    const materialized = tableMaterialized(p, node.name);
    if (materialized) args.push(materialized);
    return call(input('in'), 'toTable', ...args);
  },
};
