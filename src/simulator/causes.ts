/**
 * Stamps each traced record with the order it was emitted in (seq) and the record it came from
 * (causeId). The engine processes one record depth-first through a sub-topology, so the record a
 * node was processing when it emitted is the one its upstream node emitted last. Records that
 * crossed a repartition topic are processed after the whole input record (FIFO per topic): there
 * the cause is the next upstream record of the same input not yet taken, preferring one with the
 * same value and timestamp (a repartition keeps them; a record dropped before the topic is
 * skipped). Records of one forward (a processor standing for two design nodes) share one seq.
 * Lineage through state (lineage.ts) starts from these links.
 */
import type { LineageGraph } from './lineage-graph';
import type { NodeResult, TracedRecord } from './types';

export class CauseTracker {
  private seq = 0;
  private readonly last = new Map<string, TracedRecord>();
  /** Nodes whose trace stopped (trace limit): their last traced record goes stale. */
  private readonly full = new Set<string>();
  /** Per "node <- upstream node": how far the FIFO behind a repartition topic was taken. */
  private readonly taken = new Map<string, number>();
  /** Records emitted while draining repartition topics. */
  private readonly deferredRecords = new WeakSet<TracedRecord>();
  /** The current trace event's records (node ids and records alternate); reused, this runs per traced record. */
  private readonly event: (string | TracedRecord)[] = [];
  private deferred = false;

  constructor(
    private readonly graph: LineageGraph,
    private readonly nodes: Record<string, NodeResult>,
  ) {}

  /** A trace event starts; deferred: its processor reads a repartition topic (directly or further down its sub-topology). */
  begin(deferred: boolean): void {
    this.seq++;
    this.event.length = 0;
    this.deferred = deferred;
  }

  /** One design node's record of the current event. */
  add(nodeId: string, record: TracedRecord): void {
    record.seq = this.seq;
    this.last.set(nodeId, record);
    if (this.deferred) this.deferredRecords.add(record);
    this.event.push(nodeId, record);
  }

  /** The event's records all known: name their causes (one node's cause may be another's record of the same forward). */
  finish(): void {
    const ev = this.event;
    for (let i = 0; i < ev.length; i += 2) {
      const record = ev[i + 1] as TracedRecord;
      const cause = this.causeOf(ev[i] as string, record);
      if (cause !== undefined) record.causeId = cause;
    }
  }

  /** The node's trace stopped after its last record (the trace limit). */
  markFull(nodeId: string): void {
    this.full.add(nodeId);
  }

  private causeOf(nodeId: string, record: TracedRecord): string | undefined {
    const upstream = this.graph[nodeId]?.upstream ?? [];
    let best: TracedRecord | undefined;
    for (const u of upstream) {
      const r = this.last.get(u.nodeId);
      if (r && (!best || r.seq! > best.seq!)) best = r;
    }
    // Processed after the repartition topic: the upstream record came from the write side, earlier.
    if (best && this.deferred && !this.deferredRecords.has(best) && best.seq !== record.seq) return this.fromQueue(nodeId, record)?.id;
    // Past the trace limit an upstream node emits untraced records: its last traced one can only be
    // the cause while the same input record is being processed.
    if (best && this.full.size > 0 && upstream.some((u) => this.full.has(u.nodeId)) && best.inputIds[0] !== record.inputIds[0]) return undefined;
    return best?.id;
  }

  private fromQueue(nodeId: string, record: TracedRecord): TracedRecord | undefined {
    const input = record.inputIds[0];
    const value = JSON.stringify(record.value);
    let fallback: { rec: TracedRecord; key: string; at: number } | undefined;
    for (const u of this.graph[nodeId]?.upstream ?? []) {
      const list = this.nodes[u.nodeId]?.emitted ?? [];
      const key = `${nodeId}\u0000${u.nodeId}`;
      for (let i = this.taken.get(key) ?? 0; i < list.length; i++) {
        const r = list[i];
        if (r.inputIds[0] !== input) continue;
        if (r.timestamp === record.timestamp && JSON.stringify(r.value) === value) {
          this.taken.set(key, i + 1);
          return r;
        }
        if (!fallback) fallback = { rec: r, key, at: i };
        break;
      }
    }
    if (fallback) this.taken.set(fallback.key, fallback.at + 1);
    return fallback?.rec;
  }
}
