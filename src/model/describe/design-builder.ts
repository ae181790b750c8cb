/**
 * Collects the design an import builds: nodes with unique names, edges, what each described
 * processor's output became (a node, its kind, and a split's port), and notes on what is not exact.
 * Functions of imported nodes are TODO stubs: the operator's default with a comment naming the
 * processor they stand for, so the checker and the code generator take them as they are.
 */
import { getOperator } from '../registry';
import type { DesignEdge, DesignNode, StreamKind } from '../types';

export interface Output {
  id: string;
  kind: StreamKind;
  /** A split branch: the output port the edge leaves from. */
  port?: string;
}

/** Something the import could not carry over exactly, as data (docs/describe-import.md). */
export interface ImportNote {
  code: 'PLACEHOLDER' | 'INEXACT';
  /** The described node (processor, source or sink) it is about. */
  processor: string;
  /** The design node it became, if any. */
  nodeId?: string;
  message: string;
}

/** The marker every imported stub carries, and how a card finds one (functions, processors, branch predicates). */
const TODO_MARK = 'TODO: was ';
export const todo = (what: string) => `/* ${TODO_MARK}${what} */`;

export function hasImportTodo(params: unknown): boolean {
  if (typeof params === 'string') return params.includes(TODO_MARK);
  if (Array.isArray(params)) return params.some(hasImportTodo);
  return !!params && typeof params === 'object' && Object.values(params).some(hasImportTodo);
}

/** The operator's default function, marked with what it stands for. */
export function stub(kind: string, param: string, what: string): string {
  const d = getOperator(kind)?.defaults as Record<string, unknown> | undefined;
  const src = String(d?.[param] ?? '(key, value) => value');
  return `${src} ${todo(what)}`;
}

/** A processor object that forwards every record, with a TODO naming the processor it replaces. */
export function processorStub(what: string): string {
  return `({\n  // ${TODO_MARK}${what}; write what it did.\n  init(ctx) {\n    this.ctx = ctx;\n  },\n  process(record) {\n    this.ctx.forward(record);\n  },\n})`;
}

export class DesignBuilder {
  readonly nodes: DesignNode[] = [];
  readonly edges: DesignEdge[] = [];
  readonly notes: ImportNote[] = [];
  /** Described node name -> the design output carrying its records. */
  readonly out = new Map<string, Output>();
  readonly consumed = new Set<string>();
  private readonly names = new Set<string>();

  constructor(reserved: Iterable<string>) {
    // Names the engine will print (processors, stores) must not be taken by nodes that print nothing.
    for (const n of reserved) this.names.add(n);
  }

  /** A name no other node (and no described processor or store) has: `base`, else `base-2`, ... */
  freeName(base: string): string {
    if (!this.names.has(base)) return base;
    let i = 2;
    while (this.names.has(`${base}-${i}`)) i++;
    return `${base}-${i}`;
  }

  add(kind: string, name: string, params: Record<string, unknown>, description?: string): string {
    const id = `n${this.nodes.length + 1}`;
    this.names.add(name);
    this.nodes.push({ id, kind, name, ...(description ? { description } : {}), params, position: { x: 0, y: 0 } });
    return id;
  }

  connect(from: Output, target: string, targetPort = 'in'): void {
    this.edges.push({ id: `e${this.edges.length + 1}`, source: from.id, ...(from.port ? { sourcePort: from.port } : {}), target, targetPort });
  }

  /** Marks described nodes as done; `output` (when given) carries the records of each. */
  consume(names: string[], output?: Output): void {
    for (const n of names) {
      this.consumed.add(n);
      if (output) this.out.set(n, output);
    }
  }

  note(code: ImportNote['code'], processor: string, message: string, nodeId?: string): void {
    this.notes.push({ code, processor, ...(nodeId ? { nodeId } : {}), message });
  }
}
