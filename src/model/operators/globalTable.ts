import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { builder, call, lit, stat, type DslExpr } from '../dsl-expr';
import { DOCS, serdeSchema, serdeSpecs, withSerdes } from './common';

const schema = z.object({ topic: z.string().min(1, 'a topic name is required').default('reference-input'), storeName: z.string().optional(), keySerde: serdeSchema, valueSerde: serdeSchema });
type Params = z.infer<typeof schema>;

/** StreamsBuilder#globalTable: a fully replicated table for key-selector joins. */
export const globalTable: OperatorDescriptor<Params> = {
  kind: 'globalTable',
  label: 'globalTable',
  category: 'Sources',
  help: 'Reads a whole topic into every instance (all partitions): joinable from a stream by any key it selects.',
  docsUrl: `${DOCS}#creating-source-streams-from-kafka`,
  schema,
  defaults: { topic: 'reference-input', keySerde: 'default', valueSerde: 'default' },
  paramSpecs: [
    { name: 'topic', label: 'Topic', control: { type: 'topic' } },
    { name: 'storeName', label: 'Store name', control: { type: 'text' }, optional: true, help: 'Materialize the table under this (queryable) name.' },
    ...serdeSpecs,
  ],
  inputs: [],
  output: () => ({ kind: 'GlobalKTable' }),
  topics: (p) => ({ reads: [p.topic] }),
  lower: (p, { node }) => {
    const args: DslExpr[] = [lit(p.topic), withSerdes('Consumed', node.name, p.keySerde, p.valueSerde)];
    if (p.storeName) args.push(stat('Materialized.as', lit(p.storeName)));
    return call(builder, 'globalTable', ...args);
  },
};
