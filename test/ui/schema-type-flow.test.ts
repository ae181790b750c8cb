import { describe, expect, it } from 'vitest';
import { flowTypes, inputFlowTypes, type ReturnQuery } from '../../src/ui/schemas/type-flow';
import { schemaTypings, topicTypeName } from '../../src/ui/schemas/schema-typings';
import type { TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

const order = { format: 'avro' as const, text: JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }, { name: 'qty', type: 'int' }] }) };
const customer = { format: 'avro' as const, text: JSON.stringify({ type: 'record', name: 'Customer', fields: [{ name: 'name', type: 'string' }] }) };

function doc(): TopologyDocument {
  return {
    ...design(
      [
        node('o', 'stream', { topic: 'orders' }),
        node('c', 'table', { topic: 'customers' }),
        node('f', 'filter', { predicate: '(k, v) => v.qty > 0' }),
        node('m', 'mapValues', { mapper: '(v) => ({ id: v.id })' }),
        node('j', 'join', { joiner: '(o, c) => ({ ...o, name: c.name })' }),
        node('g', 'groupByKey'),
        node('n', 'count'),
        node('s', 'to', { topic: 'out' }),
      ],
      [['o', 'f'], ['f', 'm'], ['m', 'j', 'left'], ['c', 'j', 'right'], ['j', 'g'], ['g', 'n'], ['n', 's']],
    ),
    topics: { orders: { keySchema: { format: 'avro', text: '"string"' }, valueSchema: order }, customers: { valueSchema: customer } },
  };
}

describe('schema types that flow', () => {
  it('names each topic side as a TypeScript identifier in the Topics namespace', () => {
    expect(topicTypeName('orders-v2', 'valueSchema')).toBe('OrdersV2Value');
    expect(topicTypeName('9lives', 'keySchema')).toBe('T9livesKey');
    const t = schemaTypings(doc());
    expect(t.topicTypes.get('orders')).toEqual({ key: 'Topics.OrdersKey', value: 'Topics.OrdersValue' });
    expect(t.lib.startsWith('declare namespace Topics {\n')).toBe(true);
    expect(t.lib).toContain('export interface OrdersValue {');
    expect(t.lib).toContain('export type OrdersKey = string;');
  });

  it('keeps types through filter, asks for return types of mapValues and the joiner with the upstream types, and counts are numbers', async () => {
    const asked: ReturnQuery[] = [];
    const answers: Record<string, string> = { m: '{ id: number; }', j: '{ id: number; name: string; }' };
    const flow = await flowTypes(doc(), schemaTypings(doc()).topicTypes, async (q) => {
      asked.push(q);
      return answers[q.nodeId];
    });
    expect(flow.get('f')).toEqual({ key: 'Topics.OrdersKey', value: 'Topics.OrdersValue' });
    expect(asked.find((q) => q.nodeId === 'm')).toMatchObject({ param: 'mapper', params: [{ name: 'value', type: 'Topics.OrdersValue' }, { name: 'key', type: 'Topics.OrdersKey' }], expr: 'ReturnType<F>' });
    expect(asked.find((q) => q.nodeId === 'j')?.params).toEqual([{ name: 'leftValue', type: '{ id: number; }' }, { name: 'rightValue', type: 'Topics.CustomersValue' }, { name: 'key', type: 'Topics.OrdersKey' }]);
    expect(flow.get('j')).toEqual({ key: 'Topics.OrdersKey', value: '{ id: number; name: string; }' });
    expect(flow.get('n')).toEqual({ key: 'Topics.OrdersKey', value: 'number' });
    expect(inputFlowTypes(doc(), flow, 's')).toMatchObject({ key: 'Topics.OrdersKey', value: 'number' });
    expect(inputFlowTypes(doc(), flow, 'j')).toMatchObject({ left: { value: '{ id: number; }' }, right: { value: 'Topics.CustomersValue' } });
  });

  it('an unknown return type stays unknown (the inspector falls back to the inferred one)', async () => {
    const flow = await flowTypes(doc(), schemaTypings(doc()).topicTypes, async () => undefined);
    expect(flow.get('m')).toEqual({ key: 'Topics.OrdersKey', value: undefined });
  });
});
