/**
 * The described topology as a graph the import rules ask questions of: links by name, which topics
 * are internal (written by a sink and read back by a source of the same text), and which processor
 * owns each store (the others listing it only read it: joins, and the sides of a table join).
 */
import type { Description, DescribedNode } from './parse';

/** Kafka's generated processor names: PREFIX-0000000007 (KSTREAM-FILTER, KTABLE-SOURCE, ...). */
export const generated = (name: string, ...prefixes: string[]): boolean => {
  const m = /^([A-Z][A-Z-]*[A-Z])-\d{10}$/.exec(name);
  return !!m && (prefixes.length === 0 || prefixes.includes(m[1]));
};

/** Processors that build a table from a source topic: their stores are the table's. */
const TABLE_SOURCE = (n: DescribedNode, g: DescribedGraph) => generated(n.name, 'KTABLE-SOURCE') || n.predecessors.some((p) => n.name === `${p}-table` || n.name === `${p}-global`) || g.group(n).global;

/** Kafka names the buffer of a stream-table join with a grace period <join>-Buffer (KStreamImpl#doStreamTableJoin). */
export const graceBuffer = (n: DescribedNode) => `${n.name}-Buffer`;

/** Kafka's internal topic names: repartition topics and the foreign-key join's subscription topics. */
const INTERNAL_TOPIC = /-repartition$|-subscription-(registration|response)-topic$/;

export class DescribedGraph {
  readonly byName = new Map<string, DescribedNode>();
  /** Internal topics: written by a sink and read back by a source of the same topology. */
  readonly internal = new Map<string, { sinks: DescribedNode[]; sources: DescribedNode[] }>();
  private readonly owners = new Map<string, string>();

  constructor(readonly description: Description) {
    const nodes = description.groups.flatMap((g) => g.nodes);
    for (const n of nodes) this.byName.set(n.name, n);
    const written = new Map<string, DescribedNode[]>();
    for (const n of nodes) if (n.type === 'sink' && n.topic !== undefined) written.set(n.topic, [...(written.get(n.topic) ?? []), n]);
    for (const n of nodes) {
      if (n.type !== 'source') continue;
      for (const t of n.topics) {
        const sinks = written.get(t);
        // A topic the application writes and reads back itself is not internal unless Kafka names it so.
        if (!sinks || !INTERNAL_TOPIC.test(t)) continue;
        const entry = this.internal.get(t) ?? { sinks, sources: [] };
        entry.sources.push(n);
        this.internal.set(t, entry);
      }
    }
    this.assignOwners(nodes);
  }

  get nodes(): DescribedNode[] {
    return [...this.byName.values()];
  }

  group(n: DescribedNode) {
    return this.description.groups[n.group];
  }

  parents(n: DescribedNode): DescribedNode[] {
    return n.predecessors.map((p) => this.byName.get(p)!);
  }

  children(n: DescribedNode): DescribedNode[] {
    return n.successors.map((s) => this.byName.get(s)!);
  }

  only(names: string[]): DescribedNode | undefined {
    return names.length === 1 ? this.byName.get(names[0]) : undefined;
  }

  isInternalSource(n: DescribedNode): boolean {
    return n.type === 'source' && n.topics.length > 0 && n.topics.every((t) => this.internal.has(t));
  }

  isInternalSink(n: DescribedNode): boolean {
    return n.type === 'sink' && n.topic !== undefined && this.internal.has(n.topic);
  }

  /** The processor that owns a store (creates it); the others listing it read it. */
  owner(store: string): DescribedNode | undefined {
    const o = this.owners.get(store);
    return o === undefined ? undefined : this.byName.get(o);
  }

  ownStores(n: DescribedNode): string[] {
    return n.stores.filter((s) => this.owners.get(s) === n.name);
  }

  readStores(n: DescribedNode): string[] {
    return n.stores.filter((s) => this.owners.get(s) !== n.name);
  }

  /**
   * A processor owning a store that its readers list together with its input's stores: its value
   * getter reads through to its parent and keeps a buffer of its own, as Kafka's suppress does
   * (KTableSuppressProcessorSupplier#view). A materialized filter or mapValues lists its own store only.
   */
  readsThrough(n: DescribedNode): boolean {
    const own = this.ownStores(n);
    let up = this.only(n.predecessors);
    while (up && up.type === 'processor' && !this.ownStores(up).length) up = this.only(up.predecessors);
    const parent = up ? this.ownStores(up) : [];
    return own.length > 0 && parent.length > 0 && this.nodes.some((q) => q !== n && q.stores.some((s) => own.includes(s)) && q.stores.some((s) => parent.includes(s)));
  }

  /** Read by a stream-table join with a grace period (its <join>-Buffer store): Kafka allows one only on a versioned table, which no aggregation is. */
  versionedByGrace(n: DescribedNode): boolean {
    const own = this.ownStores(n);
    return own.length > 0 && this.nodes.some((q) => q.stores.includes(graceBuffer(q)) && q.stores.some((s) => own.includes(s)));
  }

  /** The processor whose value getter lists these stores: the owner of one that has the owners of the others upstream (a suppress reads through to its parent). */
  getterOwner(stores: string[]): DescribedNode | undefined {
    const owners = stores.map((s) => this.owner(s));
    if (!owners.length || owners.some((o) => !o)) return undefined;
    return owners.find((o) => owners.every((x) => x === o || this.upstream(o!).has(x!.name)));
  }

  /** The names of every node feeding `n`, directly or not. */
  private upstream(n: DescribedNode): Set<string> {
    const seen = new Set<string>();
    const todo = [...n.predecessors];
    for (let p = todo.pop(); p !== undefined; p = todo.pop()) {
      if (seen.has(p)) continue;
      seen.add(p);
      todo.push(...(this.byName.get(p)?.predecessors ?? []));
    }
    return seen;
  }

  /**
   * A store's owner: of the processors listing it, one that builds a table from a topic, else one
   * named like an aggregation, else one listing it first whose name is not a join's, else the first.
   */
  private assignOwners(nodes: DescribedNode[]): void {
    const listing = new Map<string, DescribedNode[]>();
    for (const n of nodes) for (const s of n.stores) listing.set(s, [...(listing.get(s) ?? []), n]);
    const score = (n: DescribedNode, s: string): number => {
      if (TABLE_SOURCE(n, this)) return 5;
      // A grace join owns its buffer and reads the rest.
      if (n.stores.includes(graceBuffer(n))) return s === graceBuffer(n) ? 4 : 0;
      if (s === `${n.name}-store`) return 4;
      if (/AGGREGATE|REDUCE|COUNT|SUPPRESS|TOTABLE|-cogroup-agg-/.test(n.name)) return 3;
      if (/JOIN|-join|-left$|-right$|-windowed$|subscription/.test(n.name)) return n.stores[0] === s && n.name.endsWith('-left') ? 1 : 0;
      return n.stores[0] === s ? 2 : 1;
    };
    for (const [store, ns] of listing) {
      const best = [...ns].sort((a, b) => score(b, store) - score(a, store))[0];
      this.owners.set(store, best.name);
    }
  }
}
