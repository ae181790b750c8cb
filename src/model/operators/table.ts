import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { builder, call, lit, stat, type DslExpr } from '../dsl-expr';
import { DOCS, serdeSchema, serdeSpecs, withSerdes } from './common';

const schema = z.object({ topic: z.string().min(1, 'a topic name is required').default('table-input'), storeName: z.string().optional(), keySerde: serdeSchema, valueSerde: serdeSchema });
type Params = z.infer<typeof schema>;

/** StreamsBuilder#table: a changelog topic read as a KTable (latest value per key). */
export const table: OperatorDescriptor<Params> = {
  kind: 'table',
  label: 'table',
  category: 'Sources',
  help: 'Reads a topic as a KTable: the latest value per key; a null value deletes the key.',
  docsUrl: `${DOCS}#creating-source-streams-from-kafka`,
  schema,
  defaults: { topic: 'table-input', keySerde: 'default', valueSerde: 'default' },
  paramSpecs: [
    { name: 'topic', label: 'Topic', control: { type: 'topic' } },
    { name: 'storeName', label: 'Store name', control: { type: 'text' }, optional: true, help: 'Materialize the table under this (queryable) name.' },
    ...serdeSpecs,
  ],
  inputs: [],
  output: () => ({ kind: 'KTable' }),
  topics: (p) => ({ reads: [p.topic] }),
  lower: (p, { node }) => {
    const args: DslExpr[] = [lit(p.topic), withSerdes('Consumed', node.name, p.keySerde, p.valueSerde)];
    if (p.storeName) args.push(stat('Materialized.as', lit(p.storeName)));
    return call(builder, 'table', ...args);
  },
};
