import { z } from 'zod';
import type { OperatorDescriptor, PortSpec } from '../descriptor';
import { call, fn, input, type DslExpr } from '../dsl-expr';
import { repeatedPortNames } from '../ports';
import { DOCS, sig } from './common';

const aggSig = sig([['key', 'K'], ['value', 'V'], ['aggregate', 'VA']], 'VA');
/** What a newly connected input starts with: count its records (as aggregate's default aggregator). */
export const DEFAULT_COGROUP_AGGREGATOR = '(key, value, aggregate) => aggregate + 1';
const PORT: PortSpec = { name: 'in', label: 'grouped', accepts: ['KGroupedStream'], repeat: true };

const schema = z.object({
  /** The aggregator of each input, by input port (`in0`, `in1`, ...). */
  aggregators: z.record(z.string(), z.string()).default({}),
});
type Params = z.infer<typeof schema>;

/** The connected input ports, in cogroup order. */
export function cogroupPorts(inputs: Record<string, unknown[]>): string[] {
  return repeatedPortNames(PORT, Object.keys(inputs)).filter((p) => (inputs[p] ?? []).length > 0);
}

/**
 * KGroupedStream#cogroup / CogroupedKStream#cogroup: several grouped streams (each with its own value
 * type and aggregator) into ONE aggregate per key; windowedBy and aggregate(initializer) follow.
 */
export const cogroup: OperatorDescriptor<Params> = {
  kind: 'cogroup',
  label: 'cogroup',
  category: 'Grouping & windows',
  help: 'Aggregates several grouped streams into one table: each input updates the shared aggregate with its own aggregator. Follow with aggregate (the initializer), optionally after windowedBy.',
  docsUrl: `${DOCS}#aggregating`,
  schema,
  defaults: { aggregators: {} },
  paramSpecs: [{ name: 'aggregators', label: 'Aggregators', control: { type: 'portFunctions', port: 'in', signature: aggSig, example: '(key, value, aggregate) => aggregate + value.amount' }, help: 'One per input, applied to that input\'s records.' }],
  inputs: [PORT],
  onConnect: (p, port) => (p.aggregators[port] === undefined ? { aggregators: { ...p.aggregators, [port]: DEFAULT_COGROUP_AGGREGATOR } } : null),
  output: (inputs) => {
    const all = cogroupPorts(inputs).flatMap((port) => inputs[port]);
    if (all.length === 0) return { error: 'cogroup needs at least one grouped stream', code: 'E_INPUT_MISSING' };
    const bad = all.find((t) => t.kind !== 'KGroupedStream');
    return bad ? { error: `cogroup cannot take a ${bad.kind}; it takes grouped streams (add groupByKey or groupBy first)` } : { kind: 'CogroupedKStream' };
  },
  // first.cogroup(agg0).cogroup(second, agg1)...: Kafka's order is the port order.
  lower: (_p, { inputs }) => {
    const [head, ...rest] = cogroupPorts(inputs);
    let e: DslExpr = call(input(head), 'cogroup', fn(`aggregators.${head}`, aggSig));
    for (const port of rest) e = call(e, 'cogroup', input(port), fn(`aggregators.${port}`, aggSig));
    return e;
  },
};
