/** Synthetic designs for the bench: a 20-node design with 10k samples, and a 100-node design. */
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
