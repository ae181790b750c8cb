/**
 * Fixes for refused connections, keyed by the refusal's diagnostic code: what to say ("count needs a
 * KGroupedStream: insert groupByKey here") and a pure command that applies it (inserts the missing
 * operators between the two nodes and connects both sides; one edit, so one undo step).
 */
import { addNode, connect } from './commands';
import type { ConnectRefusal } from './connect';
import type { DiagnosticCode } from './diagnostics';
import { analyzeDesign } from './graph';
import { getOperator } from './registry';
import { findInputPort } from './ports';
import type { DesignEdge, StreamKind, TopologyDocument } from './types';

export interface ConnectionFix {
  /** What the fix does, for a button: "insert groupByKey here". */
  action: string;
  /** Why the connection is refused and what it needs, in a sentence. */
  explanation: string;
  /** Operators to insert between the two ends, in order. */
  insert: string[];
}

type NewEdge = Omit<DesignEdge, 'id'>;

/**
 * Operators that turn one stream kind into another without a user function to write (or with a
 * default that is right as it is), tried in this order: the first chain found is the usual one.
 */
const ADAPTERS = ['groupByKey', 'windowedBy', 'toStream', 'toTable', 'groupBy'];
const MAX_INSERTED = 2;

function adapterOutput(kind: string, from: StreamKind): StreamKind | null {
  const d = getOperator(kind);
  if (!d || d.inputs.length !== 1 || !d.inputs[0].accepts.includes(from)) return null;
  const out = d.output({ [d.inputs[0].name]: [{ kind: from }] }, d.defaults as never);
  return out && !('error' in out) ? out.kind : null;
}

/** The shortest chain of adapters from one stream kind to one of the accepted kinds, and the kind it reaches. */
export function adapterChain(from: StreamKind, accepts: readonly StreamKind[]): { chain: string[]; reaches: StreamKind } | null {
  let frontier: { kind: StreamKind; chain: string[] }[] = [{ kind: from, chain: [] }];
  for (let depth = 0; depth < MAX_INSERTED; depth++) {
    const next: typeof frontier = [];
    for (const { kind, chain } of frontier) {
      for (const adapter of ADAPTERS) {
        const out = adapterOutput(adapter, kind);
        if (!out) continue;
        if (accepts.includes(out)) return { chain: [...chain, adapter], reaches: out };
        next.push({ kind: out, chain: [...chain, adapter] });
      }
    }
    frontier = next;
  }
  return null;
}

function kindFix(doc: TopologyDocument, edge: NewEdge): ConnectionFix | null {
  const tgt = doc.nodes.find((n) => n.id === edge.target);
  const d = tgt && getOperator(tgt.kind);
  const port = d && findInputPort(d, edge.targetPort);
  const from = analyzeDesign(doc).outputs.get(edge.source)?.kind;
  if (!d || !port || !from) return null;
  const found = adapterChain(from, port.accepts);
  if (!found) return null;
  return { action: `insert ${found.chain.join(' → ')} here`, explanation: `${d.label} needs a ${found.reaches}, not a ${from}`, insert: found.chain };
}

/** How each refusal code can be fixed (codes not listed have no automatic fix). */
const FIXES: Partial<Record<DiagnosticCode, (doc: TopologyDocument, edge: NewEdge) => ConnectionFix | null>> = {
  E_CONNECT_KIND: kindFix,
};

/** The fix for a refused connection, if there is one. */
export function connectionFix(doc: TopologyDocument, edge: NewEdge, refusal: Pick<ConnectRefusal, 'code'>): ConnectionFix | null {
  return FIXES[refusal.code]?.(doc, edge) ?? null;
}

/**
 * Applies a fix: the inserted operators placed evenly between the two ends, connected source ->
 * inserted... -> target. Every edge goes through connect(), so the result is a design the checker
 * accepts, or an error saying which link failed.
 */
export function applyConnectionFix(doc: TopologyDocument, edge: NewEdge, fix: ConnectionFix): { doc: TopologyDocument; nodeIds: string[] } | { error: string } {
  const a = doc.nodes.find((n) => n.id === edge.source)?.position;
  const b = doc.nodes.find((n) => n.id === edge.target)?.position;
  if (!a || !b) return { error: 'both ends must be nodes of the design' };
  let out = doc;
  const ids: string[] = [];
  fix.insert.forEach((kind, i) => {
    const t = (i + 1) / (fix.insert.length + 1);
    const r = addNode(out, kind, { x: Math.round(a.x + (b.x - a.x) * t), y: Math.round(a.y + (b.y - a.y) * t + 40) });
    out = r.doc;
    ids.push(r.nodeId);
  });
  const chain = [edge.source, ...ids, edge.target];
  for (let i = 0; i + 1 < chain.length; i++) {
    const last = i + 2 === chain.length;
    const r = connect(out, { source: chain[i], sourcePort: i === 0 ? edge.sourcePort : undefined, target: chain[i + 1], targetPort: last ? edge.targetPort : 'in' });
    if ('error' in r) return { error: `could not connect the inserted ${fix.insert[Math.min(i, ids.length - 1)]}: ${r.error}` };
    out = r.doc;
  }
  return { doc: out, nodeIds: ids };
}
