/** table and globalTable share one shape: a topic read as a table, optionally materialized under a name. */
import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { builder, call, lit, type DslExpr } from '../dsl-expr';
import { DOCS, serdeSchema, serdeSpecs, withSerdes } from './common';
import { historyRetentionSchema, historyRetentionSpec, isVersioned, tableMaterialized } from './versioned';

export function tableSourceDescriptor(kind: 'table' | 'globalTable', defaultTopic: string, help: string) {
  const schema = z.object({ topic: z.string().min(1, 'a topic name is required').default(defaultTopic), storeName: z.string().optional(), historyRetentionMs: historyRetentionSchema, keySerde: serdeSchema, valueSerde: serdeSchema });
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
      // Kafka refuses versioned global tables: the param is not offered there (a design that has it gets E_VERSIONED_GLOBAL_TABLE).
      ...(kind === 'table' ? [historyRetentionSpec()] : []),
      ...serdeSpecs,
    ],
    inputs: [],
    output: (_inputs, p) => (kind === 'table' ? { kind: 'KTable', ...(isVersioned(p) ? { versionedRetentionMs: p.historyRetentionMs } : {}) } : { kind: 'GlobalKTable' }),
    validate: (p) =>
      kind === 'globalTable' && isVersioned(p) ? [{ code: 'E_VERSIONED_GLOBAL_TABLE', param: 'historyRetentionMs', message: 'a global table cannot be versioned (Kafka Streams refuses a versioned store for globalTable); remove the history retention' }] : [],
    topics: (p) => ({ reads: [p.topic] }),
    lower: (p, { node }) => {
      const args: DslExpr[] = [lit(p.topic), withSerdes('Consumed', node.name, p.keySerde, p.valueSerde)];
      const m = tableMaterialized(p, node.name);
      if (m) args.push(m);
      return call(builder, kind, ...args);
    },
  };
  return descriptor;
}
