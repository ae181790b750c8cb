/**
 * describe() structure beyond the full-text cases: stores Kafka creates (or does not) for joins,
 * the foreign-key join's internal topics, and the anti-counter property: names come from design
 * node names, so adding an unrelated node renames no processor, store or repartition topic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { Consumed, JoinWindows, Materialized, Named, Produced, StreamJoined, StreamsBuilder, type Topology } from '../../src/engine';
import { parseDesign } from '../../src/model/load';
import type { TopologyDocument } from '../../src/model/types';
import { node } from '../fixtures/build';

const joiner = (l: unknown, r: unknown) => ({ l, r });
const example = (name: string): TopologyDocument => {
  const r = parseDesign(readFileSync(join(__dirname, '..', '..', 'public', 'examples', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.doc;
};
const stores = (t: Topology, processor: string) => t.spec.nodes.get(processor)?.stores;

describe('describe(): stores of tables', () => {
  it('toTable(Materialized.as(x)) connects store x to the toTable processor, as Kafka describes it', () => {
    const b = new StreamsBuilder();
    b.stream('in', Consumed.as('src')).toTable(Named.as('as-table'), Materialized.as('latest')).toStream().to('out', Produced.as('out'));
    const t = b.build();
    expect(stores(t, 'as-table')).toEqual(['latest']);
    expect(t.describe().toString()).toMatch(/Processor: as-table \(stores: \[latest\]\)/);
  });
});

describe('describe(): join structure', () => {
  it('a stream-stream inner join has the two window stores and no shared outer-join store (as in Kafka)', () => {
    const b = new StreamsBuilder();
    b.stream('a', Consumed.as('a'))
      .join(b.stream('b', Consumed.as('b')), joiner, JoinWindows.ofTimeDifferenceWithNoGrace(10), StreamJoined.as('ab-store').withName('ab'))
      .to('out', Produced.as('out'));
    const t = b.build();
    expect([...t.spec.stores.keys()]).toEqual(['ab-store-this-join-store', 'ab-store-other-join-store']);
    expect(stores(t, 'ab-this-join')).toEqual(['ab-store-other-join-store']);
    expect(stores(t, 'ab-other-join')).toEqual(['ab-store-this-join-store']);
    expect(t.spec.nodes.get('ab-merge')?.parents).toEqual(['ab-this-join', 'ab-other-join']);
  });

  // Kafka's KTableImpl#doJoinOnForeignKey: subscriptions keyed by the foreign key go through the
  // subscription-registration topic to the right table's sub-topology (which keeps the subscription
  // store), responses keyed by the left key come back through the subscription-response topic to the
  // left table's sub-topology, so the two tables need not be co-partitioned.
  const fkJoin = () => {
    const b = new StreamsBuilder();
    const orders = b.table('orders', Consumed.as('orders'), Materialized.as('orders-store'));
    const customers = b.table('customers', Consumed.as('customers'), Materialized.as('customers-store'));
    orders.join(customers, (o: { customer: string }) => o.customer, joiner, Named.as('with-customer')).toStream(Named.as('changes')).to('out', Produced.as('out'));
    return b.build();
  };

  it('foreign-key join: the two internal topics are named after the join, with the stores Kafka connects', () => {
    const t = fkJoin();
    expect([...t.spec.internalTopics.keys()]).toEqual(['with-customer-subscription-registration-topic', 'with-customer-subscription-response-topic']);
    expect([...t.spec.stores.keys()]).toEqual(['orders-store', 'customers-store', 'with-customer-store', 'with-customer-subscription-store']);
    // The subscription store is written by the receiver and scanned by right-table updates; only the
    // processors that read a table by key are connected to its store.
    expect(stores(t, 'with-customer-subscription-receive')).toEqual(['with-customer-subscription-store']);
    expect(stores(t, 'with-customer-foreign-join-subscription')).toEqual(['with-customer-subscription-store']);
    expect(stores(t, 'with-customer-subscription-join-foreign')).toEqual(['customers-store']);
    expect(stores(t, 'with-customer-subscription-response-resolver')).toEqual(['orders-store']);
    expect(stores(t, 'with-customer-subscription-registration-processor')).toEqual([]);
  });

  it('foreign-key join: left and right tables are in different sub-topologies (subscription-registration topic)', () => {
    const groups = fkJoin().describe().subtopologies;
    const groupOf = (name: string) => groups.findIndex((g) => g.some((n) => n.name === name));
    expect(groupOf('orders')).not.toBe(groupOf('customers'));
    expect(groupOf('with-customer-subscription-response-source')).toBe(groupOf('orders'));
    expect(groupOf('with-customer')).toBe(groupOf('orders'));
    expect(groupOf('with-customer-subscription-registration-source')).toBe(groupOf('customers'));
  });

  it('foreign-key join: full text (left table, response source and result in 0; right table, subscription source and store in 1)', () => {
    // Nodes by sub-tree size, then name: the response source (5 nodes below and with it) leads sub-topology 0.
    expect(fkJoin().describe().toString()).toBe(
      [
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: with-customer-subscription-response-source (topics: [with-customer-subscription-response-topic])',
        '      --> with-customer-subscription-response-resolver',
        '    Source: orders (topics: [orders])',
        '      --> orders-table',
        '    Processor: with-customer-subscription-response-resolver (stores: [orders-store])',
        '      --> with-customer',
        '      <-- with-customer-subscription-response-source',
        '    Processor: orders-table (stores: [orders-store])',
        '      --> with-customer-subscription-registration-processor',
        '      <-- orders',
        '    Processor: with-customer (stores: [with-customer-store])',
        '      --> changes',
        '      <-- with-customer-subscription-response-resolver',
        '    Processor: changes (stores: [])',
        '      --> out',
        '      <-- with-customer',
        '    Processor: with-customer-subscription-registration-processor (stores: [])',
        '      --> with-customer-subscription-registration-sink',
        '      <-- orders-table',
        '    Sink: out (topic: out)',
        '      <-- changes',
        '    Sink: with-customer-subscription-registration-sink (topic: with-customer-subscription-registration-topic)',
        '      <-- with-customer-subscription-registration-processor',
        '',
        '  Sub-topology: 1',
        '    Source: customers (topics: [customers])',
        '      --> customers-table',
        '    Source: with-customer-subscription-registration-source (topics: [with-customer-subscription-registration-topic])',
        '      --> with-customer-subscription-receive',
        '    Processor: customers-table (stores: [customers-store])',
        '      --> with-customer-foreign-join-subscription',
        '      <-- customers',
        '    Processor: with-customer-subscription-receive (stores: [with-customer-subscription-store])',
        '      --> with-customer-subscription-join-foreign',
        '      <-- with-customer-subscription-registration-source',
        '    Processor: with-customer-foreign-join-subscription (stores: [with-customer-subscription-store])',
        '      --> with-customer-subscription-response-sink',
        '      <-- customers-table',
        '    Processor: with-customer-subscription-join-foreign (stores: [customers-store])',
        '      --> with-customer-subscription-response-sink',
        '      <-- with-customer-subscription-receive',
        '    Sink: with-customer-subscription-response-sink (topic: with-customer-subscription-response-topic)',
        '      <-- with-customer-foreign-join-subscription, with-customer-subscription-join-foreign',
        '',
        '',
      ].join('\n'),
    );
  });
});

/** Every processor, store and internal topic of `before`, as they appear in `after`. */
function names(t: Topology) {
  return {
    nodes: [...t.spec.nodes.values()].map((n) => `${n.type} ${n.name} (${n.stores.join(', ')}) <- ${n.parents.join(', ')} [${n.topics.join(', ')}]`),
    stores: [...t.spec.stores.keys()],
    topics: [...t.spec.internalTopics.keys()],
  };
}

