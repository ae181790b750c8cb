/**
 * The tasks of one instance, as Kafka Streams' TaskManager keeps them: one task (processors, stores,
 * stream time) per assigned partition number, created on the partition's first batch after its
 * stores are restored from their changelogs and its partition times read from the committed offset
 * metadata; closed when the group takes the partition away, or closed dirty (uncommitted work
 * dropped) when a commit finds the partition migrated.
 */
import { Task, type TraceEvent } from '../core/task';
import type { StreamRecord } from '../core/record';
import type { NodeSpec } from '../core/topology-spec';
import type { StateStore } from '../stores/state-store';
import type { Topology } from '../topology';
import { captureChanges, restore, SnapshotLogger, type ChangelogRecord } from './changelog';
import type { Committer } from './committer';
import { PartitionGroup } from './partition-group';
import { readChangelogs, readCommitted, type StartReads } from './task-start-reads';
import { changelogTopic, internalTopicName } from './topics';

/** Where a task's outputs go (the runtime serializes them and hands them to the record collector). */
export type Emit = (topic: string, record: StreamRecord, internal: boolean, sink: NodeSpec) => void;

export interface TaskManagerOptions {
  topology: Topology;
  app: string;
  stores: string[];
  committer: Committer;
  emit: Emit;
  reads: Omit<StartReads, 'inputTopics'>;
  /** Record caches (KTable updates) are flushed at every commit, as in Kafka Streams, unless off. */
  caching: boolean;
  /** Tracing on: every processor's forwards (the span events of the record being processed). */
  trace?: (e: TraceEvent) => void;
}

/** Records in, out and dropped of one processor, summed over this instance's tasks (the per-processor metrics). */
export interface NodeCounts {
  processor: string;
  designNode: string;
  recordsIn: number;
  recordsOut: number;
  dropped: number;
}

export interface ActiveTask {
  task: Task;
  group: PartitionGroup;
}

export class TaskManager {
  private readonly tasks = new Map<number, ActiveTask>();
  private readonly creating = new Map<number, Promise<ActiveTask>>();
  private readonly snapshotLoggers = new Map<number, SnapshotLogger>();
  /** Global tables: one shared store set, fed by a task of its own that reads all their partitions. */
  private readonly shared = new Map<string, StateStore>();
  /** Inputs that must be interleaved by time: the Kafka source topics of each sub-topology. */
  readonly inputGroups: string[][];
  /** Per processor, the Kafka input topics of its sub-topology (whose partition times make its stream time). */
  private readonly inputsOfNode = new Map<string, string[]>();
  private readonly changelogTopics: Map<string, string>;
  private readonly reads: StartReads;
  /** Counts of the processors of closed tasks, so the metrics never go down when a partition moves. */
  private readonly retired = new Map<string, NodeCounts>();
  private global: Task | null = null;

  constructor(private readonly o: TaskManagerOptions) {
    const spec = o.topology.spec;
    for (const s of spec.stores.values()) if (s.global) this.shared.set(s.name, s.factory());
    const inputsBySubtopology = o.topology
      .describe()
      .subtopologies.map((g) => [...new Set(g.filter((n) => n.type === 'source').flatMap((n) => n.topics).filter((t) => !spec.globalTopics.has(t)))].map((t) => (spec.internalTopics.has(t) ? internalTopicName(o.app, t) : t)));
    o.topology.describe().subtopologies.forEach((g, i) => {
      for (const n of g) this.inputsOfNode.set(n.name, inputsBySubtopology[i]);
    });
    this.inputGroups = inputsBySubtopology.filter((g) => g.length > 0);
    this.changelogTopics = new Map(o.stores.map((st) => [st, changelogTopic(o.app, st)]));
    this.reads = { ...o.reads, inputTopics: this.inputGroups.flat() };
  }

  /** Partitions with a task. */
  partitions(): number[] {
    return [...this.tasks.keys()];
  }

  get(partition: number): ActiveTask | undefined {
    return this.tasks.get(partition);
  }

  /** The partition's task; batches of several topics share it, so it is created (and restored) once. */
  taskFor(partition: number): Promise<ActiveTask> {
    let creating = this.creating.get(partition);
    if (!creating) {
      const created: Promise<ActiveTask> = Promise.all([readChangelogs(this.reads, partition), readCommitted(this.reads, partition)]).then(([log, committed]) => {
        this.reads.restoreListener?.end(partition);
        const active = { task: this.makeTask(partition, log, committed.times), group: new PartitionGroup(this.inputGroups, committed.caughtUp) };
        // Closed while it was being restored (the partition moved on): it is no task of this instance.
        if (this.creating.get(partition) === created) {
          this.tasks.set(partition, active);
          this.snapshotLoggers.set(partition, new SnapshotLogger(active.task, this.o.stores));
        }
        return active;
      });
      this.creating.set(partition, (creating = created));
    }
    return creating;
  }

