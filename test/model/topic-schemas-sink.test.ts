import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulator/simulate';
import type { TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

const order = { format: 'avro' as const, text: JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }, { name: 'total', type: 'double' }] }) };

/** orders -> mapValues(mapper) -> to "out", both topics with the Order schema. */
function pipeline(mapper: string): TopologyDocument {
  return {
    ...design([node('s', 'stream', { topic: 'orders' }), node('m', 'mapValues', { mapper }), node('o', 'to', { topic: 'out' })], [['s', 'm'], ['m', 'o']], {
      orders: [{ key: 'a', value: { id: 1, total: 2.5 }, timestamp: 1 }, { key: 'b', value: { id: 2, total: 4 }, timestamp: 2 }, { key: 'c', value: null, timestamp: 3 }],
    }),
    topics: { orders: { valueSchema: order }, out: { valueSchema: order } },
  };
}

describe('records reaching a sink with a schema', () => {
  it('a record that does not match is an E_SINK_SCHEMA on the sink, with the field path', () => {
    const r = simulate({ doc: pipeline('(v) => v && { id: v.id }') });
    const found = r.diagnostics.filter((d) => d.code === 'E_SINK_SCHEMA');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ nodeId: 'o', param: 'valueSchema', severity: 'error' });
    expect(found[0].message).toContain('$.total');
  });

  it('matching records and tombstones pass', () => {
    const r = simulate({ doc: pipeline('(v) => v && { ...v, total: v.total * 2 }') });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'E_SINK_SCHEMA')).toEqual([]);
  });
});
