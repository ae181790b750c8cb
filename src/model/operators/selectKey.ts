import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input } from '../dsl-expr';
import { DOCS, fnSchema, fnSpec, named, requireKind, sig } from './common';

const signature = sig([['key', 'K'], ['value', 'V']], 'unknown');
const schema = z.object({ mapper: fnSchema('(key, value) => key') });
type Params = z.infer<typeof schema>;

/** KStream#selectKey. */
export const selectKey: OperatorDescriptor<Params> = {
  kind: 'selectKey',
  label: 'selectKey',
  category: 'Stateless',
  help: 'Sets a new key computed from the record. A later grouping or join repartitions.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { mapper: '(key, value) => key' },
  paramSpecs: [fnSpec('mapper', 'Key selector', signature, '(key, value) => value.userId')],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KStream'),
  lower: (_p, { node }) => call(input('in'), 'selectKey', fn('mapper', signature), named(node.name)),
};
