/** join, leftJoin and outerJoin share one descriptor shape; the input kinds pick the join variant. */
import { z } from 'zod';
import type { OperatorDescriptor, OutputError, OutputType } from '../descriptor';
import { call, fn, input, lit, stat, type DslExpr } from '../dsl-expr';
import { DOCS, first, fnSpec, named, sig } from './common';
import { graceProblems, historyRetentionSchema } from './versioned';

/** Inspector rows only for stream-table joins (or while nothing is connected, so they can be found). */
const streamTable = (_p: unknown, kinds: readonly string[]) => kinds.length === 0 || (kinds.includes('KStream') && kinds.includes('KTable'));
const tableTable = (_p: unknown, kinds: readonly string[]) => kinds.length === 0 || (kinds.length > 0 && kinds.every((k) => k === 'KTable'));

const joinerSig = sig([['leftValue', 'VL'], ['rightValue', 'VR'], ['key', 'K']], 'unknown');
const keySelectorSig = sig([['key', 'K'], ['value', 'V']], 'unknown');
const fkSig = sig([['leftValue', 'VL']], 'unknown');

export const joinSchema = z.object({
  joiner: z.string().default('(leftValue, rightValue) => ({ left: leftValue, right: rightValue })'),
  beforeMs: z.number().min(0, 'must be zero or positive').default(60_000),
  afterMs: z.number().min(0, 'must be zero or positive').default(60_000),
  graceMs: z.number().min(0, 'must be zero or positive').default(0),
  keySelector: z.string().optional(),
  foreignKeyExtractor: z.string().optional(),
  storeName: z.string().optional(),
  caching: z.boolean().default(true),
  gracePeriodMs: historyRetentionSchema,
});
export type JoinParams = z.infer<typeof joinSchema>;

type Variant = 'stream-stream' | 'stream-table' | 'stream-global' | 'table-table' | 'foreign-key';

function variant(inputs: Record<string, OutputType[]>, p: JoinParams): Variant | OutputError {
  const l = first(inputs, 'left')?.kind;
  const r = first(inputs, 'right')?.kind;
  if (!l || !r) return { error: 'a join needs a left and a right input', code: 'E_INPUT_MISSING' };
  if (l === 'KStream' && r === 'KStream') return 'stream-stream';
  if (l === 'KStream' && r === 'KTable') return 'stream-table';
  if (l === 'KStream' && r === 'GlobalKTable') return 'stream-global';
  if (l === 'KTable' && r === 'KTable') return p.foreignKeyExtractor?.trim() ? 'foreign-key' : 'table-table';
  return { error: `cannot join a ${l} (left) with a ${r} (right); allowed: KStream x KStream, KStream x KTable, KStream x GlobalKTable, KTable x KTable` };
}

export function joinDescriptor(kind: 'join' | 'leftJoin' | 'outerJoin', help: string): OperatorDescriptor<JoinParams> {
  return {
    kind,
    label: kind,
    category: 'Joins',
    help,
    docsUrl: `${DOCS}#joining`,
    schema: joinSchema,
    defaults: { joiner: '(leftValue, rightValue) => ({ left: leftValue, right: rightValue })', beforeMs: 60_000, afterMs: 60_000, graceMs: 0, caching: true },
    paramSpecs: [
      fnSpec('joiner', 'Joiner', joinerSig, '(order, payment) => ({ ...order, paid: payment.amount })'),
      { name: 'beforeMs', label: 'Window before', control: { type: 'duration' }, help: 'Stream-stream joins: how far back the other side may be.' },
      { name: 'afterMs', label: 'Window after', control: { type: 'duration' }, help: 'Stream-stream joins: how far ahead the other side may be.' },
      { name: 'graceMs', label: 'Grace', control: { type: 'duration' }, help: 'Stream-stream joins: how long late records are still joined.' },
      { ...fnSpec('keySelector', 'Key selector', keySelectorSig, '(key, value) => value.productId', 'Stream-globalTable joins: the table key to look up.'), optional: true },
      { ...fnSpec('foreignKeyExtractor', 'Foreign key', fkSig, '(order) => order.customerId', 'Table-table: join on this key of the right table (foreign-key join).'), optional: true },
      { name: 'storeName', label: 'Store name', control: { type: 'store' }, optional: true },
      { name: 'caching', label: 'Caching', control: { type: 'boolean' }, help: 'Table-table joins with a store name: the record cache merges updates and drops tombstones for keys the store does not hold.', visibleWhen: tableTable },
      { name: 'gracePeriodMs', label: 'Grace period', control: { type: 'duration' }, optional: true, help: 'Stream-table joins on a versioned table: stream records wait this long for late table updates, then join the table as of their time (Joined.withGracePeriod).', visibleWhen: streamTable },
    ],
    inputs: [
      { name: 'left', label: 'left', accepts: ['KStream', 'KTable'] },
      { name: 'right', label: 'right', accepts: ['KStream', 'KTable', 'GlobalKTable'] },
    ],
    output: (inputs, p) => {
      const v = variant(inputs, p);
      if (typeof v !== 'string') return v;
      if (kind === 'outerJoin' && (v === 'stream-table' || v === 'stream-global' || v === 'foreign-key')) return { error: `outerJoin is not available for ${v} joins (Kafka Streams offers join and leftJoin)` };
      return { kind: v === 'table-table' || v === 'foreign-key' ? 'KTable' : 'KStream' };
    },
    validate: (p, inputs) => {
      const v = variant(inputs, p);
      if (v === 'stream-global' && !p.keySelector?.trim()) return [{ code: 'E_PARAM_REQUIRED', param: 'keySelector', message: 'a stream-globalTable join needs a key selector' }];
      if (v === 'stream-table') return graceProblems(p.gracePeriodMs, inputs);
      return [];
    },
    lower: (p, { node, inputs }) => {
      const v = variant(inputs, p);
      const left = input('left');
      const right = input('right');
      const joiner = fn('joiner', joinerSig);
      switch (v) {
        case 'stream-stream': {
          const w = call(call(stat('JoinWindows.ofTimeDifferenceAndGrace', lit(p.beforeMs), lit(p.graceMs)), 'before', lit(p.beforeMs)), 'after', lit(p.afterMs));
          return call(left, kind, right, joiner, w, call(stat('StreamJoined.as', lit(p.storeName || `${node.name}-store`)), 'withName', lit(node.name)));
        }
        case 'stream-table': {
          const joined = stat('Joined.as', lit(node.name));
          return call(left, kind, right, joiner, typeof p.gracePeriodMs === 'number' ? call(joined, 'withGracePeriod', lit(p.gracePeriodMs)) : joined);
        }
        case 'stream-global':
          return call(left, kind, right, fn('keySelector', keySelectorSig), joiner, named(node.name));
        case 'foreign-key':
          return call(left, kind, right, fn('foreignKeyExtractor', fkSig), joiner, named(node.name), ...storeArg(p));
        default:
          return call(left, kind, right, joiner, named(node.name), ...storeArg(p));
      }
    },
  };
}

function storeArg(p: JoinParams): DslExpr[] {
  if (!p.storeName) return [];
  const m = stat('Materialized.as', lit(p.storeName));
  return [p.caching === false ? call(m, 'withCachingDisabled') : m];
}
