import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input } from '../dsl-expr';
import { DOCS, fnSchema, fnSpec, named, requireKind, sig } from './common';

const signature = sig([['value', 'V'], ['key', 'K']], 'unknown[]');
const schema = z.object({ mapper: fnSchema('(value, key) => [value]') });
type Params = z.infer<typeof schema>;

/** KStream#flatMapValues. */
export const flatMapValues: OperatorDescriptor<Params> = {
  kind: 'flatMapValues',
  label: 'flatMapValues',
  category: 'Stateless',
  help: 'Maps each value to zero or more values; the key stays.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { mapper: '(value, key) => [value]' },
  paramSpecs: [fnSpec('mapper', 'Mapper', signature, '(value) => String(value).toLowerCase().split(" ")')],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KStream'),
  lower: (_p, { node }) => call(input('in'), 'flatMapValues', fn('mapper', signature), named(node.name)),
};
