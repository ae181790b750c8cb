/** The simulator: per-node traces with lineage, Kafka-like input ordering, errors naming node and record. */
import { checkDesign } from '../../src/model/check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulator/simulate';
import { design, exampleDesign, node } from '../fixtures/build';

describe('simulate', () => {
  it('traces what every node emitted, with the input record each came from', () => {
    const r = simulate({ doc: exampleDesign('word-count') });
    expect(r.ok).toBe(true);
    const words = r.nodes.words.emitted;
    expect(words.slice(0, 5).map((w) => w.value)).toEqual(['all', 'streams', 'lead', 'to', 'kafka']);
    expect(words[0].inputIds).toEqual(['text-lines#0']);
    const kafka3 = r.nodes.count.emitted.find((e) => e.key === 'kafka' && e.value === 3)!;
    expect(kafka3.inputIds).toEqual(['text-lines#2']);
    expect(r.nodes.count.emitted.find((e) => e.key === 'kafka' && e.value === 2)!.oldValue).toBeNull();
    expect(r.stores['counts-store'].find((s) => s.key === 'kafka')!.value).toBe(3);
    expect(r.storeOwners['counts-store']).toBe('count');
    expect(r.describe).toContain('Sub-topology: 1');
  });

  it('orders inputs across topics by timestamp, keeping each topic in its own order', () => {
    const doc = design([node('a', 'stream', { topic: 'a' }), node('b', 'stream', { topic: 'b' }), node('m', 'merge'), node('o', 'to', { topic: 'out' })], [['a', 'm'], ['b', 'm'], ['m', 'o']], {
      a: [{ key: 1, value: 'a@5', timestamp: 5 }, { key: 2, value: 'a@1', timestamp: 1 }],
      b: [{ key: 3, value: 'b@3', timestamp: 3 }],
    });
    expect(simulate({ doc }).sinks.out.map((r) => r.value)).toEqual(['b@3', 'a@5', 'a@1']);
  });

  it('a throwing function stops the run with node, function, record and message', () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('m', 'mapValues', { mapper: '(v) => v.x.y' }, 'boom'), node('o', 'to')], [['s', 'm'], ['m', 'o']], {
      in: [{ key: 'k1', value: { x: { y: 1 } }, timestamp: 1 }, { key: 'k2', value: { z: 1 }, timestamp: 2 }],
    });
    const r = simulate({ doc });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ nodeId: 'm', field: 'mapper', record: { key: 'k2', value: { z: 1 }, timestamp: 2 } });
    expect(r.error!.message).toMatch(/^boom \(mapper\): Cannot read properties of undefined/);
    expect(r.nodes.m.error?.field).toBe('mapper');
    expect(r.nodes.m.emitted).toHaveLength(1);
  });

  it('bad samples: negative or missing timestamps and non-string values for a string serde name the topic and index', () => {
    const base = (samples: Record<string, unknown[]>, serde = 'default') =>
      design([node('s', 'stream', { topic: 'in', valueSerde: serde }), node('o', 'to')], [['s', 'o']], samples as never);
    expect(simulate({ doc: base({ in: [{ key: 1, value: 1, timestamp: 1 }, { key: 1, value: 1, timestamp: -4 }] }) }).error?.message).toBe('sample 2 of topic "in" has a negative timestamp (-4); timestamps are epoch milliseconds >= 0');
    expect(simulate({ doc: base({ in: [{ key: 1, value: 1 }] }) }).error?.message).toMatch(/sample 1 of topic "in" has no valid timestamp/);
    expect(simulate({ doc: base({ in: [{ key: 1, value: 42, timestamp: 1 }] }, 'string') }).error?.message).toMatch(/value of a record for topic "in": String serde cannot write a number/);
  });

  it('does not run a design the checker finds errors in, and returns its diagnostics', () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('o', 'to', { topic: 'out' }), node('c', 'count')], [['s', 'o'], ['s', 'c']], { in: [{ key: 'a', value: 1, timestamp: 1 }] });
    const r = simulate({ doc });
    expect(r.ok).toBe(false);
    expect(r.sinks).toEqual({});
    expect(r.diagnostics).toEqual(checkDesign(doc));
    expect(r.diagnostics.map((d) => [d.code, d.nodeId])).toContainEqual(['E_CONNECT_KIND', 'c']);
  });

  it('with a trace limit, keeps each node\'s first records (same ids and lineage) and still counts them all', () => {
    const doc = exampleDesign('word-count');
    const all = simulate({ doc });
    const limited = simulate({ doc, maxTracePerNode: 2 });
    // word-count: 3 lines of text; "words" emits one record per word (5 + 3 + 3 in the sample).
    expect(all.nodes.words.emittedCount).toBe(11);
    expect(limited.nodes.words.emitted).toHaveLength(2);
    for (const id of Object.keys(all.nodes)) {
      expect(limited.nodes[id].emittedCount, id).toBe(all.nodes[id].emittedCount);
      // seq numbers count traced forwards, fewer with a limit; their order and the causes stay.
      const bare = (recs: typeof all.nodes.src.emitted) => recs.map(({ seq: _seq, ...r }) => r);
      expect(bare(limited.nodes[id].emitted), id).toEqual(bare(all.nodes[id].emitted.slice(0, 2)));
    }
    expect(limited.sinks).toEqual(all.sinks);
    expect(limited.stores).toEqual(all.stores);
  });

  it('reports dropped late records per node; grouping nodes show the records they group', () => {
    const r = simulate({ doc: exampleDesign('pageview-windows') });
    expect(r.nodes.count.dropped).toBe(1);
    // 7 page views are grouped and windowed; one is too late for its window, so 6 updates come out.
    expect([r.nodes.group.emittedCount, r.nodes.win.emittedCount, r.nodes.count.emittedCount]).toEqual([7, 7, 6]);
  });

  it('counts the records entering a node: every record into a split, both sides of a join', () => {
    const split = simulate({ doc: exampleDesign('split-branches') });
    expect(split.nodes.split.recordsIn).toBe(4);
    expect(split.nodes.split.emittedCount).toBe(4);
    const doc = design([node('l', 'stream', { topic: 'l' }), node('r', 'stream', { topic: 'r' }), node('j', 'join', { joiner: '(a, b) => a + b', beforeMs: 10, afterMs: 10 }), node('o', 'to', { topic: 'out' })], [['l', 'j', 'left'], ['r', 'j', 'right'], ['j', 'o']], {
      l: [{ key: 'a', value: 'x', timestamp: 1 }, { key: 'b', value: 'y', timestamp: 2 }],
      r: [{ key: 'a', value: 'z', timestamp: 3 }],
    });
    const joined = simulate({ doc });
    expect(joined.nodes.j.recordsIn).toBe(3);
    expect(joined.sinks.out.map((x) => x.value)).toEqual(['xz']);
  });

  it('names the input record each drop happened on, also with a trace limit', () => {
    for (const maxTracePerNode of [undefined, 1]) {
      const r = simulate({ doc: exampleDesign('pageview-windows'), maxTracePerNode });
      // u5's view at T0+30 s: the 7th sample, after stream time reached T0+130 s.
      expect(r.nodes.count.droppedInputs).toEqual(['pageviews#6']);
      expect(r.inputs.pageviews.find((i) => i.id === 'pageviews#6')).toMatchObject({ key: 'u5', timestamp: 1700000030000 });
      expect(Object.entries(r.nodes).filter(([, n]) => n.droppedInputs.length).map(([id]) => id)).toEqual(['count']);
    }
  });
});