describe('describe(): names do not depend on what else is in the design', () => {
  it.each(['word-count', 'orders-payments-join', 'final-results-suppress', 'enrich-with-table'])('%s: an unrelated node added first renames nothing', (name) => {
    const doc = example(name);
    const before = names(compileDesign(doc).topology);
    const extra: TopologyDocument = {
      ...doc,
      nodes: [node('audit-in', 'stream', { topic: 'audit' }, 'audit'), node('audit-f', 'filter', { predicate: '(k, v) => v !== null' }, 'audit-valid'), ...doc.nodes, node('audit-out', 'to', { topic: 'audit-out' }, 'audit-sink')],
      edges: [...doc.edges, { id: 'x1', source: 'audit-in', target: 'audit-f', targetPort: 'in' }, { id: 'x2', source: 'audit-f', target: 'audit-out', targetPort: 'in' }],
    };
    const compiled = compileDesign(extra);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const after = names(compiled.topology);
    expect(after.nodes).toEqual(expect.arrayContaining(before.nodes));
    expect(after.nodes.length).toBe(before.nodes.length + 3);
    expect(after.stores).toEqual(before.stores);
    expect(after.topics).toEqual(before.topics);
  });

  it('the DSL without names: an unnamed operation elsewhere does not shift named stores and repartition topics', () => {
    const build = (extra: boolean) => {
      const b = new StreamsBuilder();
      if (extra) b.stream('other').filter(() => true).mapValues((v) => v).to('other-out');
      b.stream<string, string>('lines', Consumed.as('lines'))
        .groupBy((_k, v) => v, undefined)
        .count(Named.as('counts'))
        .toStream(Named.as('changes'))
        .to('out', Produced.as('sink'));
      return b.build();
    };
    const [a, c] = [build(false), build(true)];
    expect([...c.spec.stores.keys()]).toEqual([...a.spec.stores.keys()]);
    expect([...a.spec.stores.keys()]).toEqual(['counts-store']);
    expect([...a.spec.internalTopics.keys()]).toEqual(['counts-repartition']);
    expect([...c.spec.internalTopics.keys()]).toEqual(['counts-repartition']);
    expect(c.spec.nodes.get('counts')?.stores).toEqual(['counts-store']);
  });
});
