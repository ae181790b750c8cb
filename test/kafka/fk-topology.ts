/** The foreign-key join of the Kafka tests: orders (key: order id) join customers by order.customerId. */
import { Consumed, Materialized, Named, Produced, StreamsBuilder, type Topology } from '../../src/engine';
import type { SampleRecord } from '../../src/model/types';

export type Order = { item: string; customerId: string | null };
export type Customer = { name: string };

/** Inner join into `<out>-inner`, left join (null foreign keys allowed) into `<out>-left`. */
export function ordersWithCustomers(orders: string, customers: string, out: string): Topology {
  const b = new StreamsBuilder();
  const o = b.table<string, Order>(orders, Consumed.as('orders'), Materialized.as('orders-store'));
  const c = b.table<string, Customer>(customers, Consumed.as('customers'), Materialized.as('customers-store'));
  const fk = (v: Order) => v.customerId;
  const joiner = (order: Order, customer: Customer | null) => ({ item: order.item, customer: customer?.name ?? null });
  o.join(c, fk, joiner, Named.as('with-customer')).toStream(Named.as('inner-changes')).to(`${out}-inner`, Produced.as('inner-out'));
  o.leftJoin(c, fk, joiner, Named.as('maybe-customer')).toStream(Named.as('left-changes')).to(`${out}-left`, Produced.as('left-out'));
  return b.build();
}

/**
 * Orders moving between customers (to missing ones too), orders created without a customer and
 * given one later, customers renamed, deleted and arriving late, orders deleted; timestamps increase.
 * No order loses its foreign key: an inner join skips such an update (Kafka's rule), so which result
 * stays would depend on whether the response to the previous value came back first.
 */
export function fkRecords(): { orders: SampleRecord[]; customers: SampleRecord[] } {
  const orders: SampleRecord[] = [];
  const customers: SampleRecord[] = [];
  let t = 1_700_000_000_000;
  const order = (i: number, item: string, customerId: string | null) => orders.push({ key: `o${i}`, value: { item, customerId }, timestamp: (t += 10) });
  for (let i = 0; i < 6; i++) customers.push({ key: `c${i}`, value: { name: `Customer ${i}` }, timestamp: (t += 10) });
  for (let i = 0; i < 24; i++) order(i, `item-${i}`, i % 8 === 7 ? null : `c${i % 7}`);
  for (let i = 0; i < 24; i += 3) order(i, `item-${i}b`, i % 2 ? 'c9' : `c${(i + 2) % 6}`);
  for (const i of [7, 15]) order(i, `item-${i}c`, 'c1');
  customers.push({ key: 'c1', value: { name: 'Customer 1 renamed' }, timestamp: (t += 10) });
  customers.push({ key: 'c2', value: null, timestamp: (t += 10) });
  customers.push({ key: 'c6', value: { name: 'Customer 6, late' }, timestamp: (t += 10) });
  for (const i of [4, 5, 9]) orders.push({ key: `o${i}`, value: null, timestamp: (t += 10) });
  customers.push({ key: 'c3', value: { name: 'Customer 3 renamed' }, timestamp: (t += 10) });
  return { orders, customers };
}
