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

  it('foreign-key join: subscription store, result store <name>-store and the <name>-subscription-response-repartition topic', () => {
    const b = new StreamsBuilder();
    const orders = b.table('orders', Consumed.as('orders'), Materialized.as('orders-store'));
    const customers = b.table('customers', Consumed.as('customers'), Materialized.as('customers-store'));
    orders.join(customers, (o: { customer: string }) => o.customer, joiner, Named.as('with-customer')).toStream(Named.as('changes')).to('out', Produced.as('out'));
    const t = b.build();
    const text = t.describe().toString();
    expect([...t.spec.internalTopics.keys()]).toEqual(['with-customer-subscription-response-repartition']);
    expect(text).toContain('Processor: with-customer (stores: [with-customer-store])\n      --> changes\n      <-- with-customer-response-join\n');
    expect(text).toContain('Source: with-customer-subscription-response-repartition-source (topics: [with-customer-subscription-response-repartition])\n      --> with-customer-response-join\n');
    expect(stores(t, 'with-customer-left')).toEqual(['with-customer-subscription-store', 'customers-store']);
    expect(stores(t, 'with-customer-right')).toEqual(['with-customer-subscription-store']);
  });

  // Kafka sends subscriptions keyed by the foreign key through a subscription-registration topic, so
  // the left and right tables live in different sub-topologies and need not be co-partitioned. The
  // engine subscribes in the left table's task (one sub-topology), which is right in one task (the
  // preview, TopologyTestDriver) but not across partitions. Flip to `it` when that is fixed.
  it.fails('foreign-key join: left and right tables are in different sub-topologies (subscription-registration topic)', () => {
    const b = new StreamsBuilder();
    const orders = b.table('orders', Consumed.as('orders'), Materialized.as('orders-store'));
    const customers = b.table('customers', Consumed.as('customers'), Materialized.as('customers-store'));
    orders.join(customers, (o: { customer: string }) => o.customer, joiner, Named.as('with-customer'));
    const groups = b.build().describe().subtopologies;
    const groupOf = (name: string) => groups.findIndex((g) => g.some((n) => n.name === name));
    expect(groupOf('orders')).not.toBe(groupOf('customers'));
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
