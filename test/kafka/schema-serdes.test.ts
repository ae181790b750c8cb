/**
 * The Kafka runtime's schema serdes against the Schema Registry TEST DOUBLE (no broker needed):
 * Protobuf and JSON Schema round trips in the Confluent wire format, what they write byte by byte,
 * interop with @kafkajs/confluent-schema-registry's own decode, and the errors the exception
 * handlers get (a value that does not match, bytes outside the wire format, an unknown schema id).
 */
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaSerdes, subjectName, type TopicSchemaTable, type WireSchema } from '../../src/engine/kafka/schema-serdes';
import { schemaRecordName } from '../../src/model/topic-schemas/record-name';
import type { TopicSchema } from '../../src/model/types';
import { ORDER_AVRO } from '../codegen/schema-designs';
import { startRegistryDouble, type RegistryDouble } from './schema-registry-double';

const PROTO = `syntax = "proto3";
package shop.v1;
message Other { bool flag = 1; }
message Order {
  string order_id = 1;
  int64 amount = 2;
  Status status = 3;
  repeated Line lines = 4;
  message Line { string sku = 1; uint32 qty = 2; }
  enum Status { NEW = 0; PAID = 1; }
}`;

const JSON_SCHEMA = JSON.stringify({
  type: 'object', title: 'Payment', required: ['id', 'amount'],
  properties: { id: { type: 'string' }, amount: { type: 'number', minimum: 0 } },
});

function wire(schema: TopicSchema): WireSchema {
  return { format: schema.format, text: schema.text, ...schemaRecordName(schema) };
}

describe('schema serdes in the Confluent wire format', () => {
  let registry: RegistryDouble;
  let table: TopicSchemaTable;

  beforeAll(async () => {
    registry = await startRegistryDouble();
    table = {
      orders: { value: wire({ format: 'protobuf', text: PROTO, messageType: 'shop.v1.Order' }) },
      lines: { value: wire({ format: 'protobuf', text: PROTO, messageType: 'shop.v1.Order.Line' }) },
      others: { value: wire({ format: 'protobuf', text: PROTO }) },
      payments: { key: wire({ format: 'avro', text: '"string"' }), value: wire({ format: 'json-schema', text: JSON_SCHEMA }) },
      avro: { value: wire({ format: 'avro', text: JSON.stringify(ORDER_AVRO) }) },
    };
  });
  afterAll(() => registry.close());

  async function roundTrip(topic: string, part: 'key' | 'value', value: unknown) {
    const writer = await SchemaSerdes.start({ url: registry.url, topics: table }, [topic]);
    const bytes = writer.encoder(topic, part)!(value)!;
    // Another instance (another app) reads it: the schema comes from the registry by id.
    const reader = await SchemaSerdes.start({ url: registry.url, topics: table }, []);
    await reader.prepare(topic, part, [bytes]);
    return { bytes, read: reader.decoder(topic, part)!(bytes) };
  }

  it('Protobuf: message indexes after the id, values as toObject gives them, readable by the client', async () => {
    const order = { orderId: 'o1', amount: '9007199254740993', status: 'PAID', lines: [{ sku: 'a', qty: 2 }] };
    const { bytes, read } = await roundTrip('orders', 'value', order);
    expect(read).toEqual(order);
    // Order is the file's second message: indexes [1] as zigzag varints (count 1 -> 2, index 1 -> 2).
    expect([...bytes.subarray(0, 7)]).toEqual([0, 0, 0, 0, bytes.readInt32BE(1), 2, 2]);
    const nested = await roundTrip('lines', 'value', { sku: 'b', qty: 3 });
    expect(nested.read).toEqual({ sku: 'b', qty: 3 });
    expect([...nested.bytes.subarray(5, 8)]).toEqual([4, 2, 0]); // path [1, 0]: count 2, 1, 0
    const first = await roundTrip('others', 'value', { flag: true });
    expect(first.bytes[5]).toBe(0); // the first message: the single 0 byte
    const client = new SchemaRegistry({ host: registry.url });
    expect((await client.decode(first.bytes)).flag).toBe(true);
  });

  it('JSON Schema and Avro keys: round trip, and the registry holds them under TopicNameStrategy subjects', async () => {
    const { read } = await roundTrip('payments', 'value', { id: 'p1', amount: 12.5 });
    expect(read).toEqual({ id: 'p1', amount: 12.5 });
    expect((await roundTrip('payments', 'key', 'p1')).read).toBe('p1');
    expect(registry.requests).toContain('POST /subjects/payments-value/versions');
    expect(registry.requests).toContain('POST /subjects/payments-key/versions');
  });

  it('a value that does not match is refused with the path; bytes outside the wire format and unknown ids too', async () => {
    const serdes = await SchemaSerdes.start({ url: registry.url, topics: table }, ['payments', 'avro']);
    expect(() => serdes.encoder('payments', 'value')!({ id: 'p', amount: -1 })).toThrow(/json-schema schema/);
    expect(() => serdes.encoder('avro', 'value')!({ id: 'o', customer: 'c', amount: 'ten', status: 'PAID', note: null })).toThrow(/avro schema at amount/);
    const decode = serdes.decoder('payments', 'value')!;
    expect(() => decode(Buffer.from('{"id":"p"}'))).toThrow(/not in the Confluent wire format \(magic byte 123/);
    const unknown = Buffer.from([0, 0, 0, 0x30, 0x39, 1]);
    await serdes.prepare('payments', 'value', [unknown]);
    expect(() => decode(unknown)).toThrow(/schema id 12345 could not be read from the registry/);
    expect(decode(null)).toBeNull();
  });

  it('names subjects by strategy, the schema subject winning', () => {
    const avro = table.avro.value!;
    expect(subjectName('t', 'value', avro)).toBe('t-value');
    expect(subjectName('t', 'value', avro, 'record')).toBe('shop.avro.Order');
    expect(subjectName('t', 'value', avro, 'topic-record')).toBe('t-shop.avro.Order');
    expect(subjectName('t', 'key', { ...avro, subject: 'mine' }, 'record')).toBe('mine');
    expect(subjectName('t', 'value', table.payments.value!, 'record')).toBe('Payment');
  });
});
