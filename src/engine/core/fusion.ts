/**
 * Fused stateless chains. A run of stateless processors where each has one child and the next has
 * one parent (filter -> mapValues -> selectKey, ...) runs as one processor: every step rewrites one
 * scratch key/value in place and only the last processor of the run forwards a record. Unfused, each
 * processor allocates a record and dispatches to the next; that per-hop cost dominated the engine's
 * time on stateless pipelines. What is observable stays exactly the same: the order of user function
 * calls, per-processor metrics (records in/out), which processor and record an error names, and the
 * record the run forwards. While a member is traced (the simulator) the run falls back to going
 * processor by processor, because the listener sees every traced processor's forwarded record.
 */
import { compileRun, type CodeSink, type CompiledRun, type EnterFunction, type InlineStep, type RunFunction } from './fused-code';
import type { StreamRecord } from './record';
import type { Processor } from './topology-spec';

/** The record being rewritten by a fused run (only key and value change in stateless steps). */
export interface Scratch {
  key: unknown;
  value: unknown;
}

/** A stateless processor that can also run as one step of a fused run. */
export interface FusableStep extends Processor {
  /** Marks the processor as fusable (checked at run time, so it is explicit rather than a method name). */
  readonly fusable: true;
  /** Applies the step to s in place; false drops the record (a filter rejecting it, map returning null). */
  apply(s: Scratch): boolean;
  /** False when the step never changes key or value (filter, peek): the input record can be forwarded as is. */
  readonly rewrites: boolean;
  /**
   * True for toStream: apply only replaces a Change value by its newValue (null for a tombstone), so a
   * table processor may feed the run the newValue directly (forwardChange) and skip this step's apply.
   */
  readonly unwrapsChange?: boolean;
  /** What the step does, for a run compiled into one function (fused-code.ts); absent: apply only. */
  readonly inline?: InlineStep;
}

export function isFusable(p: Processor | null): p is FusableStep {
  return p !== null && (p as Partial<FusableStep>).fusable === true;
}

/** What the fused run needs of each member processor's runtime (NodeRuntime implements it). */
export interface FusedMember {
  /** Set while a trace listener wants this member's forwards. */
  readonly trace: unknown;
  recordsIn: number;
  recordsOut: number;
  forward(record: StreamRecord): void;
  forwardNew(key: unknown, value: unknown, timestamp: number, headers: Record<string, string> | undefined): void;
  /** Wraps an error thrown by this member's processor the way its runtime would (names node and record). */
  failure(record: StreamRecord, e: unknown): Error;
  /** Its only child when that is a sink (written to directly). */
  readonly sinkChild: CodeSink | null;
}

export class FusedRun implements Processor {
  private readonly scratch: Scratch = { key: null, value: null };
  private readonly rewrites: boolean;
  private readonly applies: ((s: Scratch) => boolean)[];
  /** Some member is traced: run processor by processor so each one's forwards are seen. */
  traced = false;
  /** The first step is toStream: feedNewValue may stand for feeding it a Change (see FusableStep.unwrapsChange). */
  readonly takesNewValue: boolean;

  constructor(
    steps: FusableStep[],
    /** The runtimes of the steps, same order. */
    private readonly members: FusedMember[],
    /** The head's own processor: used when a trace listener must see every processor's output. */
    private readonly unfused: Processor,
  ) {
    this.rewrites = steps.some((s) => s.rewrites);
    // Bound once: `steps[i].apply` would be a lookup on many step classes at one call site.
    this.applies = steps.map((s) => s.apply.bind(s));
    this.takesNewValue = steps[0].unwrapsChange === true;
    const compiled = compiledRun(steps, members, this.rewrites);
    this.compiled = compiled?.run ?? null;
    this.enter = compiled?.enter ?? null;
  }

  /** The run as one generated function, or null (a step without an inline form, or no `new Function` here). */
  private readonly compiled: RunFunction | null;
  /**
   * With a compiled run: takes a record from the run's parent (when neither is traced), counting
   * it out of the parent. The driver calls it for an input topic's only source (see fused-code.ts).
   */
  readonly enter: EnterFunction | null;

  updateTraced(): void {
    this.traced = this.members.some((m) => m.trace !== undefined);
  }

  /** As the head's processor: the head's runtime has counted the record in. */
  process(r: StreamRecord): void {
    if (this.traced) this.unfused.process(r);
    else this.run(r.key, r.value, r.timestamp, r.headers, r, 0);
  }

  /** From the parent's forwardNew (never while traced): the parts of a record not built yet. */
  feed(key: unknown, value: unknown, timestamp: number, headers: Record<string, string> | undefined): void {
    this.members[0].recordsIn++;
    this.run(key, value, timestamp, headers, null, 0);
  }

  /**
   * From a table processor's forwardChange (only when takesNewValue, never while traced): the first
   * step (toStream) would turn the Change into its newValue, so it is counted and the run goes on
   * from the second step with that value.
   */
  feedNewValue(key: unknown, newValue: unknown, timestamp: number): void {
    const first = this.members[0];
    first.recordsIn++;
    if (this.applies.length === 1) {
      first.forwardNew(key, newValue ?? null, timestamp, undefined);
      return;
    }
    first.recordsOut++;
    this.members[1].recordsIn++;
    this.run(key, newValue ?? null, timestamp, undefined, null, 1);
  }

  /** Applies the steps from `from` on (the caller has counted the record into that step). */
  private run(key: unknown, value: unknown, timestamp: number, headers: Record<string, string> | undefined, input: StreamRecord | null, from: number): void {
    const compiled = this.compiled;
    if (compiled !== null) {
      compiled(key, value, timestamp, headers, input, from);
      return;
    }
    const s = this.scratch;
    s.key = key;
    s.value = value;
    const applies = this.applies;
    const members = this.members;
    const last = applies.length - 1;
    for (let i = from; ; i++) {
      const m = members[i];
      if (i > from) m.recordsIn++;
      const k = s.key;
      const v = s.value;
      let pass: boolean;
      try {
        pass = applies[i](s);
      } catch (e) {
        throw m.failure(i === 0 && input !== null ? input : { key: k, value: v, timestamp, headers }, e);
      }
      if (!pass) return;
      if (i === last) break;
      m.recordsOut++;
    }
    if (input !== null && !this.rewrites) members[last].forward(input);
    else members[last].forwardNew(s.key, s.value, timestamp, headers);
  }
}

function compiledRun(steps: FusableStep[], members: FusedMember[], rewrites: boolean): CompiledRun | null {
  const inline: InlineStep[] = [];
  for (const s of steps) {
    if (s.inline === undefined) return null;
    inline.push(s.inline);
  }
  try {
    return compileRun(inline, members, members[members.length - 1], rewrites);
  } catch {
    // A page whose content security policy forbids `new Function`: the generic loop does the same work.
    return null;
  }
}
