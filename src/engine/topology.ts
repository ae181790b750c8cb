/** A built topology and its stable text description, in the style of Kafka's Topology#describe(). */
import type { NodeSpec, TopologySpec } from './core/topology-spec';

export class Topology {
  constructor(readonly spec: TopologySpec) {}

  describe(): { toString(): string; subtopologies: NodeSpec[][] } {
    const groups = subtopologies(this.spec);
    const text = describeText(this.spec, groups);
    return { subtopologies: groups, toString: () => text };
  }
}

/** Nodes connected by edges or by a shared store form one sub-topology (repartition topics split them). */
function subtopologies(spec: TopologySpec): NodeSpec[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const n of spec.nodes.keys()) parent.set(n, n);
  const storeOwner = new Map<string, string>();
  for (const n of spec.nodes.values()) {
    for (const p of n.parents) union(n.name, p);
    for (const s of n.stores) {
      const o = storeOwner.get(s);
      if (o) union(n.name, o);
      else storeOwner.set(s, n.name);
    }
  }
  const groups = new Map<string, NodeSpec[]>();
  for (const n of spec.nodes.values()) {
    const r = find(n.name);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(n);
  }
  return [...groups.values()];
}

function describeText(spec: TopologySpec, groups: NodeSpec[][]): string {
  const lines = ['Topologies:'];
  const children = (n: NodeSpec) => spec.children(n.name).map((c) => c.name);
  const isGlobal = (g: NodeSpec[]) => g.some((n) => n.type === 'source' && n.topics.some((t) => spec.globalTopics.has(t)));
  groups.forEach((g, i) => {
    lines.push(`   Sub-topology: ${i}${isGlobal(g) ? ' for global store (will not generate tasks)' : ''}`);
    for (const n of g) {
      const kids = children(n);
      if (n.type === 'source') {
        lines.push(`    Source: ${n.name} (topics: [${n.topics.join(', ')}])`);
        lines.push(`      --> ${kids.length ? kids.join(', ') : 'none'}`);
      } else if (n.type === 'sink') {
        lines.push(`    Sink: ${n.name} (topic: ${n.topics[0]})`);
        lines.push(`      <-- ${n.parents.join(', ')}`);
      } else {
        lines.push(`    Processor: ${n.name} (stores: [${n.stores.join(', ')}])`);
        lines.push(`      --> ${kids.length ? kids.join(', ') : 'none'}`);
        lines.push(`      <-- ${n.parents.join(', ')}`);
      }
    }
  });
  return lines.join('\n') + '\n';
}
