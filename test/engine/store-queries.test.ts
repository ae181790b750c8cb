/** Interactive queries of windowed stores: retention, the record cache and emit-final stores (Kafka's TTD store fetches). */
import { describe, expect, it } from 'vitest';
import { EmitStrategy, Materialized, SessionWindows, StreamsBuilder, TimeWindows, TopologyTestDriver } from '../../src/engine';
import type { SessionStore } from '../../src/engine/stores/session-store';
import type { WindowStore } from '../../src/engine/stores/window-store';

function tumbling(caching: boolean, emitFinal = false) {
  const b = new StreamsBuilder();
  const w = b.stream('in').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(500));
  if (emitFinal) w.emitStrategy(EmitStrategy.onWindowClose());
  const m = Materialized.as('counts');
  w.count(caching ? m : m.withCachingDisabled());
  const d = new TopologyTestDriver(b.build());
  d.pipe('in', 'a', 1, 10);
  d.pipe('in', 'a', 1, 500);
  d.pipe('in', 'a', 1, 1000);
  const s = d.getStateStore('counts') as WindowStore;
  return [0, 500, 1000].map((start) => s.query('a', start)?.value ?? null);
}

describe('windowed store queries', () => {
  it('expire windows past retention (size + grace), the boundary window only in the key-first store', () => {
    expect(tumbling(false)).toEqual([null, null, 1]);
    expect(tumbling(false, true)).toEqual([null, 1, 1]);
  });

  it('still return expired windows held by the record cache (time windows cache emit-final stores too)', () => {
    expect(tumbling(true)).toEqual([1, 1, 1]);
    expect(tumbling(true, true)).toEqual([1, 1, 1]);
  });

  it('expire sessions by their end', () => {
    const b = new StreamsBuilder();
    b.stream('in').groupByKey().windowedBy(SessionWindows.ofInactivityGapWithNoGrace(100)).count(Materialized.as('s').withCachingDisabled());
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'a', 1, 0);
    d.pipe('in', 'a', 1, 500);
    const s = d.getStateStore('s') as SessionStore;
    expect([s.query('a', 0, 0)?.value ?? null, s.query('a', 500, 500)?.value ?? null]).toEqual([null, 1]);
  });

  it('do not merge a new record into a session the uncached store has expired; a cached store still has it', () => {
    const run = (caching: boolean) => {
      const b = new StreamsBuilder();
      const m = Materialized.as('s');
      b.stream('in').groupByKey().windowedBy(SessionWindows.ofInactivityGapAndGrace(10, 20)).count(caching ? m : m.withCachingDisabled()).toStream().to('out');
      const d = new TopologyTestDriver(b.build());
      d.pipe('in', 'k', 1, 70);
      d.pipe('in', 'other', 1, 100); // stream time 100: retention 30 keeps sessions ending at 71 or later
      d.pipe('in', 'k', 1, 75); // not late: 75 >= 100 - 10 - 20
      return d.createOutputTopic('out').readRecordsToList().filter((r) => (r.key as { key: string }).key === 'k').map((r) => [r.key, r.value]);
    };
    expect(run(false)).toEqual([[{ key: 'k', start: 70, end: 70 }, 1], [{ key: 'k', start: 75, end: 75 }, 1]]);
    expect(run(true)).toEqual([[{ key: 'k', start: 70, end: 70 }, 1], [{ key: 'k', start: 70, end: 70 }, null], [{ key: 'k', start: 70, end: 75 }, 2]]);
  });
});
