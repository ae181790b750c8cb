/**
 * A task: one instance of the topology's processors and stores (Kafka runs one per input partition).
 * It processes one record completely (depth-first through the processor graph), and flushes record
 * caches when the driver commits.
 */
import type { DropReason, ProcessorContext, ScheduleRequest } from './context';
import type { Cancellable, RecordMetadata } from '../processor-api';
import { PunctuationQueue, type Punctuation } from './punctuation';
import { ProcessingError, UserFunctionError } from './errors';
import { fuseStatelessRuns, type FusedRun, type FusionNode } from './fusion';
import type { Change, StreamRecord } from './record';
import type { NodeSpec, Processor, TopologySpec } from './topology-spec';
import type { StateStore } from '../stores/state-store';
import { sinkProcessor } from './sink-processor';

export interface TraceEvent {
  processor: string;
  owner: string;
  record: StreamRecord;
  inputId: number;
}

export interface TaskHooks {
  /** A sink wrote a record (internal = repartition topic the driver must feed back). */
  emit(topic: string, record: StreamRecord, internal: boolean, sink: NodeSpec): void;
  /**
   * Optional: the writer for one sink, asked once per sink when the task is built, used instead of
   * emit() (it saves the per-record lookups of topic and serdes).
   */
  sinkWriter?(sink: NodeSpec): (record: StreamRecord) => void;
  /** Every processor's forwards (set it with Task.setTrace, which also tells the processors). */
  trace?: (e: TraceEvent) => void;
  /** The wall clock processors see and WALL_CLOCK_TIME punctuation starts from (default: the real clock). */
  wallClock?: () => number;
}

/** A punctuation that ran (the preview lists them): which schedule, when, and what it forwarded. */
export interface PunctuationEvent {
  processor: string;
  owner: string;
  type: Punctuation['type'];
  index: number;
  callbackName: string;
  intervalMs: number;
  timestamp: number;
  forwarded: StreamRecord[];
}

export class NodeRuntime implements ProcessorContext, FusionNode {
  children: NodeRuntime[] = [];
  childByName = new Map<string, NodeRuntime>();
  recordsIn = 0;
  recordsOut = 0;
  dropped = 0;
  processor: Processor | null = null;
  private processRecord: ((record: StreamRecord) => void) | null = null;
  /** The fused run this node's only child starts, fed by forwardNew (see fusion.ts). */
  run: FusedRun | null = null;
  /** Set on a sink: writes a record to its topic (see sinkProcessor). */
  write: ((record: StreamRecord) => void) | null = null;
  /** This node's only child when that is a sink: forwardNew writes to it without the generic dispatch. */
  sinkChild: NodeRuntime | null = null;
  /** Receives this node's forwards (undefined: not traced). */
  trace: ((e: TraceEvent) => void) | undefined = undefined;

  constructor(
    readonly spec: NodeSpec,
    readonly task: Task,
  ) {}

  get name() {
    return this.spec.name;
  }
  get owner() {
    return this.spec.owner;
  }
  get partition() {
    return this.task.partition;
  }
  get childNames() {
    return this.children.map((c) => c.spec.name);
  }

  process(record: StreamRecord): void {
    this.recordsIn++;
    const processRecord = this.processRecord;
    if (processRecord === null) {
      this.forward(record);
      return;
    }
    try {
      processRecord(record);
    } catch (e) {
      throw this.failure(record, e);
    }
  }

  /**
   * Installs the processor. Its process method is bound once: calling `processor.process` directly
   * would be a lookup on many processor classes at one call site (megamorphic), on every record.
   */
  setProcessor(processor: Processor): void {
    this.processor = processor;
    this.processRecord = processor.process.bind(processor);
  }

  /** As the only child of `parent`, takes a record it forwards (both untraced): what forward -> process would do. */
  writeFrom(parent: NodeRuntime, record: StreamRecord): void {
    parent.recordsOut++;
    this.recordsIn++;
    this.recordsOut++;
    try {
      this.write!(record);
    } catch (e) {
      throw this.failure(record, e);
    }
  }

  /** The error to raise when this node's processor failed on `record`: names the node, function and record. */
  failure(record: StreamRecord, e: unknown): Error {
    if (e instanceof ProcessingError) return e;
    const fnName = e instanceof UserFunctionError ? e.functionName : undefined;
    const cause = e instanceof UserFunctionError ? e.cause : e;
    return new ProcessingError(this.spec.name, this.spec.owner, record, cause, fnName);
  }

  forward(record: StreamRecord, childName?: string): void {
    this.recordsOut++;
    const trace = this.trace;
    if (trace) trace({ processor: this.spec.name, owner: this.spec.owner, record, inputId: this.task.currentInputId });
    if (childName !== undefined) {
      this.childByName.get(childName)?.process(record);
      return;
    }
    const cs = this.children;
    for (let i = 0; i < cs.length; i++) cs[i].process(record);
  }

