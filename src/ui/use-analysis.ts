/**
 * Graph analysis and the checker's diagnostics (checkDesign, the same function the worker, the CLI
 * and codegen call) of the current design, memoized per document and indexed per node.
 */
import { checkDesign } from '../model/check';
import { analyzeDesign, type DesignAnalysis } from '../model/graph';
import type { DesignNode, Diagnostic, TopologyDocument } from '../model/types';
import { useApp } from '../store/store';

interface Analysis {
  doc: TopologyDocument;
  analysis: DesignAnalysis;
  diagnostics: Diagnostic[];
  /** Error diagnostics by node id. */
  errorsByNode: Map<string, Diagnostic[]>;
}

let cache: Analysis | null = null;

export function analysisOf(doc: TopologyDocument): Analysis {
  if (cache?.doc !== doc) {
    const analysis = analyzeDesign(doc);
    const diagnostics = checkDesign(doc, analysis);
    const errorsByNode = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) if (d.nodeId && d.severity === 'error') errorsByNode.set(d.nodeId, [...(errorsByNode.get(d.nodeId) ?? []), d]);
    cache = { doc, analysis, diagnostics, errorsByNode };
  }
  return cache;
}

const NONE: Diagnostic[] = [];
/** A node's error diagnostics (node cards select from this, not from the whole list). */
export function nodeProblems(doc: TopologyDocument, nodeId: string): Diagnostic[] {
  return analysisOf(doc).errorsByNode.get(nodeId) ?? NONE;
}

const indexes = new WeakMap<TopologyDocument['nodes'], Map<string, DesignNode>>();
/** The design's nodes by id, built once per nodes array (a node card looks itself up on every store change). */
export function nodeById(doc: TopologyDocument): Map<string, DesignNode> {
  let m = indexes.get(doc.nodes);
  if (!m) indexes.set(doc.nodes, (m = new Map(doc.nodes.map((n) => [n.id, n]))));
  return m;
}

const targetPorts = new WeakMap<TopologyDocument['edges'], Map<string, string>>();
/**
 * The input ports edges arrive at on a node, as one string ("in0 in2"), built once per edges array:
 * a string keeps its identity for a card's selector, so a new edge elsewhere re-renders no card.
 */
export function targetPortsKey(doc: TopologyDocument, nodeId: string): string {
  let m = targetPorts.get(doc.edges);
  if (!m) {
    m = new Map();
    for (const e of doc.edges) m.set(e.target, m.has(e.target) ? `${m.get(e.target)} ${e.targetPort}` : e.targetPort);
    targetPorts.set(doc.edges, m);
  }
  return m.get(nodeId) ?? '';
}

export function useAnalysis(): { analysis: DesignAnalysis; diagnostics: Diagnostic[] } {
  const doc = useApp((s) => s.doc);
  return analysisOf(doc);
}
