/**
 * Partition counts of internal topics and changelogs, and the co-partitioning check, derived as
 * Kafka Streams does (per sub-topology), without a broker.
 */
import { describe, expect, it } from 'vitest';
import { Consumed, Named, Produced, Repartitioned, StreamsBuilder } from '../../src/engine';
import { planPartitions } from '../../src/engine/kafka/partition-counts';
import { loggedStores } from '../../src/engine/kafka/topics';
import { ordersWithCustomers } from './fk-topology';

describe('planPartitions', () => {
  it('foreign-key join: the subscription topic has the right table’s partitions, the response topic the left’s, changelogs their sub-topology’s', () => {
    const t = ordersWithCustomers('orders', 'customers', 'out');
    const plan = planPartitions(t, new Map([['orders', 3], ['customers', 2]]), loggedStores(t));
    expect(Object.fromEntries(plan.internal)).toEqual({
      'with-customer-subscription-registration-topic': 2,
      'with-customer-subscription-response-topic': 3,
      'maybe-customer-subscription-registration-topic': 2,
      'maybe-customer-subscription-response-topic': 3,
    });
    expect(Object.fromEntries(plan.changelog)).toEqual({
      'orders-store': 3,
      'customers-store': 2,
      'with-customer-store': 3,
      'with-customer-subscription-store': 2,
      'maybe-customer-store': 3,
      'maybe-customer-subscription-store': 2,
    });
  });

  it('a repartition topic read only by its own sub-topology takes the count of the sub-topology writing it', () => {
    const b = new StreamsBuilder();
    b.stream<string, string>('lines', Consumed.as('lines')).groupBy((_k, v) => v).count(Named.as('counts')).toStream().to('out', Produced.as('sink'));
    const t = b.build();
    expect(Object.fromEntries(planPartitions(t, new Map([['lines', 5]]), loggedStores(t)).internal)).toEqual({ 'counts-repartition': 5 });
    // The runtime's internalPartitions option replaces the derived count.
    expect(Object.fromEntries(planPartitions(t, new Map([['lines', 5]]), loggedStores(t), 2).internal)).toEqual({ 'counts-repartition': 2 });
  });

  it('tables joined by primary key, or a stream with a table, must still be co-partitioned', () => {
    const b = new StreamsBuilder();
    const prices = b.table('prices', Consumed.as('prices'));
    b.stream('trades', Consumed.as('trades')).join(prices, (a: unknown, p: unknown) => [a, p]).to('out');
    expect(() => planPartitions(b.build(), new Map([['trades', 3], ['prices', 2]]), [])).toThrow('topics joined together must have the same number of partitions: prices (2), trades (3)');
  });

  it('an explicit repartition count that differs from the table it is joined with is refused', () => {
    const b = new StreamsBuilder();
    const prices = b.table('prices', Consumed.as('prices'));
    b.stream('trades', Consumed.as('trades'))
      .repartition(Repartitioned.as('by-symbol').withNumberOfPartitions(4))
      .join(prices, (a: unknown, p: unknown) => [a, p])
      .to('out');
    expect(() => planPartitions(b.build(), new Map([['trades', 3], ['prices', 2]]), [])).toThrow(/by-symbol-repartition \(4\)/);
  });
});
