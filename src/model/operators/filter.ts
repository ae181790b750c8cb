import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input, lit, stat } from '../dsl-expr';

const signature = {
  params: [
    { name: 'key', type: 'K' },
    { name: 'value', type: 'V' },
  ],
  returns: 'boolean',
};

const schema = z.object({
  predicate: z.string().default('(key, value) => true'),
});
type FilterParams = z.infer<typeof schema>;

/** KStream#filter and KTable#filter: keep records the predicate accepts. */
export const filter: OperatorDescriptor<FilterParams> = {
  kind: 'filter',
  label: 'filter',
  category: 'Stateless',
  help: 'Keeps the records for which the predicate returns true. On a table, rejected keys become tombstones.',
  docsUrl: 'https://kafka.apache.org/documentation/streams/developer-guide/dsl-api.html#stateless-transformations',
  schema,
  defaults: { predicate: '(key, value) => true' },
  paramSpecs: [
    {
      name: 'predicate',
      label: 'Predicate',
      control: { type: 'function', signature, example: '(key, value) => value.amount > 100' },
    },
  ],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream', 'KTable'] }],
  output: (inputs) => ({ kind: inputs.in?.[0]?.kind ?? 'KStream', windowed: inputs.in?.[0]?.windowed }),
  lower: (_params, { node }) => call(input('in'), 'filter', fn('predicate', signature), stat('Named.as', lit(node.name))),
};