  /** The task of the global tables (partition -1), with no changelog. */
  globalTask(): Task {
    return (this.global = this.makeTask(-1, null));
  }

  /** Partitions whose task is still being restored (health: restoring). */
  restoring(): number {
    let n = 0;
    for (const p of this.creating.keys()) if (!this.tasks.has(p)) n++;
    return n;
  }

  /** Per processor, records in, out and dropped in every task this instance ran (live and closed). */
  nodeCounts(): NodeCounts[] {
    const sum = new Map<string, NodeCounts>([...this.retired].map(([k, c]) => [k, { ...c }]));
    for (const task of this.liveTasks()) addCounts(sum, task);
    return [...sum.values()];
  }

  /** Entries per store and task (global tables: partition "global"). */
  storeSizes(): { store: string; partition: string; size: number }[] {
    const out: { store: string; partition: string; size: number }[] = [];
    for (const task of this.liveTasks()) {
      for (const [store, s] of task.stores) {
        if (this.shared.has(store) && task !== this.global) continue;
        const size = (s as { size?: unknown }).size;
        out.push({ store, partition: task === this.global ? 'global' : String(task.partition), size: typeof size === 'number' ? size : s.all().length });
      }
    }
    return out;
  }

  private liveTasks(): Task[] {
    return [...[...this.tasks.values()].map((t) => t.task), ...(this.global ? [this.global] : [])];
  }

  /**
   * The group's new assignment: tasks of partitions now owned by another member are closed, and
   * their uncommitted work and cached changelog writes dropped (they are redone there, and the
   * writes must not land after that member restored its stores).
   */
  assigned(owned: ReadonlySet<number>): void {
    for (const p of this.partitions()) if (!owned.has(p)) this.close(p);
    this.o.committer.drop((p) => owned.has(p));
  }

  /** Closes every task dirty: their uncommitted work is dropped and done again from the committed offsets. */
  /**
   * WALL_CLOCK_TIME punctuation on the real clock (Kafka Streams checks it in every poll loop): runs
   * what is due in every task; returns whether any ran (its outputs then wait for the next commit).
   */
  punctuateWallClock(flushEachRecord: boolean): boolean {
    let ran = false;
    for (const { task } of this.tasks.values()) {
      if (task.time.wallClockPunctuations.size === 0) continue;
      task.time.setRecord(null);
      if (task.time.punctuateWallClock() > 0) {
        ran = true;
        if (flushEachRecord) task.flush();
      }
    }
    return ran;
  }

  closeAllDirty(): number[] {
    const closed = [...new Set([...this.partitions(), ...this.creating.keys()])];
    for (const p of closed) this.close(p);
    this.o.committer.drop(() => false);
    return closed;
  }

  /** At each commit, first the record caches go downstream, then the snapshot-logged stores
   * (which those records may have changed) write what changed since the last commit. */
  beforeCommit(): void {
    if (this.o.caching) for (const t of this.tasks.values()) t.task.flush();
    for (const [partition, logger] of this.snapshotLoggers) {
      for (const c of logger.changes()) {
        this.o.committer.change(`${partition}\u0000${c.store}\u0000${c.key}`, { topic: changelogTopic(this.o.app, c.store), partition, key: c.key, value: () => c.value });
      }
    }
  }

  private close(partition: number): void {
    const closing = this.tasks.get(partition);
    if (closing) addCounts(this.retired, closing.task);
    this.tasks.delete(partition);
    this.creating.delete(partition);
    this.snapshotLoggers.delete(partition);
  }

  private makeTask(partition: number, changelog: ChangelogRecord[] | null, partitionTimes = new Map<string, number>()): Task {
    const task = new Task(this.o.topology.spec, this.o.trace ? { emit: this.o.emit, trace: this.o.trace } : { emit: this.o.emit }, this.shared);
    task.partition = partition;
    for (const [topic, time] of partitionTimes) this.o.committer.restoreTime(topic, partition, time);
    const streamTimeOf = (node: string) => {
      const times = (this.inputsOfNode.get(node) ?? []).map((t) => partitionTimes.get(t)).filter((t) => t !== undefined);
      return times.length ? Math.max(...times) : undefined;
    };
    if (changelog) restore(task, changelog, streamTimeOf);
    // Only the latest change per store key matters at commit time, so a commit writes each key once.
    captureChanges(task, this.o.stores, (store, key, value) =>
      this.o.committer.change(`${partition}\u0000${store}\u0000${key}`, { topic: this.changelogTopics.get(store)!, partition, key, value }),
    );
    return task;
  }
}

function addCounts(into: Map<string, NodeCounts>, task: Task): void {
  for (const n of task.nodes.values()) {
    const c = into.get(n.name);
    if (c) {
      c.recordsIn += n.recordsIn;
      c.recordsOut += n.recordsOut;
      c.dropped += n.dropped;
    } else into.set(n.name, { processor: n.name, designNode: n.owner, recordsIn: n.recordsIn, recordsOut: n.recordsOut, dropped: n.dropped });
  }
}
