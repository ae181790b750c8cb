/**
 * What process and processValues share: the processor object param, the stores the node declares
 * (each becomes builder.addStateStore(Stores.*StoreBuilder(...)) before the call) and the lowering.
 */
import { z } from 'zod';
import type { OperatorDescriptor, ParamProblem } from '../descriptor';
import { builder, call, input, lit, processorExpr, seq, stat, type DslExpr } from '../dsl-expr';
import { kafkaNameProblem } from '../kafka-names';
import { named, requireKind } from './common';

export const STORE_TYPES = ['keyValue', 'window', 'session'] as const;

const storeSchema = z.object({
  name: z.string(),
  type: z.enum(STORE_TYPES).default('keyValue'),
  retentionMs: z.number().min(0, 'must be zero or positive').optional(),
  windowSizeMs: z.number().min(0, 'must be zero or positive').optional(),
  logging: z.boolean().default(true),
  /** Also declared (alike) by other processor nodes, which then share this one store (lower-context.ts). */
  shared: z.boolean().optional(),
});
export type ProcessorStore = z.infer<typeof storeSchema>;

export const PROCESSOR_EXAMPLE = `({
  init(ctx) {
    this.ctx = ctx;
    this.counts = ctx.getStateStore('counts');
  },
  process(record) {
    const n = (this.counts.get(record.key) ?? 0) + 1;
    this.counts.put(record.key, n);
    this.ctx.forward({ ...record, value: n });
  },
})`;

const PROCESS_DEFAULT = `({
  init(ctx) {
    this.ctx = ctx;
  },
  process(record) {
    this.ctx.forward(record);
  },
})`;

export const processorSchema = z.object({
  processor: z.string().default(PROCESS_DEFAULT),
  stores: z.array(storeSchema).default([]),
});
type Params = z.infer<typeof processorSchema>;

/** Declared stores that cannot be built: bad or repeated names, window stores without a size. */
function validateStores(p: Params): ParamProblem[] {
  const out: ParamProblem[] = [];
  const seen = new Set<string>();
  p.stores.forEach((s, i) => {
    const problem = s.name.trim() ? kafkaNameProblem(s.name) : 'is empty';
    if (problem) out.push({ code: 'E_STORE_NAME', param: `stores.${i}.name`, message: `store name ${JSON.stringify(s.name)} ${problem}` });
    else if (seen.has(s.name)) out.push({ code: 'E_STORE_DUPLICATE', param: `stores.${i}.name`, message: `the node declares store "${s.name}" twice` });
    seen.add(s.name);
    if (s.type === 'window' && !((s.windowSizeMs ?? 0) > 0)) out.push({ code: 'E_PARAM_RANGE', param: `stores.${i}.windowSizeMs`, message: 'a window store needs a window size greater than zero' });
    if (s.type !== 'keyValue' && !((s.retentionMs ?? 0) > 0)) out.push({ code: 'E_PARAM_RANGE', param: `stores.${i}.retentionMs`, message: `a ${s.type} store needs a retention greater than zero` });
  });
  return out;
}

/** Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("name")) and the window/session forms. */
function storeBuilder(s: ProcessorStore): DslExpr {
  let b: DslExpr;
  if (s.type === 'window') b = stat('Stores.windowStoreBuilder', stat('Stores.inMemoryWindowStore', lit(s.name), lit(s.retentionMs ?? 0), lit(s.windowSizeMs ?? 0)));
  else if (s.type === 'session') b = stat('Stores.sessionStoreBuilder', stat('Stores.inMemorySessionStore', lit(s.name), lit(s.retentionMs ?? 0)));
  else b = stat('Stores.keyValueStoreBuilder', stat('Stores.inMemoryKeyValueStore', lit(s.name)));
  return s.logging === false ? call(b, 'withLoggingDisabled') : b;
}

export function processorDescriptor(kind: 'process' | 'processValues'): OperatorDescriptor<Params> {
  const fixedKey = kind === 'processValues';
  return {
    kind,
    label: kind,
    category: 'Processor API',
    help: fixedKey
      ? 'Runs your processor object on each record (Processor API): state stores, punctuation, record metadata; forwarded records keep the key.'
      : 'Runs your processor object on each record (Processor API): state stores, punctuation, record metadata; it may forward any number of records with new keys.',
    docsUrl: 'https://kafka.apache.org/documentation/streams/developer-guide/dsl-api.html#applying-processors-and-transformers-processor-api-integration',
    schema: processorSchema,
    defaults: { processor: PROCESS_DEFAULT, stores: [] },
    paramSpecs: [
      { name: 'processor', label: 'Processor', control: { type: 'processor', fixedKey, storesParam: 'stores', example: PROCESSOR_EXAMPLE }, help: 'An object with init(ctx), process(record) and optional close(); ctx.forward, ctx.getStateStore, ctx.schedule, ctx.recordMetadata.' },
      { name: 'stores', label: 'Stores', control: { type: 'stores' }, optional: true, help: 'State stores this processor uses (in memory, changelogged on Kafka).' },
    ],
    inputs: [{ name: 'in', label: 'input', accepts: ['KStream'] }],
    output: requireKind(['KStream'], 'KStream'),
    validate: validateStores,
    lower: (p, ctx) =>
      seq(
        p.stores.filter((s) => ctx.declaresStore?.(s.name) ?? true).map((s) => call(builder, 'addStateStore', storeBuilder(s))),
        call(input('in'), kind, processorExpr('processor', fixedKey), named(ctx.node.name), ...p.stores.map((s) => lit(s.name))),
      ),
  };
}
