/**
 * Records, while the simulator runs, what the timeline needs to show any input record's moment
 * without running again: every record each node emitted and the input record it came out on
 * (node-log.ts; the run keeps every processor traced), every drop
 * with the rule that made it, and the history of every state store (store-history.ts). Attached
 * only to runs that ask for it (SimulationRequest.record). Pure.
 */
import { KeyValueStore, SessionStore, WindowStore, type DropReason, type StoreEntry, type TopologyTestDriver, type TraceEvent } from '../../engine';
import type { ProcessorIndex } from '../output-processors';
import type { SimulationResult } from '../types';
import type { SampleRecord, TopologyDocument } from '../../model/types';
import type { NodeRule } from './node-rules';
import { emptyLog, type NodeLog } from './node-log';
import { ChangeLogHistory, SnapshotHistory, type StoreHistory } from './store-history';

/** Drops listed (the count per node is always complete). */
const MAX_DROPS = 100_000;

export interface RecordedDrop {
  /** Position of the input record being processed. */
  position: number;
  nodeId: string;
  reason?: DropReason;
}

export interface Recording {
  /** Input records processed (positions 0 .. processed-1). */
  processed: number;
  /** Input record ids by position (processing order). */
  inputIds: readonly string[];
  /** Per node: every record it emitted, with the input position each came out on. */
  nodes: Record<string, NodeLog>;
  drops: RecordedDrop[];
  stores: Map<string, StoreHistory>;
  /** What each design node is (kind, name, windows, suppress rule), read from the design. */
  rules: Record<string, NodeRule>;
  /** The design and samples run (the partition view runs them again on N partitions). */
  source?: { doc: TopologyDocument; samples: Record<string, SampleRecord[]> };
}

export class TimelineRecorder {
  readonly recording: Recording;
  private position = -1;
  private readonly logged = new Map<string, ChangeLogHistory>();
  /** Stores that do not report changes, with the node whose processing may change them. */
  private readonly snapshotted: { history: SnapshotHistory; store: { all(): StoreEntry[] }; owner: string }[] = [];
  private readonly lastIn = new Map<string, number>();

  constructor(
    private readonly result: SimulationResult,
    private readonly index: ProcessorIndex,
    rules: Record<string, NodeRule>,
    inputIds: readonly string[],
  ) {
    this.recording = { processed: 0, inputIds, nodes: Object.create(null) as Record<string, NodeLog>, drops: [], stores: new Map(), rules };
    for (const id of Object.keys(result.nodes)) this.recording.nodes[id] = emptyLog();
  }

  attach(driver: TopologyTestDriver): void {
    driver.onTrace((e) => this.trace(e));
    driver.onDrop((p, reason) => {
      const nodeId = this.index.ownerOf.get(p.name);
      if (nodeId && this.recording.drops.length < MAX_DROPS) this.recording.drops.push({ position: this.position, nodeId, ...(reason ? { reason } : {}) });
    });
    for (const name of Object.keys(driver.storeContents())) this.watch(name, driver.getStateStore(name)!);
  }

  private watch(name: string, store: { all(): StoreEntry[] }): void {
    const stores = this.recording.stores;
    if (store instanceof KeyValueStore || store instanceof WindowStore || store instanceof SessionStore) {
      const expiry = store instanceof WindowStore ? { start: (e: StoreEntry) => (e.key as { start: number }).start, liveAt: (s: number, t: number) => store.liveAt(s, t) } : undefined;
      const h = new ChangeLogHistory(name, expiry);
      this.logged.set(name, h);
      stores.set(name, h);
      if (store instanceof KeyValueStore) store.onChange = (key, value, ts) => h.change(this.position, JSON.stringify(key), value === null ? null : { key, value, timestamp: ts });
      else if (store instanceof WindowStore) {
        const size = store.windowSizeMs;
        store.onChange = (key, start, value, ts) => h.change(this.position, JSON.stringify([key, start]), value === null ? null : { key: { key, start, end: start + size }, value, timestamp: ts }, start);
      } else store.onChange = (key, start, end, value) => h.change(this.position, JSON.stringify([key, start, end]), value === null ? null : { key: { key, start, end }, value, timestamp: end });
      return;
    }
    const history = new SnapshotHistory(name);
    stores.set(name, history);
    this.snapshotted.push({ history, store, owner: this.result.storeOwners[name] ?? '' });
  }

  private trace(e: TraceEvent): void {
    const targets = this.index.outputs.get(e.processor);
    if (!targets) return;
    for (const t of targets) {
      const log = this.recording.nodes[t.nodeId];
      log.positions.push(this.position);
      log.timestamps.push(e.record.timestamp);
      log.records.push(e.record);
    }
  }

  /** About to process the input record at `position`. */
  before(position: number): void {
    this.position = position;
  }

  /** The input record at `position` was processed completely. */
  after(position: number, driver: TopologyTestDriver): void {
    if (this.snapshotted.length) this.snapshotChanged(position, driver);
    this.recording.processed = position + 1;
  }

  /** Snapshots the stores whose owner processed something for this input record. */
  private snapshotChanged(position: number, driver: TopologyTestDriver): void {
    const seen = new Map<string, number>();
    for (const m of driver.metrics()) {
      const id = this.index.ownerOf.get(m.processor);
      if (id) seen.set(id, (seen.get(id) ?? 0) + m.recordsIn);
    }
    for (const s of this.snapshotted) {
      const n = seen.get(s.owner) ?? 0;
      if (n === (this.lastIn.get(s.owner) ?? 0)) continue;
      s.history.offer(position, s.store.all());
    }
    for (const [id, n] of seen) this.lastIn.set(id, n);
  }
}
