/**
 * Designs whose topics carry schemas (doc.topics), shared by the codegen and Kafka tests: paid
 * orders read as Avro, filtered and reshaped into an Avro sink, and totalled per customer (through
 * a JSON repartition topic) into a second Avro sink.
 */
import type { TopicSchema, TopologyDocument } from '../../src/model/types';

export const ORDER_AVRO = {
  type: 'record', name: 'Order', namespace: 'shop.avro',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'customer', type: 'string' },
    { name: 'amount', type: 'long' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'CANCELLED'] } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

export const PAID_AVRO = {
  type: 'record', name: 'PaidOrder', namespace: 'shop.avro',
  fields: [{ name: 'customer', type: 'string' }, { name: 'amount', type: 'long' }, { name: 'noted', type: 'boolean' }],
};

export const TOTAL_AVRO = {
  type: 'record', name: 'CustomerTotal', namespace: 'shop.avro',
  fields: [{ name: 'orders', type: 'int' }, { name: 'amount', type: 'long' }],
};

const avro = (schema: object, subject?: string): TopicSchema => ({ format: 'avro', text: JSON.stringify(schema), ...(subject ? { subject } : {}) });

type Statuses = 'NEW' | 'PAID' | 'CANCELLED';

/** n orders of 4 customers, every third cancelled, one second apart. */
export function orderSamples(n: number, from = 0, t0 = 1_767_225_600_000) {
  const statuses: Statuses[] = ['PAID', 'NEW', 'CANCELLED'];
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    const value = { id: `o${i}`, customer: `c${i % 4}`, amount: 10 + (i % 7) * 5, status: statuses[i % 3] === 'NEW' && i % 2 ? 'PAID' : statuses[i % 3], note: i % 5 === 0 ? 'gift' : null };
    return { key: `o${i}`, value, timestamp: t0 + i * 1000 };
  });
}

export function avroOrdersDesign(name = 'avro-orders', topics = { orders: 'orders', paid: 'paid-orders', totals: 'customer-totals' }): TopologyDocument {
  const node = (id: string, kind: string, params: Record<string, unknown>, x: number) => ({ id, kind, name: id, params, position: { x, y: 0 } });
  return {
    format: 'streamwright/topology',
    version: 1,
    name,
    nodes: [
      node('orders', 'stream', { topic: topics.orders }, 0),
      node('paid', 'filter', { predicate: "(key, order) => order.status === 'PAID'" }, 200),
      node('reshape', 'mapValues', { mapper: '(order) => ({ customer: order.customer, amount: order.amount, noted: order.note !== null })' }, 400),
      node('paid-sink', 'to', { topic: topics.paid }, 600),
      node('by-customer', 'groupBy', { mapper: '(key, paid) => paid.customer' }, 600),
      node('totals', 'aggregate', { initializer: '() => ({ orders: 0, amount: 0 })', aggregator: '(customer, paid, total) => ({ orders: total.orders + 1, amount: total.amount + paid.amount })', storeName: 'totals-store' }, 800),
      node('total-updates', 'toStream', {}, 1000),
      node('totals-sink', 'to', { topic: topics.totals }, 1200),
    ],
    edges: [
      ['orders', 'paid'], ['paid', 'reshape'], ['reshape', 'paid-sink'], ['reshape', 'by-customer'],
      ['by-customer', 'totals'], ['totals', 'total-updates'], ['total-updates', 'totals-sink'],
    ].map(([source, target], i) => ({ id: `e${i}`, source, target, targetPort: 'in' })),
    samples: { [topics.orders]: orderSamples(12) },
    settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 },
    topics: {
      [topics.orders]: { valueSchema: avro(ORDER_AVRO) },
      [topics.paid]: { valueSchema: avro(PAID_AVRO) },
      [topics.totals]: { valueSchema: avro(TOTAL_AVRO, `${topics.totals}-totals-value`) },
    },
  } as TopologyDocument;
}
