/**
 * A fused run (fusion.ts) as one generated function, put together from the code fragments of its
 * steps' definitions (step.ts). A function generated per run is fresh code with its own type
 * feedback: the step sequence is straight-line code, key and value stay in locals, and each user
 * function is called from its own call site, so V8 can inline it.
 *
 * The generated code does what the steps' processors would do one after the other: the same user
 * calls with the same arguments, the same per-processor counts, the same record named on an error
 * (the record as it reached the failing step) and the same forward at the end. Only engine-made
 * text goes into it: step fragments and indexes, never user input (user functions are passed in as
 * values, see Ref).
 */
import type { StreamRecord } from './record';
import type { BoundStep } from './step';

/** The counters and error wrapping of one member processor (NodeRuntime). */
export interface CodeMember {
  recordsIn: number;
  recordsOut: number;
  failure(record: StreamRecord, e: unknown): Error;
}

/** The last member's forwards. */
export interface CodeTail extends CodeMember {
  forward(record: StreamRecord): void;
  forwardNew(key: unknown, value: unknown, timestamp: number, headers: Record<string, string> | undefined): void;
  /** Its only child when that is a sink (NodeRuntime.sinkChild): the run writes to it directly. */
  readonly sinkChild: CodeSink | null;
}

/** A sink node's runtime: counts, trace and its topic writer. */
export interface CodeSink extends CodeMember {
  readonly trace: unknown;
  readonly write: ((record: StreamRecord) => void) | null;
}

/** Runs the steps from `from` on; the caller has counted the record into step `from`. */
export type RunFunction = (key: unknown, value: unknown, timestamp: number, headers: Record<string, string> | undefined, input: StreamRecord | null, from: number) => void;

/**
 * Runs a record from the run's parent (`from`: a source, or any processor whose only child is the
 * run's head) through the run: counts it out of the parent and into the head, as parent.forwardNew
 * -> FusedRun.feed would.
 */
export type EnterFunction = (from: CodeMember, key: unknown, value: unknown, timestamp: number, headers: Record<string, string> | undefined) => void;

export interface CompiledRun {
  readonly run: RunFunction;
  readonly enter: EnterFunction;
}

/**
 * Generated factories by their text: runs of the same shape (step kinds, sink or not) share one
 * factory, so the code V8 optimized for one topology serves the next one of that shape (the designer
 * re-runs a design after every edit; the bench builds a topology per round) instead of being parsed,
 * warmed up and optimized again. Bounded, in case a process builds endlessly many shapes.
 */
const SHAPES = new Map<string, (...values: unknown[]) => CompiledRun>();
const MAX_SHAPES = 256;

/**
 * Whether this realm may compile code (a content security policy without 'unsafe-eval' refuses
 * `new Function`). Asked once; where it may not, the fusion pass leaves every processor unfused.
 */
export function canCompile(): boolean {
  if (compileAllowed === undefined) {
    try {
      compileAllowed = typeof new Function('return 1') === 'function';
    } catch {
      compileAllowed = false;
    }
  }
  return compileAllowed;
}
let compileAllowed: boolean | undefined;

/** The values a generated function closes over, by the parameter names the code uses. */
class Closure {
  readonly names: string[] = [];
  readonly values: unknown[] = [];
  add(name: string, value: unknown): string {
    this.names.push(name);
    this.values.push(value);
    return name;
  }
}

/** The switch over the steps: entering at step `from`, each fragment guarded, counts between steps. */
function stepsCode(steps: readonly BoundStep[], members: readonly CodeMember[], closure: Closure): string[] {
  const last = steps.length - 1;
  const lines: string[] = ['switch (from) {'];
  steps.forEach((step, i) => {
    lines.push(`case ${i}:`);
    const m = closure.add(`m${i}`, members[i]);
    let refs = 0;
    const code = step.def.code(step.params, (value) => closure.add(`v${i}_${refs++}`, value));
    if (code) {
      // The catch sees key and value as they reached the step: a throwing call assigns nothing.
      const reached = i === 0 ? 'input !== null ? input : { key, value, timestamp, headers }' : '{ key, value, timestamp, headers }';
      lines.push(`try { ${code} } catch (e) { throw ${m}.failure(${reached}, e); }`);
    }
    if (i < last) lines.push(`${m}.recordsOut++; m${i + 1}.recordsIn++;`);
  });
  lines.push('}');
  return lines;
}

/** The end of the run: what tail.forward / tail.forwardNew would do, writing to a sink child directly. */
function tailCode(tail: CodeTail, rewrites: boolean): string[] {
  const lines: string[] = [];
  if (tail.sinkChild !== null && tail.sinkChild.write !== null) {
    // What tail.forwardNew -> sink.writeFrom would do (the run is only used untraced; the sink may be traced).
    const record = rewrites ? 'headers === undefined ? { key, value, timestamp } : { key, value, timestamp, headers }' : 'input !== null ? input : headers === undefined ? { key, value, timestamp } : { key, value, timestamp, headers }';
    lines.push(`if (sink.trace === undefined) { tail.recordsOut++; sink.recordsIn++; sink.recordsOut++; const r = ${record}; try { write(r); } catch (e) { throw sink.failure(r, e); } return; }`);
  }
  lines.push(rewrites ? 'tail.forwardNew(key, value, timestamp, headers);' : 'if (input !== null) tail.forward(input); else tail.forwardNew(key, value, timestamp, headers);');
  return lines;
}

/**
 * Builds the run's function: members[i] runs steps[i]; tail is the last member. Call only where
 * canCompile() said yes.
 */
export function compileRun(steps: readonly BoundStep[], members: readonly CodeMember[], tail: CodeTail, rewrites: boolean): CompiledRun {
  const closure = new Closure();
  closure.add('tail', tail);
  closure.add('sink', tail.sinkChild);
  closure.add('write', tail.sinkChild?.write);
  const lines = [...stepsCode(steps, members, closure), ...tailCode(tail, rewrites)];
  const body = [
    '"use strict";',
    `function run(key, value, timestamp, headers, input, from) {\n${lines.join('\n')}\n}`,
    'function enter(parent, key, value, timestamp, headers) { parent.recordsIn++; parent.recordsOut++; m0.recordsIn++; run(key, value, timestamp, headers, null, 0); }',
    'return { run, enter };',
  ].join('\n');
  const shape = closure.names.join(',') + '\n' + body;
  let factory = SHAPES.get(shape);
  if (!factory) {
    if (SHAPES.size >= MAX_SHAPES) SHAPES.clear();
    SHAPES.set(shape, (factory = new Function(...closure.names, body) as (...values: unknown[]) => CompiledRun));
  }
  return factory(...closure.values);
}
