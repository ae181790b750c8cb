/**
 * Topic schemas in the generated project: src/types.ts holds a type per topic key or value,
 * topology.ts types the sources with them (a function that misreads a field does not compile),
 * settings.ts carries the table the Kafka runtime serializes with, README and .env.example say how.
 */
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import type { TopologyDocument } from '../../src/model/types';
import { ROOT, tempRoot, writeProject } from './project-dir';
import { avroOrdersDesign } from './schema-designs';

const PROTO = `syntax = "proto3";
package shop.v1;
enum Kind { A = 0; }
message Envelope { message Order { string order_id = 1; int64 amount = 2; } Order order = 1; }`;

function withMapper(doc: TopologyDocument, mapper: string): TopologyDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'reshape' ? { ...n, params: { mapper } } : n)) };
}

describe('generated project with topic schemas', () => {
  const engine = nodeEngineSources();
  const doc = avroOrdersDesign();
  const files = generateProject(doc, engine);

  it('emits src/types.ts and types the source with it', () => {
    expect(files.get('src/types.ts')).toContain('export interface OrdersValue {');
    expect(files.get('src/types.ts')).toContain('export type OrdersValueStatus = "NEW" | "PAID" | "CANCELLED";');
    expect(files.get('src/topology.ts')).toContain("import type * as Types from './types';");
    expect(files.get('src/topology.ts')).toContain('builder.stream<any, Types.OrdersValue>("orders", Consumed.as("orders"))');
  });

  it('has no types.ts and no type arguments when no topic has a schema', () => {
    const plain = generateProject({ ...doc, topics: undefined }, engine);
    expect(plain.has('src/types.ts')).toBe(false);
    expect(plain.get('src/topology.ts')).toContain('builder.stream("orders", Consumed.as("orders"))');
  });

  it('type-checks, and a function reading a field the schema lacks does not', () => {
    const dir = writeProject(join(tempRoot('sw-schemas-'), 'app'), files);
    const bad = generateProject(withMapper(doc, '(order) => ({ customer: order.client, amount: order.amount, noted: false })'), engine);
    writeFileSync(join(dir, 'src', 'bad-topology.ts'), bad.get('src/topology.ts')!);
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', dir], { encoding: 'utf8' });
    const errors = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('error TS'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/bad-topology\.ts.*Property 'client' does not exist on type 'OrdersValue'/);
  }, 120_000);

  it('settings carry the wire table: subject override, record names, Protobuf message names', () => {
    const settings = files.get('src/settings.ts')!;
    expect(settings).toContain('"subject": "customer-totals-totals-value"');
    expect(settings).toContain('"recordName": "shop.avro.Order"');
    const proto = generateProject({ ...doc, topics: { orders: { valueSchema: { format: 'protobuf', text: PROTO, messageType: 'shop.v1.Envelope.Order' } } } }, engine);
    expect(proto.get('src/settings.ts')).toContain('"messageName": "Envelope.Order"');
    expect(proto.get('src/settings.ts')).toContain('"recordName": "shop.v1.Envelope.Order"');
    expect(proto.get('src/types.ts')).toContain('export interface OrdersValue {\n  orderId: string;\n  amount: string;\n}');
  });

  it('README and .env.example document the registry and subject naming', () => {
    expect(files.get('.env.example')).toMatch(/^SCHEMA_REGISTRY_URL=$/m);
    expect(files.get('.env.example')).toMatch(/^SCHEMA_REGISTRY_SUBJECT_NAME_STRATEGY=TopicNameStrategy$/m);
    expect(files.get('README.md')).toContain('| `orders` | value | avro | `orders-value` |');
    expect(files.get('README.md')).toContain('| `customer-totals` | value | avro | `customer-totals-totals-value` |');
    expect(JSON.parse(files.get('package.json')!).dependencies['@kafkajs/confluent-schema-registry']).toBe('4.1.0');
  });
});
