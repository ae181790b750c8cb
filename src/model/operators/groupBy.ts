import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, fn, input, lit, stat } from '../dsl-expr';
import { DOCS, KV_SIG, fnSchema, first, fnSpec } from './common';

const signature = KV_SIG('unknown');
const schema = z.object({ mapper: fnSchema('(key, value) => key') });
type Params = z.infer<typeof schema>;

/** KStream#groupBy (mapper returns the new key) and KTable#groupBy (mapper returns [newKey, newValue]). */
export const groupBy: OperatorDescriptor<Params> = {
  kind: 'groupBy',
  label: 'groupBy',
  category: 'Grouping & windows',
  help: 'Groups by a new key (always through a repartition topic). On a stream the mapper returns the key; on a table it returns [key, value].',
  docsUrl: `${DOCS}#stateful-transformations`,
  schema,
  defaults: { mapper: '(key, value) => key' },
  paramSpecs: [fnSpec('mapper', 'Key selector', signature, '(key, value) => value.category', 'On a KTable return [newKey, newValue].')],
  inputs: [{ name: 'in', label: 'input', accepts: ['KStream', 'KTable'] }],
  output: (inputs) => {
    const t = first(inputs);
    if (!t) return { error: 'needs an input' };
    if (t.kind === 'KStream') return { kind: 'KGroupedStream' };
    if (t.kind === 'KTable') return { kind: 'KGroupedTable' };
    return { error: `cannot group a ${t.kind}; groupBy takes a KStream or KTable` };
  },
  lower: (_p, { node }) => call(input('in'), 'groupBy', fn('mapper', signature), stat('Grouped.as', lit(node.name))),
};
