/**
 * Stateless steps, each defined once. A step (filter, map, mapValues, selectKey, peek, pass-through,
 * KTable toStream) takes one record and forwards at most one, changing only its key and value. Its
 * `StepDef` gives both forms of that one behaviour side by side: `apply`, which the step's own
 * processor (`StepProcessor`) runs, and `code`, the same as a JavaScript fragment that the fusion
 * pass (fusion.ts, fused-code.ts) compiles, with its neighbours, into one function.
 */
import type { ProcessorContext } from './context';
import type { StreamRecord } from './record';
import type { Processor } from './topology-spec';

/** The key and value a step rewrites in place. */
export interface Scratch {
  key: unknown;
  value: unknown;
}

/**
 * Names a value (a user function, a check) for a code fragment: the returned identifier holds that
 * value in the compiled function. Fragments hold only engine-made text, never user input.
 */
export type Ref = (value: unknown) => string;

export interface StepDef<P> {
  /** The step's kind, for messages and the compiled code's shape. */
  readonly op: string;
  /** False when the step never changes key or value (filter, peek): the input record can be forwarded as is. */
  readonly rewrites: boolean;
  /**
   * True for toStream: it only replaces a Change value by its newValue (null for a tombstone), so a
   * table processor may give a fused run starting with it the newValue directly (forwardChange).
   */
  readonly unwrapsChange?: boolean;
  /** The step on s in place; false drops the record (a filter rejecting it, map returning null). */
  apply(s: Scratch, p: P): boolean;
  /**
   * The same as `apply`, as statements over the locals `key` and `value` (`return;` drops the record).
   * Any block-scoped local it declares stays inside the fragment. Empty: the step does nothing.
   */
  code(p: P, ref: Ref): string;
}

/** A step with its parameters (the user function, a flag): what a processor or a fused run needs. */
export interface BoundStep {
  readonly def: StepDef<unknown>;
  readonly params: unknown;
}

/** The processor of one step, when it runs alone (not fused, or while traced). */
export class StepProcessor<P = unknown> implements Processor, BoundStep {
  private ctx!: ProcessorContext;
  private readonly s: Scratch = { key: null, value: null };
  readonly def: StepDef<unknown>;

  constructor(
    def: StepDef<P>,
    readonly params: P,
  ) {
    this.def = def as StepDef<unknown>;
  }

  init(ctx: ProcessorContext): void {
    this.ctx = ctx;
  }

  process(r: StreamRecord): void {
    const s = this.s;
    s.key = r.key;
    s.value = r.value;
    if (!this.def.apply(s, this.params)) return;
    if (this.def.rewrites) this.ctx.forwardNew(s.key, s.value, r.timestamp, r.headers);
    else this.ctx.forward(r);
  }
}

export function isStep(p: Processor | null): p is StepProcessor {
  return p instanceof StepProcessor;
}
