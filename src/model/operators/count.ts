import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input } from '../dsl-expr';
import { AGGREGATABLE, DOCS, aggregationOutput, materialized, named, retentionSpec, storeSchema, storeSpecs } from './common';

const schema = z.object({ ...storeSchema, retentionMs: z.number().min(0).nullable().optional() });
type Params = z.infer<typeof schema>;

/** count(): records per key (per window), as a KTable. */
export const count: OperatorDescriptor<Params> = {
  kind: 'count',
  label: 'count',
  category: 'Aggregations',
  help: 'Counts records per key (and window). Null keys and null values are skipped.',
  docsUrl: `${DOCS}#aggregating`,
  schema,
  defaults: { caching: true, logging: true },
  paramSpecs: [...storeSpecs, retentionSpec],
  inputs: [{ name: 'in', label: 'grouped', accepts: AGGREGATABLE }],
  output: aggregationOutput,
  lower: (p, { node }) => call(input('in'), 'count', named(node.name), materialized(p, node.name)),
};
