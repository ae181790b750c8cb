/**
 * How an operator lowers to the engine's DSL, as data. Each operator descriptor returns one DslExpr
 * for a node; the compiler *evaluates* it against the engine (src/engine) to build the topology and
 * the code generator *prints* it as TypeScript. Because both read the same expression, the preview
 * and the exported project run the same DSL calls.
 */

export type DslExpr =
  /** A JSON literal (string, number, boolean, null, array or plain object). */
  | { kind: 'lit'; value: unknown }
  /** The DSL object produced by the upstream node connected to this input port. */
  | { kind: 'input'; port: string }
  /** All upstream objects connected to a multi-input port, in edge order (merge). */
  | { kind: 'inputs'; port: string }
  /** The user function held in this param (TypeScript source), with its signature for printing. */
  | { kind: 'fn'; param: string; signature: FunctionSignature }
  /** A static call on an engine export, e.g. TimeWindows.ofSizeAndGrace(60000, 0). callee: "TimeWindows.ofSizeAndGrace". */
  | { kind: 'static'; callee: string; args: DslExpr[] }
  /** A method call, e.g. input.filter(fn, Named.as("x")). */
  | { kind: 'call'; target: DslExpr; method: string; args: DslExpr[] }
  /** Property/element access on a value, e.g. the branch map of split: branches["orders-big"]. */
  | { kind: 'get'; target: DslExpr; key: string }
  /** The builder (StreamsBuilder) itself: sources call builder.stream(...). */
  | { kind: 'builder' }
  /** The processor object held in this param, as a supplier: () => (<the user's object>) (process/processValues). */
  | { kind: 'processor'; param: string; types: ProcessorTypes }
  /** Statements before the node's own expression (builder.addStateStore(...) for a processor's stores). */
  | { kind: 'seq'; before: DslExpr[]; value: DslExpr };

/** Type arguments of a printed processor supplier: ProcessorSupplier<KIn, VIn, KOut, VOut>. */
export interface ProcessorTypes {
  fixedKey: boolean;
}

/** Parameter and return types of a user function, used for the generated code and editor typings. */
export interface FunctionSignature {
  /** e.g. [{ name: "key", type: "K" }, { name: "value", type: "V" }] */
  params: { name: string; type: string }[];
  returns: string;
}

export const lit = (value: unknown): DslExpr => ({ kind: 'lit', value });
export const input = (port = 'in'): DslExpr => ({ kind: 'input', port });
export const fn = (param: string, signature: FunctionSignature): DslExpr => ({ kind: 'fn', param, signature });
export const stat = (callee: string, ...args: DslExpr[]): DslExpr => ({ kind: 'static', callee, args });
export const call = (target: DslExpr, method: string, ...args: DslExpr[]): DslExpr => ({
  kind: 'call',
  target,
  method,
  args,
});
export const builder: DslExpr = { kind: 'builder' };
export const processorExpr = (param: string, fixedKey: boolean): DslExpr => ({ kind: 'processor', param, types: { fixedKey } });
export const seq = (before: DslExpr[], value: DslExpr): DslExpr => (before.length ? { kind: 'seq', before, value } : value);
