/**
 * Compiles a design into an engine topology by evaluating each node's lowered DslExpr (the same
 * expression the code generator prints) in dependency order. Its diagnostics are the checker's
 * (checkDesign): nodes with errors, and everything downstream of them, are not built. Never throws
 * on user mistakes; should the engine still refuse a node the checker passed, that comes back as
 * E_TOPOLOGY on the node.
 */
import { StreamsBuilder, type Topology } from '../engine';
import { analyzeDesign, type DesignAnalysis } from '../model/graph';
import { lowerContextOf } from '../model/lower-context';
import { getOperator } from '../model/registry';
import { checkDesign } from '../model/check';
import type { Diagnostic, TopologyDocument } from '../model/types';
import { FieldError, NodeEvaluator } from './evaluate';
import { LoweringRecorder, type NodeProcessors } from './node-processors';

export interface CompiledDesign {
  topology: Topology;
  builder: StreamsBuilder;
  diagnostics: Diagnostic[];
  /** The DSL object each compiled node produced. */
  nodeObjects: Map<string, unknown>;
  /** Node ids that were compiled into the topology. */
  compiled: Set<string>;
  /** For each compiled node: the processors and stores it became, and those carrying its output. */
  nodeProcessors: Map<string, NodeProcessors>;
  /** The topics the design reads from outside (internal repartition topics excluded). */
  sourceTopics: Set<string>;
  /** Processors fed from a repartition topic: the driver runs them after the input record, FIFO per topic. */
  afterRepartition: Set<string>;
  /** The design's graph analysis the compile was based on (kinds, inputs, parsed params). */
  analysis: DesignAnalysis;
}

export interface CompileOptions {
  /** Called before every user function call (the worker uses it to locate an endless function). */
  onUserFunction?: (nodeId: string, param: string) => void;
}

export function compileDesign(doc: TopologyDocument, builder = new StreamsBuilder(), options: CompileOptions = {}): CompiledDesign {
  const analysis = analyzeDesign(doc);
  const diagnostics = checkDesign(doc, analysis);
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error' && d.nodeId).map((d) => d.nodeId!));
  const nodeObjects = new Map<string, unknown>();
  const compiled = new Set<string>();
  const recorder = new LoweringRecorder(builder);
  for (const id of analysis.order) {
    const node = analysis.nodes.get(id)!;
    const d = getOperator(node.kind);
    const params = analysis.params.get(id);
    const byPort = analysis.inputs.get(id) ?? {};
    const upstreamOk = Object.values(byPort).every((list) => list.every((c) => compiled.has(c.node.id)));
    // Connector nodes run outside the topology (Kafka Connect): nothing to build.
    if (!d || d.connector || !params || broken.has(id) || !upstreamOk) continue;
    const mark = recorder.mark();
    try {
      const expr = d.lower(params as never, lowerContextOf(analysis, id));
      const result = new NodeEvaluator(builder, analysis, id, nodeObjects, options.onUserFunction).evaluate(expr);
      nodeObjects.set(id, result);
      compiled.add(id);
      const ports = d.portKey && d.outputPorts?.(params as never);
      const portKeys = ports ? new Map(ports.map((p) => [p, d.portKey!(params as never, p)])) : undefined;
      recorder.record(id, mark, { result, portKeys, inputs: Object.values(byPort).flat() });
    } catch (err) {
      diagnostics.push({
        code: err instanceof FieldError ? err.code : 'E_TOPOLOGY',
        severity: 'error',
        nodeId: id,
        param: err instanceof FieldError ? err.param : undefined,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
  const topology = builder.build();
  return {
    topology,
    builder,
    diagnostics,
    nodeObjects,
    compiled,
    nodeProcessors: recorder.result(),
    sourceTopics: sourceTopics(topology),
    afterRepartition: afterRepartition(topology),
    analysis,
  };
}

function sourceTopics(topology: Topology): Set<string> {
  const t = new Set<string>();
  for (const n of topology.spec.nodes.values()) if (n.type === 'source') for (const x of n.topics) if (!topology.spec.internalTopics.has(x)) t.add(x);
  return t;
}

function afterRepartition(topology: Topology): Set<string> {
  const spec = topology.spec;
  const memo = new Map<string, boolean>();
  const reads = (name: string): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, false);
    const n = spec.nodes.get(name);
    const r = !!n && (n.type === 'source' ? n.topics.some((t) => spec.internalTopics.has(t)) : n.parents.some(reads));
    memo.set(name, r);
    return r;
  };
  return new Set([...spec.nodes.keys()].filter(reads));
}
