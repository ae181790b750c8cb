/** Synthetic designs for the bench: chains (a 20-node design with 10k samples, 100 and 300 nodes) and parallel pipelines. */
import type { DesignEdge, DesignNode, TopologyDocument } from '../src/model/types';

export function chainDesign(nodes: number, samples: number): TopologyDocument {
  const ns: DesignNode[] = [];
  const es: DesignEdge[] = [];
  const add = (kind: string, params: Record<string, unknown>) => {
    const id = `n${ns.length + 1}`;
    if (ns.length) es.push({ id: `e${es.length + 1}`, source: ns[ns.length - 1].id, target: id, targetPort: 'in' });
    ns.push({ id, kind, name: `${kind}-${ns.length + 1}`, params, position: { x: ns.length * 220, y: 0 } });
  };
  add('stream', { topic: 'events' });
  const middle = nodes - 6;
  for (let i = 0; i < middle; i++) add(i % 3 === 0 ? 'filter' : i % 3 === 1 ? 'mapValues' : 'peek', i % 3 === 0 ? { predicate: '(k, v) => v.n >= 0' } : i % 3 === 1 ? { mapper: '(v) => ({ ...v, n: v.n + 1 })' } : { action: '(k, v) => undefined' });
  add('groupByKey', {});
  add('windowedBy', { type: 'tumbling', sizeMs: 60_000, graceMs: 0 });
  add('count', {});
  add('toStream', {});
  add('to', { topic: 'out' });
  const recs = Array.from({ length: samples }, (_, i) => ({ key: `user-${i % 100}`, value: { n: i }, timestamp: 1_700_000_000_000 + i * 100 }));
  return { format: 'streamwright/topology', version: 1, name: 'bench', nodes: ns, edges: es, samples: { events: recs }, settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 } };
}

/** `pipelines` independent chains of `length` nodes (stream, stateless steps, to): laid out, a big design that fits on screen. */
export function parallelDesign(pipelines: number, length: number): TopologyDocument {
  const one = chainDesign(length, 0);
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  for (let p = 0; p < pipelines; p++) {
    const id = (x: string) => `p${p}-${x}`;
    for (const n of one.nodes) nodes.push({ ...n, id: id(n.id), name: `${n.name}-p${p}`, params: n.kind === 'stream' ? { topic: `events-${p}` } : n.kind === 'to' ? { topic: `out-${p}` } : n.params, position: { x: n.position.x, y: p * 120 } });
    for (const e of one.edges) edges.push({ ...e, id: id(e.id), source: id(e.source), target: id(e.target) });
  }
  return { ...one, name: 'bench-parallel', nodes, edges, samples: {} };
}
