import { describe, expect, it } from 'vitest';
import avro from 'avsc';
import { schemaToTypeScript } from '../../../src/model/topic-schemas/to-typescript';
import type { TopicSchema } from '../../../src/model/types';
import { typeErrors } from './type-check';

function declarations(schema: TopicSchema, name: string): string {
  const result = schemaToTypeScript(schema, name);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.text;
}

const ORDER_AVRO = {
  type: 'record', name: 'Order', namespace: 'com.acme', doc: 'An order */ with a tricky doc',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'long' },
    { name: 'placedAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
    { name: 'lines', type: { type: 'array', items: { type: 'record', name: 'Line', fields: [
      { name: 'sku', type: 'string' }, { name: 'qty', type: 'int' }] } } },
    { name: 'attrs', type: { type: 'map', values: 'double' } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'previous', type: ['null', 'Line'] },
    { name: 'parent', type: ['null', 'Order'] },
    { name: 'raw', type: 'bytes' },
    { name: 'either', type: ['int', 'long', 'string'] },
  ],
};

describe('schemaToTypeScript: Avro', () => {
  const text = declarations({ format: 'avro', text: JSON.stringify(ORDER_AVRO) }, 'OrdersValue');

  it('types what avsc decodes: records, enums, arrays, maps, nullable and named references', () => {
    const type = avro.Type.forSchema(ORDER_AVRO as avro.Schema);
    const decoded = type.fromBuffer(type.toBuffer({
      id: 'o1', amount: 5, placedAt: 1700000000000, status: 'PAID', lines: [{ sku: 'a', qty: 2 }],
      attrs: { w: 1.5 }, note: null, previous: { sku: 'b', qty: 1 }, parent: null, raw: Buffer.from([1]),
      either: { long: 7 },
    }));
    const literal = JSON.stringify({ ...decoded, raw: 'RAW' }).replace('"RAW"', 'new Uint8Array([1])');
    expect(typeErrors(text, `const v: OrdersValue = ${literal};`)).toEqual([]);
    expect(typeErrors(text, 'const s: OrdersValueStatus = "PAID"; const l: OrdersValueLine = { sku: "x", qty: 1 };')).toEqual([]);
  });

  it('rejects values the schema does not admit', () => {
    expect(typeErrors(text, 'const s: OrdersValueStatus = "LOST";')).not.toEqual([]);
    expect(typeErrors(text, 'declare const v: OrdersValue; const n: string = v.note;')).not.toEqual([]);
    expect(typeErrors(text, 'declare const v: OrdersValue; const n: number = v.either;')).not.toEqual([]);
    expect(typeErrors(text, 'declare const v: OrdersValue; const d: string | undefined = v.parent?.lines[0].sku;')).toEqual([]);
  });

  it('declares the root first and keeps its doc inside the comment', () => {
    expect(text.indexOf('export interface OrdersValue ')).toBe(text.indexOf('export'));
    expect(text).toContain('An order *\\/ with a tricky doc');
  });

  it('types a primitive root and reports invalid schemas by code', () => {
    expect(declarations({ format: 'avro', text: '"string"' }, 'K')).toBe('export type K = string;\n');
    expect(schemaToTypeScript({ format: 'avro', text: '{"type":"record"' }, 'X')).toMatchObject({ ok: false, code: 'schema-syntax' });
    expect(schemaToTypeScript({ format: 'avro', text: '{"type":"nope"}' }, 'X')).toMatchObject({ ok: false, code: 'schema-invalid' });
  });
});

const ORDER_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['id', 'status', 'customer'],
  properties: {
    id: { type: 'string', description: 'order id' },
    amount: { type: 'integer' },
    status: { enum: ['NEW', 'PAID'] },
    tags: { type: 'array', items: { type: 'string' } },
    customer: { $ref: '#/$defs/customer' },
    payment: { oneOf: [{ $ref: '#/$defs/card' }, { type: 'null' }] },
    extra: { type: 'object', additionalProperties: { type: 'number' } },
    'kebab-key': { type: ['string', 'null'] },
  },
  $defs: {
    customer: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, referrer: { $ref: '#/$defs/customer' } } },
    card: { type: 'object', required: ['last4'], properties: { last4: { type: 'string' } } },
  },
};

