/**
 * Fusion: an optimisation pass over a task's processors, run once when the task is built. A run of
 * steps (step.ts) where each has one child and the next has one parent (filter -> mapValues ->
 * selectKey, ...) is compiled from the steps' definitions into one function (fused-code.ts) and runs
 * as one processor. Unfused, each processor allocates a record and dispatches to the next; that
 * per-hop cost dominated the engine's time on stateless pipelines. What is observable stays exactly
 * the same: the order of user function calls, per-processor metrics (records in/out), which
 * processor and record an error names, and the record the run forwards. While a member is traced
 * (the simulator) the run goes processor by processor, because the listener sees every traced
 * processor's forwarded record. Where code cannot be compiled (a content security policy refusing
 * `new Function`), the pass does nothing and every processor runs on its own.
 */
import { canCompile, compileRun, type CodeSink, type EnterFunction, type RunFunction } from './fused-code';
import type { StreamRecord } from './record';
import { isStep, type StepProcessor } from './step';
import type { NodeSpec, Processor } from './topology-spec';

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
  /** Some member is traced: run processor by processor so each one's forwards are seen. */
  traced = false;
  /** The first step is toStream: feedNewValue may stand for feeding it a Change (see StepDef.unwrapsChange). */
  readonly takesNewValue: boolean;
  private readonly run: RunFunction;
  /**
   * Takes a record from the run's parent (when neither is traced), counting it out of the parent.
   * The driver calls it for an input topic's only source.
   */
  readonly enter: EnterFunction;

  constructor(
    steps: StepProcessor[],
    /** The runtimes of the steps, same order. */
    private readonly members: FusedMember[],
  ) {
    this.takesNewValue = steps[0].def.unwrapsChange === true;
    const compiled = compileRun(steps, members, members[members.length - 1], steps.some((s) => s.def.rewrites));
    this.run = compiled.run;
    this.enter = compiled.enter;
    this.unfused = steps[0];
  }

  /** The head's own processor: runs the record when a trace listener must see every processor's output. */
  private readonly unfused: Processor;

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
    if (this.members.length === 1) {
      first.forwardNew(key, newValue ?? null, timestamp, undefined);
      return;
    }
    first.recordsOut++;
    this.members[1].recordsIn++;
    this.run(key, newValue ?? null, timestamp, undefined, null, 1);
  }
}

/** A processor's runtime as the fusion pass sees it (NodeRuntime). */
export interface FusionNode extends FusedMember {
  readonly spec: NodeSpec;
  readonly children: readonly FusionNode[];
  readonly processor: Processor | null;
  setProcessor(processor: Processor): void;
  /** The fused run this node's only child starts: forwardNew feeds it directly. */
  run: FusedRun | null;
}

/**
 * The pass: finds the runs among `nodes` (in insertion order, so a run is found from its head first),
 * installs each on its head (a run of one step keeps its processor) and lets a parent whose only
 * child is the head feed it directly. Returns the runs, for tracing to switch them.
 */
export function fuseStatelessRuns<N extends FusionNode>(nodes: ReadonlyMap<string, N>): FusedRun[] {
  if (!canCompile()) return [];
  const runs: FusedRun[] = [];
  const fused = new Set<FusionNode>();
  for (const head of nodes.values()) {
    if (fused.has(head) || !isStep(head.processor)) continue;
    const members: FusionNode[] = [head];
    for (let rt: FusionNode = head; rt.children.length === 1; ) {
      const next = rt.children[0];
      if (next.spec.parents.length !== 1 || !isStep(next.processor)) break;
      members.push((rt = next));
    }
    for (const m of members) fused.add(m);
    const run = new FusedRun(members.map((m) => m.processor as StepProcessor), members);
    runs.push(run);
    if (members.length > 1) head.setProcessor(run);
    for (const p of head.spec.parents) {
      const parent = nodes.get(p)!;
      if (parent.children.length === 1) parent.run = run;
    }
  }
  return runs;
}
