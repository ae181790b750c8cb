/**
 * Evaluates one node's lowered DslExpr against the engine: literals, the builder, the upstream
 * nodes' DSL objects by port, user functions and processors compiled from the params, engine
 * statics (Materialized.as, ...) and method calls. What codegen prints, this runs.
 */
import type { StreamsBuilder } from '../engine';
import type { DiagnosticCode } from '../model/diagnostics';
import type { DslExpr } from '../model/dsl-expr';
import type { DesignAnalysis } from '../model/graph';
import { getOperator } from '../model/registry';
import { ENGINE_EXPORTS } from './engine-exports';
import { compileProcessorSupplier, compileUserFunction } from './user-functions';

/** A user function or processor param that does not compile: reported on its param. */
export class FieldError extends Error {
  constructor(
    readonly param: string,
    readonly code: DiagnosticCode,
    message: string,
  ) {
    super(message);
  }
}

/** Reads "branches.0.predicate" style paths. */
function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return cur;
}

type Apply = (...a: unknown[]) => unknown;

export class NodeEvaluator {
  private readonly byPort: NonNullable<ReturnType<DesignAnalysis['inputs']['get']>>;
  private readonly params: Record<string, unknown>;

  constructor(
    private readonly builder: StreamsBuilder,
    private readonly analysis: DesignAnalysis,
    private readonly id: string,
    /** The DSL object each node compiled so far produced. */
    private readonly nodeObjects: Map<string, unknown>,
    /** Called before every user function call of this node (locating an endless function). */
    private readonly onUserFunction?: (nodeId: string, param: string) => void,
  ) {
    this.byPort = analysis.inputs.get(id) ?? {};
    this.params = analysis.params.get(id) ?? {};
  }

  evaluate(e: DslExpr): unknown {
    switch (e.kind) {
      case 'lit':
        return e.value;
      case 'builder':
        return this.builder;
      case 'input':
        return this.portValue(e.port, 0);
      case 'inputs':
        return (this.byPort[e.port] ?? []).map((_, i) => this.portValue(e.port, i));
      case 'fn':
        return this.userFunction(e.param);
      case 'static': {
        const [cls, method] = e.callee.split('.');
        const target = ENGINE_EXPORTS[cls];
        const m = target?.[method];
        if (typeof m !== 'function') throw new Error(`unknown engine function ${e.callee}`);
        return (m as Apply).apply(target, e.args.map((a) => this.evaluate(a)));
      }
      case 'call': {
        const target = this.evaluate(e.target) as Record<string, unknown>;
        const m = target?.[e.method];
        if (typeof m !== 'function') throw new Error(`${e.method} is not available here`);
        return (m as Apply).apply(target, e.args.map((a) => this.evaluate(a)));
      }
      case 'get':
        return (this.evaluate(e.target) as Record<string, unknown>)[e.key];
      case 'processor':
        return this.processor(e.param);
      case 'seq':
        e.before.forEach((b) => this.evaluate(b));
        return this.evaluate(e.value);
    }
  }

  /** The DSL object upstream on a port (a split's branch by its port key). */
  private portValue(port: string, i: number): unknown {
    const c = this.byPort[port]?.[i];
    if (!c) throw new Error(`input "${port}" is not connected`);
    const obj = this.nodeObjects.get(c.node.id);
    const sd = getOperator(c.node.kind);
    if (sd?.portKey && c.edge.sourcePort) return (obj as Record<string, unknown>)[sd.portKey(this.analysis.params.get(c.node.id) as never, c.edge.sourcePort)];
    return obj;
  }

  private hook(param: string): (() => void) | undefined {
    const hook = this.onUserFunction;
    return hook ? () => hook(this.id, param) : undefined;
  }

  private userFunction(param: string): unknown {
    const f = compileUserFunction(String(readPath(this.params, param) ?? ''), param, this.hook(param));
    if ('code' in f) throw new FieldError(param, f.code, f.message);
    return f;
  }

  private processor(param: string): unknown {
    const stores = readPath(this.params, 'stores');
    const names = Array.isArray(stores) ? stores.map((x: { name: string }) => x.name) : [];
    const supplier = compileProcessorSupplier(String(readPath(this.params, param) ?? ''), names, param, this.hook(param));
    if ('code' in supplier) throw new FieldError(param, supplier.code, supplier.message);
    return supplier;
  }
}
