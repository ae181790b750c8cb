import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input } from '../dsl-expr';
import { DOCS, fnSchema, fnSpec, named, requireKind, sig } from './common';

const signature = sig([['key', 'K'], ['value', 'V']], '[unknown, unknown]');
const schema = z.object({ mapper: fnSchema('(key, value) => [key, value]') });
type Params = z.infer<typeof schema>;

/** KStream#map. */
export const map: OperatorDescriptor<Params> = {
  kind: 'map',
  label: 'map',
  category: 'Stateless',
  help: 'Maps each record to a new [key, value] pair. Changing the key makes a later grouping or join repartition.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { mapper: '(key, value) => [key, value]' },
  paramSpecs: [fnSpec('mapper', 'Mapper', signature, '(key, value) => [value.userId, value]')],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KStream'),
  lower: (_p, { node }) => call(input('in'), 'map', fn('mapper', signature), named(node.name)),
};
