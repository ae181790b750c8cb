import { describe, expect, it } from 'vitest';
import { parseTopicSchema } from '../../src/model/topic-schemas/parse';
import { validateBySchema } from '../../src/model/topic-schemas/validate';
import { checkDesign } from '../../src/model/check';
import type { TopicSchema, TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

const avroOrder = `{
  "type": "record",
  "name": "Order",
  "namespace": "shop",
  "fields": [
    { "name": "id", "type": "int" },
    { "name": "customer", "type": { "type": "record", "name": "Customer", "fields": [{ "name": "id", "type": "string" }] } },
    { "name": "status", "type": { "type": "enum", "name": "Status", "symbols": ["NEW", "PAID"] } },
    { "name": "note", "type": ["null", "string"], "default": null },
    { "name": "items", "type": { "type": "array", "items": "string" } }
  ]
}`;
const avro: TopicSchema = { format: 'avro', text: avroOrder };

const jsonSchema: TopicSchema = {
  format: 'json-schema',
  text: JSON.stringify({ type: 'object', required: ['id', 'customer'], properties: { id: { type: 'integer' }, customer: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, tags: { type: 'array', items: { type: 'string' } } } }, null, 2),
};

const proto: TopicSchema = {
  format: 'protobuf',
  text: 'syntax = "proto3";\npackage shop;\nmessage Customer { string id = 1; }\nenum Status { NEW = 0; PAID = 1; }\nmessage Order {\n  int32 id = 1;\n  Customer customer = 2;\n  Status status = 3;\n  repeated string items = 4;\n  int64 total_cents = 5;\n}\n',
  messageType: 'shop.Order',
};

describe('parseTopicSchema', () => {
  it('reads a valid schema of each format', () => {
    for (const s of [avro, jsonSchema, proto]) expect(parseTopicSchema(s).ok, s.format).toBe(true);
  });

  it('marks an Avro syntax error at its line', () => {
    const r = parseTopicSchema({ format: 'avro', text: '{\n  "type": "record",\n  "name": "X"\n  "fields": []\n}' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'E_SCHEMA_INVALID', line: 4 });
  });

  it('marks an unknown Avro type name at the line that names it', () => {
    const r = parseTopicSchema({ format: 'avro', text: avroOrder.replace('"items": "string"', '"items": "strin"') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].line).toBe(10);
  });

  it('marks a JSON Schema keyword with a wrong value at its line', () => {
    const text = '{\n  "type": "object",\n  "properties": {\n    "id": { "type": "integr" }\n  }\n}';
    const r = parseTopicSchema({ format: 'json-schema', text });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.line)).toContain(4);
  });

  it('marks a Protobuf syntax error and an unknown field type at their lines', () => {
    const broken = parseTopicSchema({ format: 'protobuf', text: 'syntax = "proto3";\nmessage A {\n  int32 x = 1\n}\n' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0].line).toBe(4);
    const unknown = parseTopicSchema({ format: 'protobuf', text: 'syntax = "proto3";\nmessage A {\n  int32 x = 1;\n  Foo y = 2;\n}\n' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems[0]).toMatchObject({ code: 'E_SCHEMA_INVALID', line: 4 });
  });

  it('refuses a Protobuf message type the file does not declare', () => {
    const r = parseTopicSchema({ ...proto, messageType: 'shop.Ordr' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].code).toBe('E_SCHEMA_MESSAGE_TYPE');
  });
});

describe('validateBySchema', () => {
  it('Avro: a matching record passes, a wrong nested field is reported at its path', () => {
    const good = { id: 1, customer: { id: 'c1' }, status: 'NEW', note: null, items: ['a'] };
    expect(validateBySchema(avro, good)).toEqual([]);
    const bad = validateBySchema(avro, { ...good, customer: { id: 7 }, items: ['a', 3] });
    expect(bad.map((p) => p.path)).toEqual(['$.customer.id', '$.items[1]']);
    expect(validateBySchema(avro, { ...good, status: 'LOST' }).map((p) => p.path)).toEqual(['$.status']);
  });

  it('JSON Schema: wrong types and missing required fields by path', () => {
    expect(validateBySchema(jsonSchema, { id: 1, customer: { id: 'c' } })).toEqual([]);
    const bad = validateBySchema(jsonSchema, { id: 'x', customer: {}, tags: [1] });
    expect(bad.map((p) => p.path).sort()).toEqual(['$.customer.id', '$.id', '$.tags[0]']);
  });

  it('Protobuf: JSON mapping (enum names, 64-bit strings), unknown fields and wrong types by path', () => {
    expect(validateBySchema(proto, { id: 1, customer: { id: 'c' }, status: 'PAID', items: ['a'], total_cents: '12345678901234' })).toEqual([]);
    const bad = validateBySchema(proto, { id: 1.5, customer: { id: 3 }, status: 'LOST', items: 'a', extra: 1 });
    expect(bad.map((p) => p.path).sort()).toEqual(['$.customer.id', '$.extra', '$.id', '$.items', '$.status']);
  });
});

describe('checkDesign and schemas', () => {
  const withSchema = (schema: TopicSchema, value: unknown): TopologyDocument => ({
    ...design([node('s', 'stream', { topic: 'orders' }), node('t', 'to', { topic: 'out' })], [['s', 't']], { orders: [{ key: 'k', value, timestamp: 0 }] }),
    topics: { orders: { valueSchema: schema } },
  });

  it('reports a broken schema on the source node, at its line', () => {
    const ds = checkDesign(withSchema({ format: 'avro', text: '{\n  "type": "recor",\n  "name": "X", "fields": []\n}' }, {}));
    const d = ds.find((x) => x.code === 'E_SCHEMA_INVALID');
    expect(d).toMatchObject({ nodeId: 's', param: 'valueSchema', severity: 'error' });
    expect(d?.line).toBeGreaterThanOrEqual(1);
  });

  it('warns about a sample that does not match, with the field path', () => {
    const ds = checkDesign(withSchema(avro, { id: 'seven' }));
    const d = ds.find((x) => x.code === 'W_SAMPLE_SCHEMA');
    expect(d).toMatchObject({ nodeId: 's', param: 'samples.0.value' });
    expect(d?.message).toContain('$.id');
    expect(checkDesign(withSchema(avro, { id: 1, customer: { id: 'c' }, status: 'NEW', note: null, items: [] })).some((x) => x.code === 'W_SAMPLE_SCHEMA')).toBe(false);
  });
});
