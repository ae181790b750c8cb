import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input, lit, stat } from '../dsl-expr';
import { kafkaNameProblem } from '../kafka-names';
import { DOCS, requireKind } from './common';

const schema = z.object({
  numberOfPartitions: z.number().int('must be a whole number').positive('must be positive').nullable().default(null),
  repartitionName: z.string().optional(),
});
type Params = z.infer<typeof schema>;

/** The name given to Repartitioned.as: the param when set, else the node's name. */
export const repartitionNameOf = (p: { repartitionName?: unknown }, nodeName: string): string =>
  typeof p.repartitionName === 'string' && p.repartitionName.trim() ? p.repartitionName.trim() : nodeName;

/** KStream#repartition: write through an internal topic (re-distributes by the current key). */
export const repartition: OperatorDescriptor<Params> = {
  kind: 'repartition',
  label: 'repartition',
  category: 'Grouping & windows',
  help: 'Sends the stream through a repartition topic so records are partitioned by their current key.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { numberOfPartitions: null },
  paramSpecs: [
    { name: 'numberOfPartitions', label: 'Partitions', control: { type: 'number', min: 1, integer: true }, optional: true },
    {
      name: 'repartitionName',
      label: 'Repartition name',
      control: { type: 'text' },
      optional: true,
      help: 'Repartitioned.as(name): the topic is <application id>-<name>-repartition, written by <name>-repartition-sink and read by <name>-repartition-source. Empty: the node name. Lets the topic carry the name of the operator after it (a toTable after a key change names its repartition after itself).',
    },
  ],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KStream'),
  validate: (p) => {
    const problem = typeof p.repartitionName === 'string' && p.repartitionName.trim() ? kafkaNameProblem(`${p.repartitionName.trim()}-repartition`) : null;
    return problem ? [{ code: 'E_TOPIC_NAME', param: 'repartitionName', message: `the repartition topic ${JSON.stringify(`${p.repartitionName!.trim()}-repartition`)} ${problem}` }] : [];
  },
  lower: (p, { node }) => {
    const r = stat('Repartitioned.as', lit(repartitionNameOf(p, node.name)));
    return call(input('in'), 'repartition', p.numberOfPartitions ? call(r, 'withNumberOfPartitions', lit(p.numberOfPartitions)) : r);
  },
};
