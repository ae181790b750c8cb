/** Generated projects of the examples equal the reviewed golden files (regenerate: npm run golden). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printTopology } from '../../codegen/topology-file';
import { design, node } from '../fixtures/build';
import { GOLDEN_DIR, goldenProjects } from './golden';

describe('golden generated projects', () => {
  for (const [name, files] of goldenProjects()) {
    it.each([...files.keys()])(`${name}: %s`, (path) => {
      expect(files.get(path)).toBe(readFileSync(join(GOLDEN_DIR, name, path), 'utf8'));
    });
  }
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('topology.ts reads like the Kafka Streams DSL', () => {
  it('one statement per node, variables named after the nodes, functions inline', () => {
    const doc = design(
      [node('s', 'stream', { topic: 'orders' }, 'orders'), node('f', 'filter', { predicate: '(key, order: { amount: number }) => order.amount > 100' }, 'big orders'), node('o', 'to', { topic: 'big-orders' }, 'write big')],
      [['s', 'f'], ['f', 'o']],
    );
    doc.nodes[1].description = 'Only orders above 100';
    const code = squash(printTopology(doc));
    expect(code).toContain(squash('const orders = builder.stream("orders", Consumed.as("orders"));'));
    expect(code).toContain(squash('// Only orders above 100 const bigOrders = orders.filter((key, order: { amount: number }) => order.amount > 100, Named.as("big orders"));'));
    expect(code).toContain(squash('bigOrders.to("big-orders", Produced.as("write big"));'));
    expect(code).toContain("import { Consumed, Named, Produced, StreamsBuilder, Topology } from './streams/index';");
  });
  it('windowed aggregation and suppress print as TimeWindows/Suppressed calls', () => {
    const doc = design(
      [node('s', 'stream', { topic: 'in' }, 'in'), node('g', 'groupByKey', {}, 'g'), node('w', 'windowedBy', { type: 'hopping', sizeMs: 60000, advanceMs: 10000, graceMs: 5000 }, 'w'), node('c', 'count', {}, 'c'), node('x', 'suppress', {}, 'final')],
      [['s', 'g'], ['g', 'w'], ['w', 'c'], ['c', 'x']],
    );
    const code = squash(printTopology(doc));
    expect(code).toContain(squash('g.windowedBy(TimeWindows.ofSizeAndGrace(60000, 5000).advanceBy(10000))'));
    expect(code).toContain(squash('c.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName("final"))'));
  });
});
