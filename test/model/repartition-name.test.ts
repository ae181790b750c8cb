/**
 * repartition's repartitionName (Repartitioned.as(name)): the topic and its processors take it in the
 * compiled topology and in the exported project alike, so a repartition can carry the name of the
 * operator after it; the checker refuses a name Kafka would refuse or a topic registered twice.
 */
import { describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { generateProject } from '../../codegen/generate';
import { compileDesign } from '../../src/compiler/compile';
import { checkDesign } from '../../src/model/check';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';

const keyed = (repartition: Record<string, unknown>, next = node('tt', 'toTable')) =>
  design(
    [node('s', 'stream', { topic: 'in' }), node('mp', 'map', { mapper: '(key, value) => [value, key]' }), node('r', 'repartition', repartition), next, node('ts', 'toStream'), node('o', 'to', { topic: 'out' })],
    [['s', 'mp'], ['mp', 'r'], ['r', next.id], [next.id, 'ts'], ['ts', 'o']],
    { in: [{ key: 'a', value: 'x', timestamp: 1 }] },
  );

const errors = (doc: ReturnType<typeof keyed>) => checkDesign(doc).filter((d) => d.severity === 'error').map((d) => [d.code, d.nodeId, d.param]);

describe('repartition name', () => {
  it('names the topic and its sink and source; the node name when unset', () => {
    const named = compileDesign(keyed({ repartitionName: 'tt' })).topology.describe().toString();
    expect(named).toContain('Sink: tt-repartition-sink (topic: tt-repartition)');
    expect(named).toContain('Source: tt-repartition-source (topics: [tt-repartition])');
    expect(named).not.toContain('r-repartition');
    expect(compileDesign(keyed({})).topology.describe().toString()).toContain('Sink: r-repartition-sink (topic: r-repartition)');
    expect(simulate({ doc: keyed({ repartitionName: 'tt' }) }).sinks.out.map((r) => [r.key, r.value])).toEqual([['x', 'a']]);
  });

  it('is printed as Repartitioned.as in the exported topology', () => {
    const topology = generateProject(keyed({ repartitionName: 'tt' }), nodeEngineSources()).get('src/topology.ts')!;
    expect(topology).toContain('Repartitioned.as("tt")');
    expect(topology).not.toContain('Repartitioned.as("r")');
  });

  it('the checker refuses an illegal topic and a topic another repartition or groupBy already names', () => {
    expect(errors(keyed({ repartitionName: 'bad name' }))).toEqual([['E_TOPIC_NAME', 'r', 'repartitionName']]);
    expect(errors(keyed({ repartitionName: 'tt' }))).toEqual([]);
    const clash = keyed({ repartitionName: 'g' }, node('g', 'groupByKey'));
    clash.nodes.splice(clash.nodes.findIndex((n) => n.id === 'g'), 1, node('g', 'groupBy', { mapper: '(key, value) => value' }), node('c', 'count'));
    clash.edges = clash.edges.map((e) => (e.source === 'g' ? { ...e, source: 'c' } : e));
    clash.edges.push({ id: 'ex', source: 'g', target: 'c', targetPort: 'in' });
    expect(errors(clash)).toEqual([['E_NAME_DUPLICATE', 'r', 'repartitionName']]);
  });
});
