import { describe, expect, it } from 'vitest';
import { generateFromSchema } from '../../src/model/topic-schemas/generate';
import { validateBySchema } from '../../src/model/topic-schemas/validate';
import type { TopicSchema, TopicSettings } from '../../src/model/types';

const avro: TopicSchema = {
  format: 'avro',
  text: JSON.stringify({
    type: 'record', name: 'Order', fields: [
      { name: 'id', type: 'long' },
      { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED'] } },
      { name: 'note', type: ['null', 'string'] },
      { name: 'pay', type: ['null', { type: 'record', name: 'Card', fields: [{ name: 'n', type: 'string' }] }, { type: 'record', name: 'Cash', fields: [{ name: 'c', type: 'int' }] }] },
      { name: 'lines', type: { type: 'array', items: { type: 'record', name: 'Line', fields: [{ name: 'sku', type: 'string' }, { name: 'qty', type: 'int' }] } } },
      { name: 'attrs', type: { type: 'map', values: 'double' } },
      { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    ],
  }),
};
const json: TopicSchema = {
  format: 'json-schema',
  text: JSON.stringify({
    type: 'object', required: ['id', 'kind'], $defs: { money: { type: 'number', minimum: 0, maximum: 1000 } },
    properties: { id: { type: 'integer', minimum: 1 }, kind: { enum: ['a', 'b'] }, name: { type: 'string', minLength: 2, maxLength: 5 }, total: { $ref: '#/$defs/money' }, tags: { type: 'array', items: { type: 'string' }, maxItems: 3 }, maybe: { type: ['string', 'null'] } },
  }),
};
const proto: TopicSchema = {
  format: 'protobuf',
  text: 'syntax = "proto3";\nenum S { A = 0; B = 1; }\nmessage Item { string sku = 1; uint32 qty = 2; }\nmessage Order {\n  int64 id = 1;\n  S s = 2;\n  repeated Item items = 3;\n  map<string, double> attrs = 4;\n  oneof pay { string card = 5; int32 cash = 6; }\n  bytes blob = 7;\n  optional bool gift = 8;\n}\n',
  messageType: 'Order',
};
const key: TopicSchema = { format: 'avro', text: '"string"' };

describe('generateFromSchema', () => {
  const opts = { count: 200, seed: 7, boundaryRate: 0.3, nullRate: 0.3, absentRate: 0.3 };

  it.each([['avro', avro], ['json-schema', json], ['protobuf', proto]] as const)('%s: every generated key and value validates', (_, valueSchema) => {
    const settings: TopicSettings = { keySchema: key, valueSchema };
    const records = generateFromSchema(settings, opts);
    expect(records).toHaveLength(200);
    for (const r of records) {
      expect(validateBySchema(valueSchema, r.value), JSON.stringify(r.value)).toEqual([]);
      expect(validateBySchema(key, r.key)).toEqual([]);
    }
  });

  it('is reproducible by seed and differs between seeds', () => {
    const s = { valueSchema: avro };
    expect(generateFromSchema(s, { ...opts, seed: 3 })).toEqual(generateFromSchema(s, { ...opts, seed: 3 }));
    expect(generateFromSchema(s, { ...opts, seed: 3 })).not.toEqual(generateFromSchema(s, { ...opts, seed: 4 }));
  });

  it('covers every enum symbol and union branch, and honours key cardinality', () => {
    const records = generateFromSchema({ valueSchema: avro }, { count: 12, seed: 1, keyCardinality: 3, nullRate: 0 });
    const values = records.map((r) => r.value as Record<string, unknown>);
    expect(new Set(values.map((v) => v.status))).toEqual(new Set(['NEW', 'PAID', 'SHIPPED']));
    // The ambiguous union of two records is wrapped: both branches appear.
    expect(new Set(values.map((v) => Object.keys((v.pay as object) ?? {})[0]))).toEqual(new Set(['Card', 'Cash']));
    expect(new Set(records.map((r) => r.key)).size).toBeLessThanOrEqual(3);
  });

  it('makes the asked shares of tombstones, duplicates, late and out-of-order records', () => {
    const records = generateFromSchema({ valueSchema: avro }, { count: 400, seed: 5, tombstones: 0.2, duplicates: 0.1, late: 0.1, outOfOrder: 0.1, lateByMs: 3_600_000 });
    const tombstones = records.filter((r) => r.value === null).length;
    expect(tombstones).toBeGreaterThan(40);
    expect(tombstones).toBeLessThan(130);
    const late = records.filter((r) => r.timestamp < Date.UTC(2024, 0, 1)).length;
    expect(late).toBeGreaterThan(10);
    const inversions = records.filter((r, i) => i > 0 && r.timestamp < records[i - 1].timestamp).length;
    expect(inversions).toBeGreaterThan(10);
    const none = generateFromSchema({ valueSchema: avro }, { count: 100, seed: 5 });
    expect(none.every((r, i) => r.value !== null && (i === 0 || r.timestamp >= none[i - 1].timestamp))).toBe(true);
  });
});
