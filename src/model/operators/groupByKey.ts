import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input, lit, stat } from '../dsl-expr';
import { DOCS, requireKind } from './common';

const schema = z.object({});
type Params = z.infer<typeof schema>;

/** KStream#groupByKey: group by the current key (repartitions only if the key was changed upstream). */
export const groupByKey: OperatorDescriptor<Params> = {
  kind: 'groupByKey',
  label: 'groupByKey',
  category: 'Grouping & windows',
  help: 'Groups records by their current key, ready for count, reduce, aggregate or windowing.',
  docsUrl: `${DOCS}#stateful-transformations`,
  schema,
  defaults: {},
  paramSpecs: [],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KGroupedStream'),
  lower: (_p, { node }) => call(input('in'), 'groupByKey', stat('Grouped.as', lit(node.name))),
};
