/**
 * Fused stateless chains. A run of stateless processors where each has one child and the next has
 * one parent (filter -> mapValues -> selectKey, ...) runs as one processor: every step rewrites one
 * scratch key/value in place and only the last processor of the run forwards a record. Unfused, each
 * processor allocates a record and dispatches to the next; that per-hop cost dominated the engine's
 * time on stateless pipelines. What is observable stays exactly the same: the order of user function
 * calls, per-processor metrics (records in/out), which processor and record an error names, and the
 * record the run forwards. With a trace listener attached (the simulator) the run falls back to going
 * processor by processor, because the listener sees every processor's forwarded record.
 */
import type { StreamRecord } from './record';
import type { Processor } from './topology-spec';

/** The record being rewritten by a fused run (only key and value change in stateless steps). */
export interface Scratch {
  key: unknown;
  value: unknown;
}

/** A stateless processor that can also run as one step of a fused run. */
export interface FusableStep extends Processor {
  /** Applies the step to s in place; false drops the record (a filter rejecting it, map returning null). */
  apply(s: Scratch): boolean;
  /** False when the step never changes key or value (filter, peek): the input record can be forwarded as is. */
  readonly rewrites: boolean;
}

export function isFusable(p: Processor | null): p is FusableStep {
  return p !== null && typeof (p as Partial<FusableStep>).apply === 'function';
}

/** What the fused run needs of each member processor's runtime (NodeRuntime implements it). */
export interface FusedMember {
  recordsIn: number;
  recordsOut: number;
  forward(record: StreamRecord): void;
  /** Wraps an error thrown by this member's processor the way its runtime would (names node and record). */
  failure(record: StreamRecord, e: unknown): Error;
}

export class FusedRun implements Processor {
  private readonly scratch: Scratch = { key: null, value: null };
  private readonly rewrites: boolean;

  constructor(
    private readonly steps: FusableStep[],
    /** The runtimes of the steps, same order. The head's runtime counts its own records in. */
    private readonly members: FusedMember[],
    /** The head's own processor: used when a trace listener must see every processor's output. */
    private readonly unfused: Processor,
    private readonly tracing: () => boolean,
  ) {
    this.rewrites = steps.some((s) => s.rewrites);
  }

  process(r: StreamRecord): void {
    if (this.tracing()) {
      this.unfused.process(r);
      return;
    }
    const s = this.scratch;
    s.key = r.key;
    s.value = r.value;
    const steps = this.steps;
    const members = this.members;
    const last = steps.length - 1;
    for (let i = 0; ; i++) {
      const m = members[i];
      if (i > 0) m.recordsIn++;
      const key = s.key;
      const value = s.value;
      let pass: boolean;
      try {
        pass = steps[i].apply(s);
      } catch (e) {
        throw m.failure(i === 0 ? r : { key, value, timestamp: r.timestamp, headers: r.headers }, e);
      }
      if (!pass) return;
      if (i === last) break;
      m.recordsOut++;
    }
    members[last].forward(this.rewrites ? { key: s.key, value: s.value, timestamp: r.timestamp, headers: r.headers } : r);
  }
}