describe('schemaToTypeScript: JSON Schema', () => {
  const text = declarations({ format: 'json-schema', text: JSON.stringify(ORDER_JSON_SCHEMA) }, 'OrdersValue');

  it('types objects with required and optional properties, enums, arrays, oneOf and $ref', () => {
    const ok = `const v: OrdersValue = { id: 'o', status: 'NEW', customer: { name: 'c', referrer: { name: 'r' } },
      payment: { last4: '1234' }, extra: { a: 1 }, 'kebab-key': null, tags: ['x'] };
      const w: OrdersValue = { id: 'o', status: 'PAID', customer: { name: 'c' }, payment: null };`;
    expect(typeErrors(text, ok)).toEqual([]);
  });

  it('rejects a missing required property, an unknown enum value and a wrong item type', () => {
    expect(typeErrors(text, "const v: OrdersValue = { id: 'o', status: 'NEW' };")).not.toEqual([]);
    expect(typeErrors(text, "const v: OrdersValue = { id: 'o', status: 'GONE', customer: { name: 'c' } };")).not.toEqual([]);
    expect(typeErrors(text, "const v: OrdersValue = { id: 'o', status: 'NEW', customer: { name: 'c' }, tags: [1] };")).not.toEqual([]);
  });

  it('types allOf as an intersection and a bare schema as unknown', () => {
    const schema = { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
      { type: 'object', required: ['b'], properties: { b: { type: 'number' } } }] };
    const both = declarations({ format: 'json-schema', text: JSON.stringify(schema) }, 'AB');
    expect(typeErrors(both, "const v: AB = { a: 'x', b: 1 };")).toEqual([]);
    expect(typeErrors(both, "const v: AB = { a: 'x' };")).not.toEqual([]);
    expect(declarations({ format: 'json-schema', text: '{}' }, 'Any')).toBe('export type Any = unknown;\n');
  });
});

const ORDER_PROTO = `syntax = "proto3";
package shop.v1;
import "google/protobuf/timestamp.proto";
// An order.
message Order {
  string order_id = 1;
  int64 amount = 2;
  Status status = 3;
  repeated Line lines = 4;
  map<string, int32> counts = 5;
  oneof payment { string card = 6; int32 cash = 7; }
  optional string note = 8;
  bytes raw = 9;
  google.protobuf.Timestamp placed_at = 10;
  Line first = 11;
  message Line { string sku = 1; uint32 qty = 2; }
  enum Status { NEW = 0; PAID = 1; }
}
message Other { bool flag = 1; }`;

describe('schemaToTypeScript: Protobuf', () => {
  const text = declarations({ format: 'protobuf', text: ORDER_PROTO }, 'OrdersValue');

  it('types messages, nested types, enums, repeated, maps and oneof as protobufjs toObject gives them', () => {
    const ok = `const v: OrdersValue = { orderId: 'o', amount: '12', status: 'PAID', lines: [{ sku: 'a', qty: 1 }],
      counts: { a: 1 }, cash: 3, raw: 'AAE=', placedAt: { seconds: '1', nanos: 0 }, first: null };`;
    expect(typeErrors(text, ok)).toEqual([]);
    expect(typeErrors(text, "const s: OrdersValueStatus = 'LOST';")).not.toEqual([]);
    expect(typeErrors(text, "declare const v: OrdersValue; const c: string = v.card;")).not.toEqual([]);
  });

  it('takes the message named by messageType, else the first one declared', () => {
    const other = declarations({ format: 'protobuf', text: ORDER_PROTO, messageType: 'shop.v1.Other' }, 'K');
    expect(other).toBe('export interface K {\n  flag: boolean;\n}\n');
    expect(schemaToTypeScript({ format: 'protobuf', text: ORDER_PROTO, messageType: 'shop.v1.Missing' }, 'K'))
      .toMatchObject({ ok: false, code: 'schema-invalid' });
    expect(schemaToTypeScript({ format: 'protobuf', text: 'message {' }, 'K')).toMatchObject({ ok: false, code: 'schema-syntax' });
  });
});
