import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input } from '../dsl-expr';
import { DOCS, fnSchema, fnSpec, named, requireKind, sig } from './common';

const signature = sig([['key', 'K'], ['value', 'V']], 'Array<[unknown, unknown]>');
const schema = z.object({ mapper: fnSchema('(key, value) => [[key, value]]') });
type Params = z.infer<typeof schema>;

/** KStream#flatMap. */
export const flatMap: OperatorDescriptor<Params> = {
  kind: 'flatMap',
  label: 'flatMap',
  category: 'Stateless',
  help: 'Maps each record to zero or more [key, value] pairs.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { mapper: '(key, value) => [[key, value]]' },
  paramSpecs: [fnSpec('mapper', 'Mapper', signature, '(key, value) => value.items.map((item) => [item.id, item])')],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KStream'),
  lower: (_p, { node }) => call(input('in'), 'flatMap', fn('mapper', signature), named(node.name)),
};
