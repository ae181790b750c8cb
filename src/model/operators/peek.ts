import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input } from '../dsl-expr';
import { DOCS, fnSchema, fnSpec, named, requireKind, sig } from './common';

const signature = sig([['key', 'K'], ['value', 'V']], 'void');
const schema = z.object({ action: fnSchema('(key, value) => {}') });
type Params = z.infer<typeof schema>;

/** KStream#peek. */
export const peek: OperatorDescriptor<Params> = {
  kind: 'peek',
  label: 'peek',
  category: 'Stateless',
  help: 'Calls an action for each record and passes it on unchanged.',
  docsUrl: `${DOCS}#stateless-transformations`,
  schema,
  defaults: { action: '(key, value) => {}' },
  paramSpecs: [fnSpec('action', 'Action', signature, '(key, value) => console.log(key, value)')],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
  output: requireKind(['KStream'], 'KStream'),
  lower: (_p, { node }) => call(input('in'), 'peek', fn('action', signature), named(node.name)),
};
