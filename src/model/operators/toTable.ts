import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input, lit, stat, type DslExpr } from '../dsl-expr';
import { DOCS, named, requireKind } from './common';

const schema = z.object({ storeName: z.string().optional() });
type Params = z.infer<typeof schema>;

/** KStream#toTable: read a stream as upserts (latest value per key). */
export const toTable: OperatorDescriptor<Params> = {
  kind: 'toTable',
  label: 'toTable',
  category: 'Tables',
  help: 'Turns a stream into a table: each record upserts its key; a null value deletes it.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: {},
  paramSpecs: [{ name: 'storeName', label: 'Store name', control: { type: 'store' }, optional: true }],
  inputs: [{ name: 'in', label: 'stream', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KTable'),
  lower: (p, { node }) => {
    const args: DslExpr[] = [named(node.name)];
    if (p.storeName) args.push(stat('Materialized.as', lit(p.storeName)));
    return call(input('in'), 'toTable', ...args);
  },
};
