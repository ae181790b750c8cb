/** The timeline's recorded run: store histories with checkpoints, and every node's state as of one input record. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulator/simulate';
import { momentAt } from '../../src/simulator/timeline/moment';
import { timelineOverview } from '../../src/simulator/timeline/overview';
import { CHECKPOINT_CHANGES, ChangeLogHistory, SnapshotHistory } from '../../src/simulator/timeline/store-history';
import type { SampleRecord, TopologyDocument } from '../../src/model/types';
import { design, exampleDesign, node } from '../fixtures/build';

const sorted = (entries: unknown[]) => entries.map((e) => JSON.stringify(e)).sort();

/** The samples of the first `n` input records in processing order (each topic keeps a prefix of its own). */
function prefix(doc: TopologyDocument, ids: readonly string[], n: number): Record<string, SampleRecord[]> {
  const counts: Record<string, number> = {};
  for (const id of ids.slice(0, n)) {
    const topic = id.slice(0, id.lastIndexOf('#'));
    counts[topic] = (counts[topic] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(doc.samples).map(([t, recs]) => [t, recs.slice(0, counts[t] ?? 0)]));
}

describe('store histories', () => {
  it('a change log gives the contents after any position, across many checkpoints', () => {
    const h = new ChangeLogHistory('s');
    const truth: Map<string, unknown>[] = [];
    const live = new Map<string, unknown>();
    let seed = 7;
    const rand = (n: number) => Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 65536) % n;
    for (let p = 0; p < 400; p++) {
      for (let c = 1 + rand(4); c > 0; c--) {
        const key = `k${rand(30)}`;
        if (rand(5) === 0) {
          live.delete(key);
          h.change(p, key, null);
        } else {
          live.set(key, { key, value: p, timestamp: p });
          h.change(p, key, { key, value: p, timestamp: p });
        }
      }
      truth.push(new Map(live));
    }
    expect(h.size().checkpoints).toBeGreaterThan(2);
    expect(h.size().changes).toBeGreaterThan(CHECKPOINT_CHANGES * 2);
    expect(h.at(-1)).toEqual([]);
    for (const p of [0, 1, 100, 170, 171, 255, 256, 257, 333, 399]) expect(sorted(h.at(p))).toEqual(sorted([...truth[p].values()]));
  });

  it('snapshots keep only contents that changed and answer with the latest at or before a position', () => {
    const h = new SnapshotHistory('b');
    const a = [{ key: 'x', value: { side: 'left' }, timestamp: 1 }];
    h.offer(0, a);
    h.offer(1, [{ key: 'x', value: { side: 'left' }, timestamp: 1 }]);
    h.offer(3, []);
    expect(h.size().checkpoints).toBe(2);
    expect(h.at(-1)).toEqual([]);
    expect(h.at(2)).toEqual(a);
    expect(h.at(5)).toEqual([]);
  });
});

describe('state as of an input record', () => {
  for (const name of ['word-count', 'final-results-suppress', 'orders-payments-join', 'session-windows', 'pageview-windows']) {
    it(`${name}: the stores at every record equal a run over the samples up to that record`, () => {
      const doc = exampleDesign(name);
      const full = simulate({ doc, record: true });
      const rec = full.recording!;
      expect(rec.processed).toBeGreaterThan(2);
      for (let p = 0; p < rec.processed; p++) {
        const partial = simulate({ doc, samples: prefix(doc, rec.inputIds, p + 1) });
        const m = momentAt(full, rec, p);
        for (const [store, owner] of Object.entries(full.storeOwners)) {
          const shown = m.nodes[owner].stores.find((s) => s.name === store)!;
          expect(sorted(shown.entries), `${store} at ${p}`).toEqual(sorted(partial.stores[store] ?? []));
        }
        for (const id of Object.keys(full.nodes)) expect(m.nodes[id].emitted, `${id} at ${p}`).toBe(partial.nodes[id].emittedCount);
      }
    });
  }

  it('windows: open, in grace, then closed; a late record is dropped with how late it was', () => {
    const doc = design(
      [node('s', 'stream', { topic: 'in' }), node('g', 'groupByKey'), node('w', 'windowedBy', { type: 'tumbling', sizeMs: 100, graceMs: 50 }), node('c', 'count'), node('t', 'toStream'), node('o', 'to', { topic: 'out' })],
      [['s', 'g'], ['g', 'w'], ['w', 'c'], ['c', 't'], ['t', 'o']],
      { in: [{ key: 'a', value: 1, timestamp: 10 }, { key: 'a', value: 1, timestamp: 120 }, { key: 'a', value: 1, timestamp: 90 }, { key: 'a', value: 1, timestamp: 400 }, { key: 'a', value: 1, timestamp: 20 }] },
    );
    const r = simulate({ doc, record: true });
    const rec = r.recording!;
    const status = (p: number) => momentAt(r, rec, p).nodes.c.windows!.map((w) => `${w.start}:${w.status}`);
    expect(status(0)).toEqual(['0:open']);
    expect(status(1)).toEqual(['0:grace', '100:open']);
    expect(status(2)).toEqual(['0:grace', '100:open']);
    expect(momentAt(r, rec, 2).nodes.c.windows![0].value).toBe(2);
    expect(status(3)).toEqual(['0:expired', '100:expired', '400:open']);
    const late = momentAt(r, rec, 4).nodes.c;
    expect(late.dropsHere).toEqual([{ position: 4, inputId: 'in#4', reason: { code: 'expired-window', window: { start: 0, end: 100 }, lateByMs: 400 - 50 - 100 } }]);
    expect(late.streamTime).toBe(400);
    expect(momentAt(r, rec, 3).nodes.c.dropsHere).toEqual([]);
    const overview = timelineOverview(r, rec);
    expect(overview.inputs.map((i) => [i.outOfOrder, i.dropped])).toEqual([[false, false], [false, false], [true, false], [false, false], [true, true]]);
    expect(overview.outputs.map((o) => [o.position, o.value])).toEqual([[0, 1], [1, 1], [2, 2], [3, 1]]);
  });

  it('suppress: the buffer at a record, with when each entry is due and when this run emitted it', () => {
    const r = simulate({ doc: exampleDesign('final-results-suppress'), record: true });
    const buf = momentAt(r, r.recording!, 1).nodes.sup.buffer!;
    expect(buf).toHaveLength(1);
    expect(buf[0]).toMatchObject({ key: { key: 's1', start: 1699999980000, end: 1700000040000 }, value: 2, dueAt: 1700000040000, emittedAt: 2 });
    expect(momentAt(r, r.recording!, 2).nodes.sup.emitted).toBe(1);
    expect(momentAt(r, r.recording!, 4).nodes.sup.buffer!.map((b) => b.emittedAt)).toEqual([null]);
  });

  it('stream time per node is the latest timestamp that reached it; before any record there is none', () => {
    const r = simulate({ doc: exampleDesign('orders-payments-join'), record: true });
    const before = momentAt(r, r.recording!, -1);
    expect(before.streamTime).toBeNull();
    expect(Object.values(before.nodes).every((n) => n.streamTime === null && n.emitted === 0)).toBe(true);
    const last = momentAt(r, r.recording!, 99);
    expect(last.position).toBe(r.recording!.processed - 1);
    expect(last.nodes.join.streamTime).toBe(last.streamTime);
  });

  it('a run without record has no recording (the queries answer null)', () => {
    expect(simulate({ doc: exampleDesign('word-count') }).recording).toBeUndefined();
  });
});