  forwardNew(key: unknown, value: unknown, timestamp: number, headers?: Record<string, string>): void {
    const run = this.run;
    if (run !== null && this.trace === undefined && !run.traced) {
      this.recordsOut++;
      run.feed(key, value, timestamp, headers);
    } else {
      // Records without headers have no headers property: smaller objects, less garbage collection.
      const record = headers === undefined ? { key, value, timestamp } : { key, value, timestamp, headers };
      const sink = this.sinkChild;
      if (sink !== null && this.trace === undefined && sink.trace === undefined) sink.writeFrom(this, record);
      else this.forward(record);
    }
  }

  forwardChange(key: unknown, newValue: unknown, oldValue: unknown, timestamp: number): void {
    const run = this.run;
    if (run !== null && run.takesNewValue && this.trace === undefined && !run.traced) {
      this.recordsOut++;
      run.feedNewValue(key, newValue, timestamp);
    } else {
      const change: Change = { newValue, oldValue };
      this.forwardNew(key, change, timestamp);
    }
  }

  getStateStore<S extends StateStore = StateStore>(name: string): S {
    const s = this.task.stores.get(name);
    if (!s) throw new Error(`Processor "${this.spec.name}" has no access to state store "${name}"`);
    return s as S;
  }

  recordDropped(reason?: DropReason): void {
    this.dropped++;
    // Drops are rare: the listener check costs nothing on the path of records that go through.
    this.task.onDrop?.(this.spec, reason);
  }

  onFlush(flush: () => void): void {
    this.task.flushers.push(flush);
  }

  schedule(r: ScheduleRequest): Cancellable {
    const stream = r.type === 'STREAM_TIME';
    const queue = stream ? this.task.streamTimePunctuations : this.task.wallClockPunctuations;
    const run = (timestamp: number) => this.task.runPunctuation(this, r, timestamp);
    return queue.add({ ...r, run, processor: this.spec.name, owner: this.spec.owner, due: stream ? 0 : this.task.wallClock() + r.intervalMs });
  }

  recordMetadata(): RecordMetadata | null {
    const t = this.task;
    return t.punctuating > 0 || t.recordTopic === null ? null : { topic: t.recordTopic, partition: t.partition, offset: t.recordOffset };
  }

  currentStreamTimeMs(): number {
    return this.task.streamTime;
  }

  currentSystemTimeMs(): number {
    return this.task.wallClock();
  }
}

export class Task {
  readonly nodes = new Map<string, NodeRuntime>();
  readonly stores = new Map<string, StateStore>();
  readonly sourcesByTopic = new Map<string, NodeRuntime[]>();
  readonly flushers: (() => void)[] = [];
  /** The fused runs (fusion.ts), told when tracing starts or stops. */
  private readonly runs: FusedRun[];
  currentInputId = -1;
  /** The input partition this task processes (the Kafka runtime sets it; one task in the driver: 0). */
  partition = 0;
  /** Told of every record a processor drops (late, expired or invalid); the simulator lists them. */
  onDrop: ((processor: NodeSpec, reason: DropReason | undefined) => void) | undefined = undefined;
  /** Task stream time (punctuation only): the largest timestamp given to punctuateStreamTime, -1 before. */
  streamTime = -1;
  readonly streamTimePunctuations = new PunctuationQueue();
  readonly wallClockPunctuations = new PunctuationQueue();
  /** >0 while a punctuator runs (record metadata is then null). */
  punctuating = 0;
  /** Topic and offset of the input record being processed (null: none, e.g. while punctuating). */
  recordTopic: string | null = null;
  recordOffset = -1;
  /** Told of every punctuation that ran, with the records its processor forwarded. */
  onPunctuation: ((e: PunctuationEvent) => void) | undefined = undefined;
  readonly wallClock: () => number;

  constructor(
    readonly topology: TopologySpec,
    readonly hooks: TaskHooks,
    /** Stores shared between tasks (global tables); created once by the driver. */
    sharedStores: Map<string, StateStore> = new Map(),
  ) {
    this.wallClock = hooks.wallClock ?? Date.now;
    for (const s of topology.stores.values()) {
      this.stores.set(s.name, s.global && sharedStores.has(s.name) ? sharedStores.get(s.name)! : s.factory());
    }
    for (const spec of topology.nodes.values()) {
      const rt = new NodeRuntime(spec, this);
      this.nodes.set(spec.name, rt);
      if (spec.type === 'source') {
        for (const t of spec.topics) {
          const list = this.sourcesByTopic.get(t) ?? [];
          list.push(rt);
          this.sourcesByTopic.set(t, list);
        }
      }
    }
    for (const spec of topology.nodes.values()) {
      const rt = this.nodes.get(spec.name)!;
      for (const p of spec.parents) {
        const parent = this.nodes.get(p)!;
        parent.children.push(rt);
        parent.childByName.set(spec.name, rt);
      }
      if (spec.type === 'sink') rt.setProcessor(sinkProcessor(rt, hooks));
      else if (spec.factory) rt.setProcessor(spec.factory());
    }
    // Initialize in insertion order (parents before children), as Kafka initializes a task.
    for (const rt of this.nodes.values()) {
      rt.processor?.init?.(rt);
      if (rt.children.length === 1 && rt.children[0].write !== null) rt.sinkChild = rt.children[0];
    }
    // The optimisation pass: runs of stateless steps become one compiled processor each.
    this.runs = fuseStatelessRuns(this.nodes);
    if (hooks.trace) this.setTrace(hooks.trace);
  }

