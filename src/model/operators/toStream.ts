import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input } from '../dsl-expr';
import { DOCS, named, requireKind } from './common';

const schema = z.object({});
type Params = z.infer<typeof schema>;

/** KTable#toStream: the table's changelog as a stream (deletes become null values). */
export const toStream: OperatorDescriptor<Params> = {
  kind: 'toStream',
  label: 'toStream',
  category: 'Tables',
  help: 'Turns a table into the stream of its updates; deletes become records with a null value.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: {},
  paramSpecs: [],
  inputs: [{ name: 'in', label: 'table', accepts: ['KTable'] }],
  output: requireKind(['KTable'], 'KStream'),
  lower: (_p, { node }) => call(input('in'), 'toStream', named(node.name)),
};
