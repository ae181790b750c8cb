/** A processor store shared by two process nodes (Kafka: one addStateStore, both process(...) calls name it). */
import { describe, expect, it } from 'vitest';
import { printTopology } from '../../codegen/topology-file';
import { checkDesign } from '../../src/model/check';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';

const WRITER = `({ init(ctx) { this.s = ctx.getStateStore('prices'); }, process(r) { this.s.put(r.key, r.value); } })`;
const READER = `({ init(ctx) { this.ctx = ctx; this.s = ctx.getStateStore('prices'); }, process(r) { this.ctx.forward({ ...r, value: { qty: r.value, price: this.s.get(r.key) ?? null } }); } })`;
const shared = { name: 'prices', type: 'keyValue', shared: true };

// The reader comes first in dependency order (its source is listed first), so it is the node that adds the store.
const doc = (readerStores: unknown[]) =>
  design(
    [node('orders', 'stream', { topic: 'orders' }), node('prices-in', 'stream', { topic: 'prices' }), node('reader', 'process', { processor: READER, stores: readerStores }), node('writer', 'process', { processor: WRITER, stores: [shared] }), node('o', 'to', { topic: 'out' })],
    [['orders', 'reader'], ['prices-in', 'writer'], ['reader', 'o']],
    { prices: [{ key: 'apple', value: 3, timestamp: 1 }], orders: [{ key: 'apple', value: 2, timestamp: 2 }, { key: 'pear', value: 1, timestamp: 3 }] },
  );

describe('shared processor stores', () => {
  it('two process nodes marking one store shared use the same store: what one writes the other reads', () => {
    const d = doc([shared]);
    expect(checkDesign(d).filter((x) => x.severity === 'error')).toEqual([]);
    const r = simulate({ doc: d });
    expect(r.ok).toBe(true);
    expect(r.sinks.out.map((x) => [x.key, x.value])).toEqual([['apple', { qty: 2, price: 3 }], ['pear', { qty: 1, price: null }]]);
    // One sub-topology, as Kafka merges processors that share a store.
    expect(r.describe.match(/Sub-topology/g)).toHaveLength(1);
  });

  it('the generated topology adds the store once, before the first process(...) that names it', () => {
    const code = printTopology(doc([shared]));
    expect(code.match(/addStateStore/g)).toHaveLength(1);
    expect(code.indexOf('addStateStore')).toBeLessThan(code.indexOf('.process('));
    expect(code.match(/Named.as\("(reader|writer)"\), "prices"\)/g)).toHaveLength(2);
  });

  it('without shared on both, the name is a duplicate; declared differently, a mismatch', () => {
    expect(checkDesign(doc([{ name: 'prices', type: 'keyValue' }])).map((x) => x.code)).toContain('E_STORE_DUPLICATE');
    expect(checkDesign(doc([{ ...shared, logging: false }])).map((x) => x.code)).toContain('E_STORE_SHARED_MISMATCH');
  });
});
