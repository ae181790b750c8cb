/**
 * Which engine processors and stores each design node became. The compiler records the processors
 * and stores added to the topology while a node's lowering runs, and says which of them carry the
 * node's output records. The simulator reads only this answer, never the engine's DSL objects.
 */
import { KStreamImpl, KTableImpl, type StreamsBuilder } from '../engine';
import type { ConnectedInput } from '../model/graph';

/** A processor whose forwards are a node's output records (`port`: the output port, for a split). */
export interface NodeOutput {
  processor: string;
  port?: string;
}

export interface NodeProcessors {
  /** The processors added while the node's lowering ran, in the order added. */
  processors: string[];
  /** Its processors that records enter it through (a parent in another node, or an outside topic). */
  entries: string[];
  /**
   * The stores this node keeps: those first connected to one of its processors (a table's store
   * materialized later, for a downstream join, still belongs to the table).
   */
  stores: string[];
  /**
   * The processors carrying its output. A node that adds no processor and gives no stream or table
   * (groupByKey, windowedBy) shows what its input carries: the records it groups.
   */
  outputs: NodeOutput[];
}

interface Lowered {
  processors: string[];
  stores: string[];
  /** The DSL object the lowering produced (a KStream, a KTable, a branch map...). */
  result: unknown;
  /** Port name -> key of that port in `result`, for nodes with several output ports. */
  portKeys?: Map<string, string>;
  inputs: ConnectedInput[];
}

/** Records, node by node in compile order, what each lowering added to the builder's topology. */
export class LoweringRecorder {
  private readonly lowered = new Map<string, Lowered>();

  constructor(private readonly builder: StreamsBuilder) {}

  /** Where the topology stands before a lowering; pass it to `record` after. */
  mark(): { processors: number; stores: number } {
    return { processors: this.builder.spec.nodes.size, stores: this.builder.spec.stores.size };
  }

  record(nodeId: string, before: { processors: number; stores: number }, lowered: Pick<Lowered, 'result' | 'portKeys' | 'inputs'>): void {
    const spec = this.builder.spec;
    const processors = [...spec.nodes.keys()].slice(before.processors);
    const stores = [...spec.stores.keys()].slice(before.stores);
    this.lowered.set(nodeId, { processors, stores, ...lowered });
  }

  /** The answer for every recorded node; call after the whole design is lowered. */
  result(): Map<string, NodeProcessors> {
    const ownerOf = new Map<string, string>();
    for (const [id, l] of this.lowered) for (const p of l.processors) ownerOf.set(p, id);
    const stores = this.storeOwners(ownerOf);
    const outputs = new Map<string, NodeOutput[]>();
    const outputsOf = (id: string): NodeOutput[] => {
      let out = outputs.get(id);
      if (!out) outputs.set(id, (out = this.outputs(id, outputsOf)));
      return out;
    };
    const out = new Map<string, NodeProcessors>();
    for (const [id, l] of this.lowered) out.set(id, { processors: l.processors, entries: this.entries(id, ownerOf), stores: stores.get(id) ?? [], outputs: outputsOf(id) });
    return out;
  }

  private entries(id: string, ownerOf: Map<string, string>): string[] {
    const spec = this.builder.spec;
    return this.lowered.get(id)!.processors.filter((p) => {
      const n = spec.nodes.get(p)!;
      if (n.type === 'source') return n.topics.some((t) => !spec.internalTopics.has(t));
      return n.parents.some((parent) => ownerOf.get(parent) !== id);
    });
  }

  private storeOwners(ownerOf: Map<string, string>): Map<string, string[]> {
    const creator = new Map<string, string>();
    for (const [id, l] of this.lowered) for (const s of l.stores) creator.set(s, id);
    const processors = [...this.builder.spec.nodes.values()];
    const byNode = new Map<string, string[]>();
    for (const store of this.builder.spec.stores.keys()) {
      const first = processors.find((n) => n.stores.includes(store) && ownerOf.has(n.name));
      const id = first ? ownerOf.get(first.name) : creator.get(store);
      if (id) byNode.set(id, [...(byNode.get(id) ?? []), store]);
    }
    return byNode;
  }

  private outputs(id: string, outputsOf: (id: string) => NodeOutput[]): NodeOutput[] {
    const l = this.lowered.get(id)!;
    if (l.portKeys) {
      return [...l.portKeys].flatMap(([port, key]) => {
        const processor = processorOf((l.result as Record<string, unknown>)[key]);
        return processor ? [{ processor, port }] : [];
      });
    }
    const processor = processorOf(l.result) ?? this.lastForwarding(l.processors);
    if (processor) return [{ processor }];
    // Adds nothing of its own: what its inputs carry (through the port each is connected to).
    return l.inputs.flatMap((c) => {
      const up = this.lowered.has(c.node.id) ? outputsOf(c.node.id) : [];
      return up.filter((o) => !c.edge.sourcePort || !o.port || o.port === c.edge.sourcePort).map((o) => ({ processor: o.processor }));
    });
  }

  /** A sink, or the last processor with children (a global table's source, not its store writer). */
  private lastForwarding(processors: string[]): string | undefined {
    const spec = this.builder.spec;
    const forwards = (p: string) => spec.nodes.get(p)?.type === 'sink' || spec.children(p).length > 0;
    for (let i = processors.length - 1; i >= 0; i--) if (forwards(processors[i])) return processors[i];
    return processors[processors.length - 1];
  }
}

/** The processor a stream or table attaches its next operation to (their public `nodeName`). */
function processorOf(obj: unknown): string | undefined {
  return obj instanceof KStreamImpl || obj instanceof KTableImpl ? obj.nodeName : undefined;
}
