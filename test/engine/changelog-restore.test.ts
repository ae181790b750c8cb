/** Changelog capture and restore (the Kafka runtime's state recovery), without a broker. */
import { describe, expect, it } from 'vitest';
import { Materialized, StreamsBuilder, TimeWindows } from '../../src/engine';
import { Task } from '../../src/engine/core/task';
import { captureChanges, restore, type ChangelogRecord } from '../../src/engine/kafka/changelog';
import { loggedStores } from '../../src/engine/kafka/topics';

function windowedCount() {
  const b = new StreamsBuilder();
  b.stream('in').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count(Materialized.as('counts').withCachingDisabled()).toStream().to('out');
  return b.build();
}

describe('changelog restore', () => {
  it('restores window state and stream time, so counts continue and late records stay late', () => {
    const topology = windowedCount();
    expect(loggedStores(topology)).toEqual(['counts']);
    const log: ChangelogRecord[] = [];
    const first = new Task(topology.spec, { emit: () => undefined });
    captureChanges(first, ['counts'], (store, key, value) => log.push({ store, key, value: value() }));
    for (const [k, t] of [['a', 1], ['a', 2], ['a', 25]] as const) {
      first.process('in', { key: k, value: 1, timestamp: t }, 0);
      first.flush();
    }
    // A new task (after a crash) restores from the changelog and continues.
    const out: { key: unknown; value: unknown }[] = [];
    const second = new Task(topology.spec, { emit: (_t, r) => out.push({ key: r.key, value: r.value }) });
    restore(second, log);
    second.process('in', { key: 'a', value: 1, timestamp: 26 }, 1);
    second.process('in', { key: 'a', value: 1, timestamp: 3 }, 2);
    expect(out).toEqual([{ key: { key: 'a', start: 20, end: 30 }, value: 2 }]);
    expect([...second.nodes.values()].reduce((n, r) => n + r.dropped, 0)).toBe(1);
  });
});
