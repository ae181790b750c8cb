/**
 * Each kind of table node answers Kafka's enableSendingOldValues(forceMaterialization) the way
 * Kafka's KTableProcessorSupplier of that kind does (dsl/table-nodes.ts), and reading by key (view)
 * connects the reader to the right stores.
 */
import { describe, expect, it } from 'vitest';
import { Materialized, StreamsBuilder, type KTableImpl } from '../../src/engine';

const stores = (b: StreamsBuilder) => [...b.spec.stores.keys()];

describe('table nodes: sending old values and reading by key', () => {
  it('an unmaterialized source table declines without force and creates its store with force', () => {
    const b = new StreamsBuilder();
    const t = b.table('in') as KTableImpl;
    expect(t.enableSendingOldValues(false)).toBe(false);
    expect(t.oldValues.enabled).toBe(false);
    expect(stores(b)).toEqual([]);
    expect(t.enableSendingOldValues()).toBe(true);
    expect(t.oldValues.enabled).toBe(true);
    expect(stores(b)).toHaveLength(1);
  });

  it('a materialized source table sends old values without a new store', () => {
    const b = new StreamsBuilder();
    const t = b.table('in', Materialized.as('s')) as KTableImpl;
    expect(t.enableSendingOldValues(false)).toBe(true);
    expect(stores(b)).toEqual(['s']);
  });

  it('an unmaterialized mapValues asks its parent; a materialized one uses its own store', () => {
    const b = new StreamsBuilder();
    const source = b.table('in') as KTableImpl;
    const derived = source.mapValues((v) => v) as KTableImpl;
    expect(derived.enableSendingOldValues(false)).toBe(false);
    expect(source.oldValues.enabled).toBe(false);
    const stored = source.mapValues((v) => v, Materialized.as('m')) as KTableImpl;
    expect(stored.enableSendingOldValues(false)).toBe(true);
    expect(source.oldValues.enabled).toBe(false);
    expect(derived.enableSendingOldValues()).toBe(true);
    expect(source.oldValues.enabled).toBe(true);
  });

  it('a table-table join turns old values on in both sides, materializing them', () => {
    const b = new StreamsBuilder();
    const left = b.table('l') as KTableImpl;
    const right = b.table('r') as KTableImpl;
    const joined = left.join(right, (a: unknown, c: unknown) => [a, c]) as KTableImpl;
    expect(joined.enableSendingOldValues(false)).toBe(true);
    expect([left.oldValues.enabled, right.oldValues.enabled]).toEqual([true, true]);
    // Read by key, an unmaterialized join reads both sides' stores.
    expect(joined.valueGetterSupplier().storeNames).toEqual([...left.valueGetterSupplier().storeNames, ...right.valueGetterSupplier().storeNames]);
  });

  it('an aggregation is read from its own store and sends old values on request', () => {
    const b = new StreamsBuilder();
    const counts = b.stream('in').groupByKey().count(Materialized.as('c')) as KTableImpl;
    expect(counts.valueGetterSupplier().storeNames).toEqual(['c']);
    expect(counts.queryableStoreName()).toBe('c');
    expect(counts.enableSendingOldValues(false)).toBe(true);
  });
});
