/**
 * A fused run (fusion.ts) as one specialised function. The generic run calls each step's `apply`
 * through an array, writing a scratch object: one call site for every kind of step in every
 * topology, so V8 can neither inline the user functions nor keep the call monomorphic. A function
 * generated per run is fresh code with its own type feedback: the step sequence is straight-line
 * code, key and value stay in locals, and each user function is called from its own call site.
 *
 * The generated code does exactly what FusedRun's generic loop does, step by step: the same user
 * calls with the same arguments, the same per-processor counts, the same record named on an error
 * (the record as it reached the failing step) and the same forward at the end. Only engine-made
 * text goes into it: step kinds and indexes, never user input (user functions are passed in as
 * values).
 */
import type { StreamRecord } from './record';

/** What a fusable step does, for the generated code (see FusableStep.inline). */
export type InlineStep =
  | { readonly op: 'filter'; readonly fn: (k: unknown, v: unknown) => unknown; readonly negate: boolean }
  | { readonly op: 'mapValues'; readonly fn: (v: unknown, k: unknown) => unknown }
  | { readonly op: 'selectKey'; readonly fn: (k: unknown, v: unknown) => unknown }
  | { readonly op: 'map'; readonly fn: (k: unknown, v: unknown) => unknown; readonly check: (kv: unknown) => void }
  | { readonly op: 'peek'; readonly fn: (k: unknown, v: unknown) => unknown }
  | { readonly op: 'pass' }
  /** toStream: a Change becomes its newValue (null for a tombstone). */
  | { readonly op: 'newValue' };

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

function stepCode(step: InlineStep, i: number): string {
  const f = `f${i}`;
  switch (step.op) {
    case 'filter':
      return `if (Boolean(${f}(key, value)) === ${step.negate}) return;`;
    case 'mapValues':
      return `value = ${f}(value, key);`;
    case 'selectKey':
      return `key = ${f}(key, value);`;
    case 'map':
      return `const kv${i} = ${f}(key, value); if (kv${i} == null) return; c${i}(kv${i}); key = kv${i}[0]; value = kv${i}[1];`;
    case 'peek':
      return `${f}(key, value);`;
    case 'pass':
      return '';
    case 'newValue':
      return `value = value.newValue ?? null;`;
  }
}

/** Builds the run's function: members[i] and steps[i] belong together; tail is the last member. */
export function compileRun(steps: readonly InlineStep[], members: readonly CodeMember[], tail: CodeTail, rewrites: boolean): CompiledRun {
  const last = steps.length - 1;
  const lines: string[] = [];
  lines.push('switch (from) {');
  steps.forEach((step, i) => {
    lines.push(`case ${i}:`);
    const code = stepCode(step, i);
    if (code) {
      // The catch sees key and value as they reached the step: a throwing call assigns nothing.
      const reached = i === 0 ? 'input !== null ? input : { key, value, timestamp, headers }' : '{ key, value, timestamp, headers }';
      lines.push(`try { ${code} } catch (e) { throw m${i}.failure(${reached}, e); }`);
    }
    if (i < last) lines.push(`m${i}.recordsOut++; m${i + 1}.recordsIn++;`);
  });
  lines.push('}');
  if (tail.sinkChild !== null && tail.sinkChild.write !== null) {
    // What tail.forwardNew -> sink.writeFrom would do (the run is only used untraced; the sink may be traced).
    const record = rewrites ? 'headers === undefined ? { key, value, timestamp } : { key, value, timestamp, headers }' : 'input !== null ? input : headers === undefined ? { key, value, timestamp } : { key, value, timestamp, headers }';
    lines.push(`if (sink.trace === undefined) { tail.recordsOut++; sink.recordsIn++; sink.recordsOut++; const r = ${record}; try { write(r); } catch (e) { throw sink.failure(r, e); } return; }`);
  }
  lines.push(rewrites ? 'tail.forwardNew(key, value, timestamp, headers);' : 'if (input !== null) tail.forward(input); else tail.forwardNew(key, value, timestamp, headers);');
  const names: string[] = ['tail', 'sink', 'write'];
  const values: unknown[] = [tail, tail.sinkChild, tail.sinkChild?.write];
  steps.forEach((step, i) => {
    names.push(`m${i}`);
    values.push(members[i]);
    if ('fn' in step) {
      names.push(`f${i}`);
      values.push(step.fn);
    }
    if (step.op === 'map') {
      names.push(`c${i}`);
      values.push(step.check);
    }
  });
  const body = [
    '"use strict";',
    `function run(key, value, timestamp, headers, input, from) {\n${lines.join('\n')}\n}`,
    'function enter(parent, key, value, timestamp, headers) { parent.recordsIn++; parent.recordsOut++; m0.recordsIn++; run(key, value, timestamp, headers, null, 0); }',
    'return { run, enter };',
  ].join('\n');
  const key = names.join(',') + '\n' + body;
  let factory = SHAPES.get(key);
  if (!factory) {
    if (SHAPES.size >= MAX_SHAPES) SHAPES.clear();
    SHAPES.set(key, (factory = new Function(...names, body) as (...values: unknown[]) => CompiledRun));
  }
  return factory(...values);
}
