/** The describe() parser (formats, problems as data) and the mapping of Kafka's processor names to operators. */
import { describe, expect, it } from 'vitest';
import { checkDesign } from '../../../src/model/check';
import { importDescribe } from '../../../src/model/describe/import';
import { parseDescribe } from '../../../src/model/describe/parse';

const STATELESS = `Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [input])
      --> KSTREAM-FILTER-0000000001
    Processor: KSTREAM-FILTER-0000000001 (stores: [])
      --> KSTREAM-MAPVALUES-0000000002
      <-- KSTREAM-SOURCE-0000000000
    Processor: KSTREAM-MAPVALUES-0000000002 (stores: [])
      --> KSTREAM-KEY-SELECT-0000000003
      <-- KSTREAM-FILTER-0000000001
    Processor: KSTREAM-KEY-SELECT-0000000003 (stores: [])
      --> my-custom-processor
      <-- KSTREAM-MAPVALUES-0000000002
    Processor: my-custom-processor (stores: [])
      --> KSTREAM-SINK-0000000005
      <-- KSTREAM-KEY-SELECT-0000000003
    Sink: KSTREAM-SINK-0000000005 (topic: output)
      <-- my-custom-processor

`;

const GLOBAL_AND_PATTERN = `Topologies:
   Sub-topology: 0
    Source: source (topics: topic-\\d+)
      --> sink
    Sink: sink (extractor class: com.example.Router)
      <-- source

  Sub-topology: 1 for global store (will not generate tasks)
    Source: globalSource (topics: [global-topic])
      --> globalProcessor
    Processor: globalProcessor (stores: [global-store])
      --> none
      <-- globalSource
`;

describe('parseDescribe', () => {
  it('reads sub-topologies, global stores, patterns, extractors and both link directions', () => {
    const r = parseDescribe(GLOBAL_AND_PATTERN);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const [g0, g1] = r.description.groups;
    expect(g0).toMatchObject({ id: 0, global: false });
    expect(g1).toMatchObject({ id: 1, global: true });
    expect(g0.nodes[0]).toMatchObject({ type: 'source', name: 'source', pattern: 'topic-\\d+', topics: [], successors: ['sink'] });
    expect(g0.nodes[1]).toMatchObject({ type: 'sink', extractor: 'com.example.Router', predecessors: ['source'] });
    expect(g1.nodes[1]).toMatchObject({ type: 'processor', stores: ['global-store'], successors: [], predecessors: ['globalSource'] });
  });

  it('says what is wrong as data, with the line', () => {
    const bad = parseDescribe('Topologies:\n   Sub-topology: 0\n    Source: s (topics: [a])\n      --> missing\n    Hello world\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => [p.code, p.line])).toEqual([['DESCRIBE_SYNTAX', 5]]);
    const dangling = parseDescribe('Topologies:\n   Sub-topology: 0\n    Source: s (topics: [a])\n      --> missing\n');
    if (!dangling.ok) expect(dangling.problems.map((p) => p.code)).toEqual(['DESCRIBE_DANGLING']);
    else throw new Error('a dangling link was accepted');
    const empty = parseDescribe('Topologies:\n');
    expect(empty.ok ? [] : empty.problems.map((p) => p.code)).toEqual(['DESCRIBE_EMPTY']);
  });
});

describe('importDescribe', () => {
  it('maps generated names to operators with TODO stubs, and an unknown processor to a placeholder that names it', () => {
    const r = importDescribe(STATELESS);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const byName = new Map(r.doc.nodes.map((n) => [n.name, n]));
    expect(r.doc.nodes.map((n) => n.kind)).toEqual(['stream', 'filter', 'mapValues', 'selectKey', 'processValues', 'to']);
    expect(byName.get('KSTREAM-MAPVALUES-0000000002')!.params.mapper).toBe('(value, key) => value /* TODO: was KSTREAM-MAPVALUES-0000000002 */');
    expect(byName.get('KSTREAM-FILTER-0000000001')!.params.predicate).toContain('TODO: was KSTREAM-FILTER-0000000001');
    const placeholder = byName.get('my-custom-processor')!;
    expect(placeholder.description).toContain('Processor my-custom-processor');
    expect(String(placeholder.params.processor)).toContain('TODO: was Processor my-custom-processor');
    expect(r.notes).toEqual([expect.objectContaining({ code: 'PLACEHOLDER', processor: 'my-custom-processor', nodeId: placeholder.id })]);
    expect(checkDesign(r.doc).filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.doc.edges.map((e) => [r.doc.nodes.find((n) => n.id === e.source)!.name, r.doc.nodes.find((n) => n.id === e.target)!.name])).toHaveLength(5);
  });

  it('a global store becomes a globalTable with its store; a pattern or an extractor is noted as not exact', () => {
    const r = importDescribe(GLOBAL_AND_PATTERN);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.doc.nodes.map((n) => [n.kind, n.name]).sort()).toEqual([['globalTable', 'globalSource'], ['stream', 'source'], ['to', 'sink']]);
    expect(r.doc.nodes.find((n) => n.kind === 'globalTable')!.params).toMatchObject({ topic: 'global-topic', storeName: 'global-store' });
    expect(r.notes.map((n) => [n.code, n.processor]).sort()).toEqual([['INEXACT', 'globalProcessor'], ['INEXACT', 'sink'], ['INEXACT', 'source']]);
    expect(checkDesign(r.doc).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('lays nodes out left to right by their distance from a source', () => {
    const r = importDescribe(STATELESS);
    if (!r.ok) throw new Error('not ok');
    const xs = r.doc.nodes.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(6);
  });
});
