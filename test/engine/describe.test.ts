/**
 * describe() prints the processor graph as Kafka's Topology#describe() does. The expected texts are
 * written by hand: the structure is Kafka's (sub-topologies split at repartition topics, the
 * processors and stores Kafka creates for each operation, nodes ordered by sub-tree size then name,
 * a blank line after each sub-topology but not after a global store), the names are ours (design
 * node names, stores `<name>-store`, repartition topics `<name>-repartition`, see dsl/names.ts).
 * Kafka's no-op null-key filter before a repartition sink (`(k, v) -> true` since KIP-962) is not
 * reproduced, so the sink follows the key-changing processor directly.
 */
import { describe, expect, it } from 'vitest';
import {
  Branched,
  BufferConfig,
  Consumed,
  Grouped,
  JoinWindows,
  Joined,
  Materialized,
  Named,
  Produced,
  StreamJoined,
  StreamsBuilder,
  Suppressed,
  TimeWindows,
} from '../../src/engine';

type Any = any;
const text = (build: (b: StreamsBuilder) => void) => {
  const b = new StreamsBuilder();
  build(b);
  return b.build().describe().toString();
};
const lines = (...l: string[]) => l.join('\n') + '\n';
const joiner = (l: unknown, r: unknown) => ({ l, r });

describe('describe(): full text, Kafka structure', () => {
  it('stateless chain with split, branches and merge: one sub-topology, split children in branch order', () => {
    const t = text((b) => {
      const valid = b.stream<string, Any>('orders', Consumed.as('orders')).filter((_k, v) => v.amount > 0, Named.as('valid'));
      const routed = valid
        .split(Named.as('route-'))
        .branch((_k, v) => v.region === 'eu', Branched.as('eu'))
        .branch((_k, v) => v.region === 'us', Branched.as('us'))
        .defaultBranch(Branched.as('other'));
      const eu = routed['route-eu'].mapValues((v) => ({ ...v, tag: 'eu' }), Named.as('tag-eu'));
      eu.merge(routed['route-us'], Named.as('eu-and-us')).to('regional', Produced.as('write-regional'));
      routed['route-other'].to('unrouted', Produced.as('write-unrouted'));
    });
    expect(t).toBe(
      lines(
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: orders (topics: [orders])',
        '      --> valid',
        '    Processor: valid (stores: [])',
        '      --> route-',
        '      <-- orders',
        '    Processor: route- (stores: [])',
        '      --> route--branch-route-eu, route--branch-route-us, route--branch-route-other',
        '      <-- valid',
        '    Processor: route--branch-route-eu (stores: [])',
        '      --> tag-eu',
        '      <-- route-',
        '    Processor: route--branch-route-us (stores: [])',
        '      --> eu-and-us',
        '      <-- route-',
        '    Processor: tag-eu (stores: [])',
        '      --> eu-and-us',
        '      <-- route--branch-route-eu',
        '    Processor: eu-and-us (stores: [])',
        '      --> write-regional',
        '      <-- route--branch-route-us, tag-eu',
        '    Processor: route--branch-route-other (stores: [])',
        '      --> write-unrouted',
        '      <-- route-',
        '    Sink: write-regional (topic: regional)',
        '      <-- eu-and-us',
        '    Sink: write-unrouted (topic: unrouted)',
        '      <-- route--branch-route-other',
        '',
      ),
    );
  });

  it('word count: groupBy writes to <group>-repartition, the count reads it in sub-topology 1', () => {
    const t = text((b) =>
      b
        .stream<string, string>('text-lines', Consumed.as('lines'))
        .flatMapValues((v) => v.split(' '), Named.as('split-words'))
        .groupBy((_k, w) => w, Grouped.as('by-word'))
        .count(Named.as('word-counts'), Materialized.as('word-counts-store'))
        .toStream(Named.as('changes'))
        .to('counts', Produced.as('write-counts')),
    );
    expect(t).toBe(
      lines(
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: lines (topics: [text-lines])',
        '      --> split-words',
        '    Processor: split-words (stores: [])',
        '      --> by-word',
        '      <-- lines',
        '    Processor: by-word (stores: [])',
        '      --> by-word-repartition-sink',
        '      <-- split-words',
        '    Sink: by-word-repartition-sink (topic: by-word-repartition)',
        '      <-- by-word',
        '',
        '  Sub-topology: 1',
        '    Source: by-word-repartition-source (topics: [by-word-repartition])',
        '      --> word-counts',
        '    Processor: word-counts (stores: [word-counts-store])',
        '      --> changes',
        '      <-- by-word-repartition-source',
        '    Processor: changes (stores: [])',
        '      --> write-counts',
        '      <-- word-counts',
        '    Sink: write-counts (topic: counts)',
        '      <-- changes',
        '',
      ),
    );
  });

  it('windowed count with suppress: the window store on the aggregation, the buffer <suppress>-store on suppress', () => {
    const t = text((b) =>
      b
        .stream<string, string>('clicks', Consumed.as('clicks'))
        .groupByKey(Grouped.as('by-user'))
        .windowedBy(TimeWindows.ofSizeAndGrace(60_000, 5_000))
        .count(Named.as('clicks-per-minute'), Materialized.as('clicks-per-minute-store'))
        .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName('final-counts'))
        .toStream(Named.as('final-stream'))
        .to('click-counts', Produced.as('write-final')),
    );
    expect(t).toBe(
      lines(
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: clicks (topics: [clicks])',
        '      --> clicks-per-minute',
        '    Processor: clicks-per-minute (stores: [clicks-per-minute-store])',
        '      --> final-counts',
        '      <-- clicks',
        '    Processor: final-counts (stores: [final-counts-store])',
        '      --> final-stream',
        '      <-- clicks-per-minute',
        '    Processor: final-stream (stores: [])',
        '      --> write-final',
        '      <-- final-counts',
        '    Sink: write-final (topic: click-counts)',
        '      <-- final-stream',
        '',
      ),
    );
  });

  it('stream-stream left join: windowed processors hold their side, join processors read the other side and the shared store, then a merge', () => {
    const t = text((b) => {
      const orders = b.stream('orders', Consumed.as('orders'));
      const payments = b.stream('payments', Consumed.as('payments'));
      orders
        .leftJoin(payments, joiner, JoinWindows.ofTimeDifferenceAndGrace(60_000, 0), StreamJoined.as('owp-store').withName('order-with-payment'))
        .to('paid', Produced.as('write-paid'));
    });
    expect(t).toBe(
      lines(
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: orders (topics: [orders])',
        '      --> order-with-payment-this-windowed',
        '    Source: payments (topics: [payments])',
        '      --> order-with-payment-other-windowed',
        '    Processor: order-with-payment-other-windowed (stores: [owp-store-other-join-store])',
        '      --> order-with-payment-other-join',
        '      <-- payments',
        '    Processor: order-with-payment-this-windowed (stores: [owp-store-this-join-store])',
        '      --> order-with-payment-this-join',
        '      <-- orders',
        '    Processor: order-with-payment-other-join (stores: [owp-store-this-join-store, owp-store-outer-shared-join-store])',
        '      --> order-with-payment-merge',
        '      <-- order-with-payment-other-windowed',
        '    Processor: order-with-payment-this-join (stores: [owp-store-other-join-store, owp-store-outer-shared-join-store])',
        '      --> order-with-payment-merge',
        '      <-- order-with-payment-this-windowed',
        '    Processor: order-with-payment-merge (stores: [])',
        '      --> write-paid',
        '      <-- order-with-payment-other-join, order-with-payment-this-join',
        '    Sink: write-paid (topic: paid)',
        '      <-- order-with-payment-merge',
        '',
      ),
    );
  });

  it('stream-table join after selectKey: the stream is repartitioned into the sub-topology of the table store', () => {
    const t = text((b) => {
      const orders = b.stream<string, Any>('orders', Consumed.as('orders'));
      const customers = b.table('customers', Consumed.as('customers'));
      orders
        .selectKey((_k, v) => v.customerId, Named.as('by-customer'))
        .join(customers, joiner, Joined.as('with-customer'))
        .to('enriched', Produced.as('write-enriched'));
    });
    expect(t).toBe(
      lines(
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: orders (topics: [orders])',
        '      --> by-customer',
        '    Processor: by-customer (stores: [])',
        '      --> with-customer-left-repartition-sink',
        '      <-- orders',
        '    Sink: with-customer-left-repartition-sink (topic: with-customer-left-repartition)',
        '      <-- by-customer',
        '',
        '  Sub-topology: 1',
        '    Source: with-customer-left-repartition-source (topics: [with-customer-left-repartition])',
        '      --> with-customer',
        '    Source: customers (topics: [customers])',
        '      --> customers-table',
        '    Processor: with-customer (stores: [customers-store])',
        '      --> write-enriched',
        '      <-- with-customer-left-repartition-source',
        '    Processor: customers-table (stores: [customers-store])',
        '      --> none',
        '      <-- customers',
        '    Sink: write-enriched (topic: enriched)',
        '      <-- with-customer',
        '',
      ),
    );
  });

  it('global table join: the global store is its own sub-topology, and the join processor does not list it', () => {
    const t = text((b) => {
      const orders = b.stream<string, Any>('orders', Consumed.as('orders'));
      const products = b.globalTable('products', Consumed.as('products'));
      orders.join(products, (_k: unknown, v: Any) => v.productId, joiner, Named.as('with-product')).to('enriched', Produced.as('write-enriched'));
    });
    expect(t).toBe(
      lines(
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: orders (topics: [orders])',
        '      --> with-product',
        '    Processor: with-product (stores: [])',
        '      --> write-enriched',
        '      <-- orders',
        '    Sink: write-enriched (topic: enriched)',
        '      <-- with-product',
        '',
        '  Sub-topology: 1 for global store (will not generate tasks)',
        '    Source: products (topics: [products])',
        '      --> products-global',
        '    Processor: products-global (stores: [products-store])',
        '      --> none',
        '      <-- products',
      ),
    );
  });
});
