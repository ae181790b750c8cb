/**
 * Restarting a task from its changelog is invisible for the stores the Kafka runtime logs by
 * snapshot (stream-stream join windows and unmatched records, suppress buffers, foreign-key
 * subscriptions) and for suppress's stream time restored from the partition time: for every point
 * where the task could stop, "process up to there, restore a new task from what was logged,
 * process the rest" emits exactly what one uninterrupted task emits. Without a broker.
 */
import { describe, expect, it } from 'vitest';
import { BufferConfig, JoinWindows, Materialized, StreamsBuilder, Suppressed, TimeWindows } from '../../src/engine';
import { loggedStores } from '../../src/engine/kafka/topics';
import { expectRestartInvisible } from './restart';

describe('changelog restore of snapshot-logged stores', () => {
  it('stream-stream left join: join windows, unmatched records and the join stream time', () => {
    const b = new StreamsBuilder();
    b.stream('orders')
      .leftJoin(b.stream('payments'), (o: unknown, p: unknown) => `${String(o)}+${String(p)}`, JoinWindows.ofTimeDifferenceAndGrace(100, 20))
      .to('out');
    const topology = b.build();
    expect(loggedStores(topology)).toHaveLength(3);
    expectRestartInvisible(topology, [
      ['orders', 'a', 'o1', 10],
      ['orders', 'b', 'o2', 20],
      ['payments', 'a', 'p1', 50],
      ['orders', 'c', 'o3', 60],
      ['payments', 'a', 'p2', 80],
      ['orders', 'd', 'o4', 300],
      ['payments', 'c', 'late', 70],
      ['orders', 'e', 'o5', 500],
    ]);
  });

  it('suppress untilTimeLimit: the buffer and the stream time (a record older than the restored time is emitted at once)', () => {
    const b = new StreamsBuilder();
    const input = b.stream('in');
    // Echoing every input shows when the suppressed results come out, not only their order.
    input.to('echo');
    input
      .groupByKey()
      .count(Materialized.as('counts').withCachingDisabled())
      .suppress(Suppressed.untilTimeLimit(60, BufferConfig.unbounded()))
      .toStream()
      .to('out');
    expectRestartInvisible(b.build(), [
      ['in', 'a', 1, 0],
      ['in', 'b', 1, 100],
      ['in', 'c', 1, 30],
      ['in', 'a', 1, 120],
      ['in', 'd', 1, 200],
    ]);
  });

  it('suppress untilWindowCloses over a windowed count', () => {
    const b = new StreamsBuilder();
    const input = b.stream('in');
    input.to('echo');
    input
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeAndGrace(10, 5))
      .count(Materialized.as('wc').withCachingDisabled())
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
      .toStream()
      .to('out');
    expectRestartInvisible(b.build(), [
      ['in', 'a', 1, 1],
      ['in', 'a', 1, 4],
      ['in', 'b', 1, 12],
      ['in', 'a', 1, 8],
      ['in', 'a', 1, 16],
      ['in', 'b', 1, 31],
    ]);
  });

  it('foreign-key join: subscriptions survive, so a right update reaches the left keys that subscribed before', () => {
    const b = new StreamsBuilder();
    const customers = b.table('customers', Materialized.as('customers-store'));
    b.table('orders', Materialized.as('orders-store'))
      .join(customers, (order: unknown) => (order as { customer: string }).customer, (o: unknown, c: unknown) => `${(o as { id: string }).id}@${String(c)}`)
      .toStream()
      .to('out');
    expectRestartInvisible(b.build(), [
      ['customers', 'c1', 'Ann', 1],
      ['orders', 'o1', { id: 'o1', customer: 'c1' }, 2],
      ['orders', 'o2', { id: 'o2', customer: 'c2' }, 3],
      ['customers', 'c2', 'Bob', 4],
      ['customers', 'c1', 'Ann B.', 5],
      ['orders', 'o1', { id: 'o1', customer: 'c2' }, 6],
      ['customers', 'c2', 'Bobby', 7],
    ]);
  });
});
