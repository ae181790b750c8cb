/** table and globalTable share one shape: a topic read as a table, optionally materialized under a name. */
import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { builder, call, lit, stat, type DslExpr } from '../dsl-expr';
import { DOCS, serdeSchema, serdeSpecs, withSerdes } from './common';

export function tableSourceDescriptor(kind: 'table' | 'globalTable', defaultTopic: string, help: string) {
  const schema = z.object({ topic: z.string().min(1, 'a topic name is required').default(defaultTopic), storeName: z.string().optional(), keySerde: serdeSchema, valueSerde: serdeSchema });
  const descriptor: OperatorDescriptor<z.infer<typeof schema>> = {
    kind,
    label: kind,
    category: 'Sources',
    help,
    docsUrl: `${DOCS}#creating-source-streams-from-kafka`,
    schema,
    defaults: { topic: defaultTopic, keySerde: 'default', valueSerde: 'default' },
    paramSpecs: [
      { name: 'topic', label: 'Topic', control: { type: 'topic' } },
      { name: 'storeName', label: 'Store name', control: { type: 'store' }, optional: true, help: 'Materialize the table under this (queryable) name.' },
      ...serdeSpecs,
    ],
    inputs: [],
    output: () => ({ kind: kind === 'table' ? 'KTable' : 'GlobalKTable' }),
    topics: (p) => ({ reads: [p.topic] }),
    lower: (p, { node }) => {
      const args: DslExpr[] = [lit(p.topic), withSerdes('Consumed', node.name, p.keySerde, p.valueSerde)];
      if (p.storeName) args.push(stat('Materialized.as', lit(p.storeName)));
      return call(builder, kind, ...args);
    },
  };
  return descriptor;
}