  /** Sends every processor's forwards to `listener` (undefined: to nobody). */
  setTrace(listener: ((e: TraceEvent) => void) | undefined): void {
    this.hooks.trace = listener;
    for (const rt of this.nodes.values()) rt.trace = listener;
    for (const run of this.runs) run.updateTraced();
  }

  /** Stops tracing one processor (its metrics keep counting); its fused run, if any, may fuse again. */
  stopTracing(processor: string): void {
    const rt = this.nodes.get(processor);
    if (!rt || rt.trace === undefined) return;
    rt.trace = undefined;
    for (const run of this.runs) run.updateTraced();
  }

  /** Process one record from a topic through every source reading it. */
  process(topic: string, record: StreamRecord, inputId: number): void {
    const sources = this.sourcesByTopic.get(topic);
    if (sources) this.processFrom(sources, record, inputId);
  }

  /** Like process(), for callers that looked up the topic's sources once (the driver, per input topic). */
  processFrom(sources: readonly NodeRuntime[], record: StreamRecord, inputId: number): void {
    this.currentInputId = inputId;
    for (let i = 0; i < sources.length; i++) sources[i].process(record);
  }

  /**
   * Like processFrom() for a record given as parts (the driver's pipe): a source whose only child
   * starts a fused run feeds it directly, so a record the run filters out is never built.
   */
  processParts(sources: readonly NodeRuntime[], key: unknown, value: unknown, timestamp: number, headers: Record<string, string> | undefined, inputId: number): void {
    this.currentInputId = inputId;
    let record: StreamRecord | null = null;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      if (s.run !== null && s.trace === undefined && !s.run.traced) {
        s.recordsIn++;
        s.forwardNew(key, value, timestamp, headers);
      } else {
        s.process((record ??= headers === undefined ? { key, value, timestamp } : { key, value, timestamp, headers }));
      }
    }
  }

  /**
   * Before an input record is processed: task stream time moves to its timestamp if later (Kafka's
   * PartitionGroup does so when it hands out the record, so ctx.currentStreamTimeMs() includes it).
   */
  advanceStreamTime(timestamp: number): void {
    if (timestamp > this.streamTime) this.streamTime = timestamp;
  }

  /**
   * After an input record was processed: due STREAM_TIME punctuations run (before the caches flush,
   * as Kafka punctuates before committing).
   */
  punctuateStreamTime(): void {
    if (this.streamTimePunctuations.size > 0 && this.streamTime >= 0) this.streamTimePunctuations.punctuate(this.streamTime);
  }

  /** Runs the WALL_CLOCK_TIME punctuations due at the wall clock's current time. */
  punctuateWallClock(): number {
    return this.wallClockPunctuations.size > 0 ? this.wallClockPunctuations.punctuate(this.wallClock()) : 0;
  }

  /** One punctuator call: no record metadata meanwhile; its forwards are told to onPunctuation. */
  runPunctuation(rt: NodeRuntime, r: ScheduleRequest, timestamp: number): void {
    const forwarded: StreamRecord[] = [];
    const listen = this.onPunctuation;
    const trace = rt.trace;
    if (listen) rt.trace = (e) => (forwarded.push(e.record), trace?.(e));
    this.punctuating++;
    try {
      r.run(timestamp);
    } catch (e) {
      throw rt.failure({ key: null, value: null, timestamp }, e);
    } finally {
      this.punctuating--;
      if (listen) rt.trace = trace;
    }
    listen?.({ processor: rt.spec.name, owner: rt.spec.owner, type: r.type, index: r.index, callbackName: r.callbackName, intervalMs: r.intervalMs, timestamp, forwarded });
  }

  /** Closes the user processors (Kafka calls close() when the task closes). */
  close(): void {
    for (const rt of this.nodes.values()) rt.processor?.close?.();
  }

  /** Flush record caches (Kafka does this on commit; TopologyTestDriver commits after every record). */
  flush(): void {
    const fs = this.flushers;
    for (let i = 0; i < fs.length; i++) fs[i]();
  }
}
