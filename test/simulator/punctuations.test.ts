/** The preview's punctuations: which ran, when, after which input, what they forwarded; the mock wall clock. */
import { describe, expect, it } from 'vitest';
import { nodeDetail } from '../../src/simulator/preview-view';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';

const PROCESSOR = `({
  init(ctx) {
    this.s = ctx.getStateStore('s');
    ctx.schedule(10, 'STREAM_TIME', function flush(ts) { for (const e of this.s.all()) ctx.forward({ key: e.key, value: e.value, timestamp: ts }); });
    ctx.schedule(1000, 'WALL_CLOCK_TIME', (now) => ctx.forward({ key: 'clock', value: now }));
  },
  process(r) { this.s.put(r.key, r.value); },
})`;

const doc = design(
  [node('src', 'stream', { topic: 'in' }), node('p', 'process', { processor: PROCESSOR, stores: [{ name: 's', type: 'keyValue' }] }), node('o', 'to', { topic: 'out' })],
  [['src', 'p'], ['p', 'o']],
  { in: [{ key: 'a', value: 1, timestamp: 5 }, { key: 'b', value: 2, timestamp: 8 }, { key: 'a', value: 3, timestamp: 12 }] },
);

describe('punctuations in the preview', () => {
  it('lists stream-time punctuations with the input they followed and what they forwarded', () => {
    const r = simulate({ doc });
    expect(r.ok).toBe(true);
    expect(r.punctuations!.map((p) => [p.type, p.callback, p.timestamp, p.afterInputId, p.forwarded.map((f) => [f.key, f.value])])).toEqual([
      ['STREAM_TIME', 'flush', 5, 'in#0', [['a', 1]]],
      ['STREAM_TIME', 'flush', 12, 'in#2', [['a', 3], ['b', 2]]],
    ]);
    const detail = nodeDetail(r, 'p', 100);
    expect(detail.punctuations).toHaveLength(2);
    expect(detail.stores.map((s) => [s.name, s.size])).toEqual([['s', 2]]);
  });

  it('moves the wall clock after the samples when asked: due WALL_CLOCK_TIME punctuations run once', () => {
    const r = simulate({ doc, wallClock: { startMs: 500, advanceMs: 2600 } });
    const wall = r.punctuations!.filter((p) => p.type === 'WALL_CLOCK_TIME');
    expect(wall.map((p) => [p.callback, p.timestamp, p.afterInputId, p.forwardedCount])).toEqual([['#2', 3100, null, 1]]);
    expect(r.sinks.out.at(-1)).toEqual({ key: 'clock', value: 3100, timestamp: 3100 });
    expect(simulate({ doc }).punctuations!.some((p) => p.type === 'WALL_CLOCK_TIME')).toBe(false);
  });

  it('moves the wall clock after every record by a fixed step: punctuations follow the record that made them due', () => {
    // Due at 1000, 2000, ...: +700 per record reaches 700, 1400 (runs), 2100 (runs).
    const r = simulate({ doc, wallClock: { perRecordMs: 700 } });
    const wall = r.punctuations!.filter((p) => p.type === 'WALL_CLOCK_TIME');
    expect(wall.map((p) => [p.timestamp, p.afterInputId])).toEqual([[1400, 'in#1'], [2100, 'in#2']]);
  });

  it('follows record time: the clock moves up to each record timestamp, never back', () => {
    const late = design(doc.nodes, [['src', 'p'], ['p', 'o']], { in: [{ key: 'a', value: 1, timestamp: 1500 }, { key: 'b', value: 2, timestamp: 900 }, { key: 'c', value: 3, timestamp: 3200 }] });
    const r = simulate({ doc: late, wallClock: { followEventTime: true } });
    const wall = r.punctuations!.filter((p) => p.type === 'WALL_CLOCK_TIME');
    expect(wall.map((p) => [p.timestamp, p.afterInputId])).toEqual([[1500, 'in#0'], [3200, 'in#2']]);
  });
});
