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

/**
 * Nodes connected by edges or by a shared store form one sub-topology (repartition topics split
 * them), numbered in the order their first node was added, as Kafka's node groups. Global stores do
 * not join sub-topologies: every processor may read them (Kafka does not connect them either).
 */
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
      if (spec.stores.get(s)?.global) continue;
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

/**
 * Kafka's NodeComparator: nodes with larger sub-trees first (size = 1 + the sizes of the
 * successors), then by name. Sub-topology nodes, successors and predecessors all print in this order.
 */
function nodeOrder(spec: TopologySpec): (a: NodeSpec, b: NodeSpec) => number {
  const sizes = new Map<string, number>();
  const size = (n: NodeSpec): number => {
    let s = sizes.get(n.name);
    if (s === undefined) {
      s = 1;
      for (const c of spec.children(n.name)) s += size(c);
      sizes.set(n.name, s);
    }
    return s;
  };
  return (a, b) => size(b) - size(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The text of Kafka's TopologyDescription#toString, including its spacing (blank line after each sub-topology). */
function describeText(spec: TopologySpec, groups: NodeSpec[][]): string {
  const order = nodeOrder(spec);
  const names = (ns: NodeSpec[]) => (ns.length ? [...ns].sort(order).map((n) => n.name).join(', ') : 'none');
  const isGlobal = (g: NodeSpec[]) => g.some((n) => n.type === 'source' && n.topics.some((t) => spec.globalTopics.has(t)));
  let text = 'Topologies:\n ';
  groups.forEach((g, i) => {
    const global = isGlobal(g);
    text += `  Sub-topology: ${i}${global ? ' for global store (will not generate tasks)' : ''}\n`;
    for (const n of [...g].sort(order)) {
      const kids = names(spec.children(n.name));
      const parents = names(n.parents.map((p) => spec.nodes.get(p)!));
      if (n.type === 'source') text += `    Source: ${n.name} (topics: [${n.topics.join(', ')}])\n      --> ${kids}\n`;
      else if (n.type === 'sink') text += `    Sink: ${n.name} (topic: ${n.topics[0]})\n      <-- ${parents}\n`;
      else {
        // A processor reading a global store does not list it (only the global store's own processor does).
        const stores = global ? n.stores : n.stores.filter((s) => !spec.stores.get(s)?.global);
        text += `    Processor: ${n.name} (stores: [${stores.join(', ')}])\n      --> ${kids}\n      <-- ${parents}\n`;
      }
    }
    if (!global) text += '\n';
  });
  return text;
}
