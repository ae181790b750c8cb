import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input, lit, stat } from '../dsl-expr';
import { DOCS, requireKind } from './common';

const schema = z.object({ numberOfPartitions: z.number().int('must be a whole number').positive('must be positive').nullable().default(null) });
type Params = z.infer<typeof schema>;

/** KStream#repartition: write through an internal topic (re-distributes by the current key). */
export const repartition: OperatorDescriptor<Params> = {
  kind: 'repartition',
  label: 'repartition',
  category: 'Grouping & windows',
  help: 'Sends the stream through a repartition topic so records are partitioned by their current key.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { numberOfPartitions: null },
  paramSpecs: [{ name: 'numberOfPartitions', label: 'Partitions', control: { type: 'number', min: 1, integer: true }, optional: true }],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KStream'),
  lower: (p, { node }) => {
    const r = stat('Repartitioned.as', lit(node.name));
    return call(input('in'), 'repartition', p.numberOfPartitions ? call(r, 'withNumberOfPartitions', lit(p.numberOfPartitions)) : r);
  },
};
