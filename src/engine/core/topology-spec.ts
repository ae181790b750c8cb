/**
 * The physical topology as specs (Kafka's ProcessorSupplier/StoreBuilder idea): the DSL writes specs,
 * and every Task instantiates its own processors and stores from them, so one topology can run as
 * many tasks (one per partition on Kafka) or be driven again and again by the in-memory driver.
 */
import type { Serde } from '../serdes';
import type { ProcessorContext } from './context';
import type { StreamRecord } from './record';
import type { StateStore } from '../stores/state-store';

export interface Processor {
  init?(ctx: ProcessorContext): void;
  process(record: StreamRecord): void;
  /** Called once when the task closes (user processors' close()). */
  close?(): void;
}

export type NodeType = 'source' | 'processor' | 'sink';

export interface NodeSpec {
  name: string;
  /** The DSL operation (design node name) this processor was created for; traces attach to it. */
  owner: string;
  type: NodeType;
  parents: string[];
  /** Processors only. */
  factory?: () => Processor;
  stores: string[];
  /** Sources: topics read; sinks: the topic written. */
  topics: string[];
  keySerde?: Serde;
  valueSerde?: Serde;
  /** Sinks to internal (repartition) topics feed a source in the same topology. */
  internal?: boolean;
  /** The sink of a KStream repartition (explicit, or before grouping/joining a re-keyed stream). */
  streamRepartition?: boolean;
  /** Set at build: this repartition drops null-key records (no left/outer join downstream takes them). */
  dropsNullKeys?: boolean;
  /** Internal sinks: the partition of each record instead of the key's hash (Kafka's StreamPartitioner). */
  partitionOf?: (record: StreamRecord) => number;
  /** A left/outer join processor that accepts null-key records (Kafka's NULL_KEY_RELAXED_JOIN label). */
  relaxedNullKeyJoin?: boolean;
}

export interface StoreSpec {
  name: string;
  kind: 'keyValue' | 'window' | 'session' | 'buffer';
  factory: () => StateStore;
  /** Backed by a changelog topic on Kafka (Materialized.withLoggingDisabled turns it off). */
  logging: boolean;
  /** Global stores are shared by every task and fed by their own source. */
  global?: boolean;
}

export class TopologySpec {
  readonly nodes = new Map<string, NodeSpec>();
  readonly stores = new Map<string, StoreSpec>();
  /** Internal topics (repartition), name -> partitions (null = same as source). */
  readonly internalTopics = new Map<string, number | null>();
  /** Topics read by global tables (not partitioned across tasks). */
  readonly globalTopics = new Set<string>();
  private counter = 0;

  /** Unique processor name: the given one, or a stable derived one when the user gave none. */
  uniqueName(base: string): string {
    if (!this.nodes.has(base) && !this.stores.has(base)) return base;
    let n = 2;
    while (this.nodes.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }

  /** Kafka-style generated name, used only for operations the user did not name. */
  generatedName(prefix: string): string {
    this.counter++;
    return `${prefix}-${String(this.counter).padStart(10, '0')}`;
  }

  addNode(spec: NodeSpec): NodeSpec {
    if (this.nodes.has(spec.name)) throw new Error(`Invalid topology: processor name "${spec.name}" is used twice`);
    for (const p of spec.parents) {
      if (!this.nodes.has(p)) throw new Error(`Invalid topology: parent "${p}" of "${spec.name}" does not exist`);
    }
    this.nodes.set(spec.name, spec);
    return spec;
  }

  addStore(spec: StoreSpec, connectTo: string[] = []): void {
    if (!this.stores.has(spec.name)) this.stores.set(spec.name, spec);
    for (const n of connectTo) this.connectStore(n, spec.name);
  }

  connectStore(nodeName: string, storeName: string): void {
    const node = this.nodes.get(nodeName);
    if (node && !node.stores.includes(storeName)) node.stores.push(storeName);
  }

  children(name: string): NodeSpec[] {
    const out: NodeSpec[] = [];
    for (const n of this.nodes.values()) if (n.parents.includes(name)) out.push(n);
    return out;
  }

  /**
   * Kafka (KIP-962, InternalStreamsBuilder#rewriteRepartitionNodes) puts a null-key filter in front of
   * every stream repartition unless some node downstream of it, across further repartitions, is a
   * left/outer stream-stream join or a left stream-(global)table join, which emit null-key records.
   * The filter is a plain filter: what it drops is not counted as dropped.
   */
  markNullKeyFilters(): void {
    for (const n of this.nodes.values()) if (n.streamRepartition) n.dropsNullKeys = !this.reachesRelaxedJoin(n);
  }

  private reachesRelaxedJoin(start: NodeSpec): boolean {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n.name)) continue;
      seen.add(n.name);
      if (n.relaxedNullKeyJoin) return true;
      if (n.type === 'sink') {
        if (n.internal) for (const s of this.nodes.values()) if (s.type === 'source' && s.topics.includes(n.topics[0])) stack.push(s);
      } else stack.push(...this.children(n.name));
    }
    return false;
  }

  sourceTopics(): string[] {
    const t: string[] = [];
    for (const n of this.nodes.values()) if (n.type === 'source') for (const x of n.topics) if (!this.internalTopics.has(x)) t.push(x);
    return t;
  }

  sinkTopics(): string[] {
    const t: string[] = [];
    for (const n of this.nodes.values()) if (n.type === 'sink' && !n.internal) t.push(n.topics[0]);
    return [...new Set(t)];
  }
}
