/**
 * fast-check generators of valid designs with versioned tables: a versioned table (optionally behind
 * a filter, unmaterialized or itself versioned) joined from a stream (with or without a grace period,
 * within the history retention), aggregated after a groupBy, or joined with another table (primary
 * or foreign key, cached or not). Samples arrive out of order and include tombstones, so history,
 * "not latest" updates, as-of reads and the grace buffer all matter.
 */
import fc from 'fast-check';
import type { DesignEdge, DesignNode, SampleRecord, TopologyDocument } from '../../src/model/types';

const record = fc.record({ key: fc.constantFrom('a', 'b', 'c'), value: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 6 }), dt: fc.integer({ min: -15, max: 10 }) });

const downstream = fc.oneof(
  fc.record({ kind: fc.constantFrom('join', 'leftJoin'), grace: fc.option(fc.constantFrom(0, 3, 10), { nil: null }) }).map((j) => ({ use: 'stream' as const, ...j })),
  fc.record({ agg: fc.constantFrom('count', 'reduce') }).map((g) => ({ use: 'groupBy' as const, ...g })),
  fc.record({ kind: fc.constantFrom('join', 'leftJoin'), fk: fc.boolean(), side: fc.constantFrom('left', 'right'), caching: fc.boolean() }).map((t) => ({ use: 'table' as const, ...t })),
);

export const randomVersionedDesign = fc
  .record({
    retention: fc.constantFrom(10, 20, 1000),
    filter: fc.constantFrom('none', 'plain', 'versioned'),
    downstream,
    streamSamples: fc.array(record, { minLength: 1, maxLength: 15 }),
    tableSamples: fc.array(record, { minLength: 1, maxLength: 15 }),
    otherSamples: fc.array(record, { maxLength: 8 }),
  })
  .map(({ retention, filter, downstream: d, streamSamples, tableSamples, otherSamples }): TopologyDocument => {
    const nodes: DesignNode[] = [];
    const edges: DesignEdge[] = [];
    const add = (kind: string, params: Record<string, unknown>, inputs: [string, string][] = []) => {
      const id = `n${nodes.length + 1}`;
      nodes.push({ id, kind, name: `${kind}-${nodes.length + 1}`, params, position: { x: nodes.length * 200, y: 0 } });
      for (const [from, port] of inputs) edges.push({ id: `e${edges.length + 1}`, source: from, target: id, targetPort: port });
      return id;
    };
    let table = add('table', { topic: 'tbl', historyRetentionMs: retention });
    if (filter !== 'none') table = add('filter', { predicate: '(k, v) => v % 3 !== 0', ...(filter === 'versioned' ? { historyRetentionMs: retention } : {}) }, [[table, 'in']]);
    const samples: Record<string, SampleRecord[]> = { tbl: times(tableSamples, 50) };
    let out: string;
    if (d.use === 'stream') {
      const s = add('stream', { topic: 'events' });
      samples.events = times(streamSamples, 55);
      const grace = d.grace === null ? {} : { gracePeriodMs: Math.min(d.grace, retention) };
      out = add(d.kind, { joiner: '(l, r) => [l, r]', ...grace }, [[s, 'left'], [table, 'right']]);
    } else if (d.use === 'groupBy') {
      const g = add('groupBy', { mapper: "(k, v) => ['g' + (v % 2), v]" }, [[table, 'in']]);
      const agg = add(d.agg, d.agg === 'reduce' ? { reducer: '(a, v) => a + v', subtractor: '(a, v) => a - v' } : {}, [[g, 'in']]);
      out = add('toStream', {}, [[agg, 'in']]);
    } else {
      const other = add('table', { topic: 'other' });
      samples.other = times(otherSamples, 45).map((r) => (d.fk && typeof r.value === 'number' ? { ...r, value: r.value % 3 } : r));
      const [left, right] = d.side === 'left' ? [table, other] : [other, table];
      const fk = d.fk ? { foreignKeyExtractor: d.side === 'left' ? "(v) => ['a', 'b', 'c'][v % 3]" : "(v) => ['a', 'b', 'c'][v]" } : {};
      const j = add(d.kind, { joiner: '(l, r) => [l, r]', storeName: 'joined', caching: d.caching, ...fk }, [[left, 'left'], [right, 'right']]);
      out = add('toStream', {}, [[j, 'in']]);
    }
    add('to', { topic: 'out' }, [[out, 'in']]);
    return { format: 'streamwright/topology', version: 1, name: 'versioned', nodes, edges, samples, settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 } };
  });

function times(list: { key: string; value: number | null; dt: number }[], start: number): SampleRecord[] {
  let t = start;
  return list.map((s) => {
    t = Math.max(0, t + s.dt);
    return { key: s.key, value: s.value, timestamp: t };
  });
}
