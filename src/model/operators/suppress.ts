import { z } from 'zod';
import type { OperatorDescriptor } from '../descriptor';
import { call, input, lit, stat, type DslExpr } from '../dsl-expr';
import { DOCS, first } from './common';

const schema = z.object({
  mode: z.enum(['untilWindowCloses', 'untilTimeLimit']).default('untilWindowCloses'),
  timeLimitMs: z.number().min(0, 'must be zero or positive').default(60_000),
  maxRecords: z.number().int().positive('must be positive').nullable().default(null),
  maxBytes: z.number().int().positive('must be positive').nullable().default(null),
  bufferFullStrategy: z.enum(['emitEarlyWhenFull', 'shutDownWhenFull']).default('emitEarlyWhenFull'),
});
type Params = z.infer<typeof schema>;

/** KTable#suppress: hold updates back until the window closes or a time limit passes. */
export const suppress: OperatorDescriptor<Params> = {
  kind: 'suppress',
  label: 'suppress',
  category: 'Tables',
  help: 'Holds table updates back: one final result per window (untilWindowCloses) or at most one update per key per time limit.',
  docsUrl: `${DOCS}#window-final-results`,
  schema,
  defaults: { mode: 'untilWindowCloses', timeLimitMs: 60_000, maxRecords: null, maxBytes: null, bufferFullStrategy: 'emitEarlyWhenFull' },
  paramSpecs: [
    { name: 'mode', label: 'Mode', control: { type: 'enum', options: ['untilWindowCloses', 'untilTimeLimit'] } },
    { name: 'timeLimitMs', label: 'Time limit', control: { type: 'duration' }, visibleWhen: (p) => p.mode === 'untilTimeLimit' },
    { name: 'maxRecords', label: 'Max records', control: { type: 'number', min: 1, integer: true }, optional: true },
    { name: 'maxBytes', label: 'Max bytes', control: { type: 'number', min: 1, integer: true }, optional: true },
    { name: 'bufferFullStrategy', label: 'When full', control: { type: 'enum', options: ['emitEarlyWhenFull', 'shutDownWhenFull'] } },
  ],
  inputs: [{ name: 'in', label: 'table', accepts: ['KTable'] }],
  output: (inputs, p) => {
    const t = first(inputs);
    if (!t) return { error: 'needs an input', code: 'E_INPUT_MISSING' };
    if (t.kind !== 'KTable') return { error: `suppress cannot follow a ${t.kind}; it takes a KTable` };
    if (p.mode === 'untilWindowCloses' && !t.windowed) return { error: 'suppress(untilWindowCloses) needs a windowed KTable (a windowed count/reduce/aggregate)' };
    return { ...t, versionedRetentionMs: undefined };
  },
  validate: (_p, inputs) =>
    first(inputs)?.versionedRetentionMs !== undefined ? [{ code: 'E_SUPPRESS_VERSIONED', param: 'inputs', message: 'suppress() is only supported for non-versioned KTables (this table is versioned, or reads one through unmaterialized operators)' }] : [],
  lower: (p, { node }) => {
    let buffer: DslExpr = stat('BufferConfig.unbounded');
    if (p.maxRecords || p.maxBytes) {
      buffer = p.maxRecords ? stat('BufferConfig.maxRecords', lit(p.maxRecords)) : stat('BufferConfig.maxBytes', lit(p.maxBytes));
      if (p.maxRecords && p.maxBytes) buffer = call(buffer, 'withMaxBytes', lit(p.maxBytes));
      buffer = call(buffer, p.bufferFullStrategy);
    }
    const s = p.mode === 'untilWindowCloses' ? stat('Suppressed.untilWindowCloses', buffer) : stat('Suppressed.untilTimeLimit', lit(p.timeLimitMs), buffer);
    return call(input('in'), 'suppress', call(s, 'withName', lit(node.name)));
  },
};
