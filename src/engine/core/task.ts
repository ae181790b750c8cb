/**
 * A task: one instance of the topology's processors and stores (Kafka runs one per input partition).
 * It processes one record completely (depth-first through the processor graph), and flushes record
 * caches when the driver commits.
 */
import type { ProcessorContext } from './context';
import { ProcessingError, UserFunctionError } from './errors';
import type { StreamRecord } from './record';
import type { NodeSpec, Processor, TopologySpec } from './topology-spec';
import type { StateStore } from '../stores/state-store';

export interface TraceEvent {
  processor: string;
  owner: string;
  record: StreamRecord;
  inputId: number;
}

export interface TaskHooks {
  /** A sink wrote a record (internal = repartition topic the driver must feed back). */
  emit(topic: string, record: StreamRecord, internal: boolean, sink: NodeSpec): void;
  trace?: (e: TraceEvent) => void;
}

export class NodeRuntime implements ProcessorContext {
  children: NodeRuntime[] = [];
  childByName = new Map<string, NodeRuntime>();
  recordsIn = 0;
  recordsOut = 0;
  dropped = 0;
  processor: Processor | null = null;

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
  get childNames() {
    return this.children.map((c) => c.spec.name);
  }

  process(record: StreamRecord): void {
    this.recordsIn++;
    if (!this.processor) {
      this.forward(record);
      return;
    }
    try {
      this.processor.process(record);
    } catch (e) {
      if (e instanceof ProcessingError) throw e;
      const fnName = e instanceof UserFunctionError ? e.functionName : undefined;
      const cause = e instanceof UserFunctionError ? e.cause : e;
      throw new ProcessingError(this.spec.name, this.spec.owner, record, cause, fnName);
    }
  }

  forward(record: StreamRecord, childName?: string): void {
    this.recordsOut++;
    const trace = this.task.hooks.trace;
    if (trace) trace({ processor: this.spec.name, owner: this.spec.owner, record, inputId: this.task.currentInputId });
    if (childName !== undefined) {
      this.childByName.get(childName)?.process(record);
      return;
    }
    const cs = this.children;
    for (let i = 0; i < cs.length; i++) cs[i].process(record);
  }

  getStateStore<S extends StateStore = StateStore>(name: string): S {
    const s = this.task.stores.get(name);
    if (!s) throw new Error(`Processor "${this.spec.name}" has no access to state store "${name}"`);
    return s as S;
  }

  recordDropped(): void {
    this.dropped++;
  }

  onFlush(flush: () => void): void {
    this.task.flushers.push(flush);
  }
}

export class Task {
  readonly nodes = new Map<string, NodeRuntime>();
  readonly stores = new Map<string, StateStore>();
  readonly sourcesByTopic = new Map<string, NodeRuntime[]>();
  readonly flushers: (() => void)[] = [];
  currentInputId = -1;

  constructor(
    readonly topology: TopologySpec,
    readonly hooks: TaskHooks,
    /** Stores shared between tasks (global tables); created once by the driver. */
    sharedStores: Map<string, StateStore> = new Map(),
  ) {
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
      if (spec.type === 'sink') rt.processor = sinkProcessor(rt, hooks);
      else if (spec.factory) rt.processor = spec.factory();
    }
    // Initialize in insertion order (parents before children), as Kafka initializes a task.
    for (const rt of this.nodes.values()) rt.processor?.init?.(rt);
  }

  /** Process one record from a topic through every source reading it. */
  process(topic: string, record: StreamRecord, inputId: number): void {
    this.currentInputId = inputId;
    const sources = this.sourcesByTopic.get(topic);
    if (!sources) return;
    for (const s of sources) s.process(record);
  }

  /** Flush record caches (Kafka does this on commit; TopologyTestDriver commits after every record). */
  flush(): void {
    for (const f of this.flushers) f();
  }
}

function sinkProcessor(rt: NodeRuntime, hooks: TaskHooks): Processor {
  const spec = rt.spec;
  const topic = spec.topics[0];
  return {
    process(record) {
      rt.recordsOut++;
      hooks.trace?.({ processor: spec.name, owner: spec.owner, record, inputId: rt.task.currentInputId });
      hooks.emit(topic, record, spec.internal === true, spec);
    },
  };
}
