/**
 * The one checker: whether a design is valid, for the inspector, the canvas, the preview worker,
 * the compiler, the CLI and codegen alike. Covers the graph (cycles, dangling edges, ports and
 * their arity), stream kinds, names, params, topics and functions (see check-params.ts). Returns
 * coded diagnostics (diagnostics.ts); never throws on user mistakes and never runs user code.
 */
import { checkParams } from './check-params';
import { checkCopartitioning } from './copartition';
import { checkConnectors } from './connectors/check';
import { analyzeDesign, inputKindsOf, type ConnectedInput, type DesignAnalysis } from './graph';
import { kafkaNameProblem } from './kafka-names';
import { repartitionNameOf } from './operators/repartition';
import { getOperator } from './registry';
import { checkTestCases } from './test-cases';
import { checkTopicSchemas } from './topic-schemas/check-schemas';
import type { PortSpec } from './descriptor';
import { findInputPort, outputPortProblem, repeatedPortNames } from './ports';
import type { DesignNode, Diagnostic, TopologyDocument } from './types';

export function checkDesign(doc: TopologyDocument, analysis: DesignAnalysis = analyzeDesign(doc)): Diagnostic[] {
  const out: Diagnostic[] = [...analysis.diagnostics];
  checkNames(doc.nodes, out);
  checkRepartitionNames(doc.nodes, out);
  for (const n of doc.nodes) {
    checkInputs(n, analysis, out);
    checkParams(n, analysis, out);
  }
  checkOutputs(doc, analysis, out);
  checkStoreNames(doc.nodes, analysis, out);
  checkCopartitioning(doc, analysis, out);
  checkConnectors(doc, out);
  checkTestCases(doc, out);
  checkTopicSchemas(doc, analysis, out);
  return out;
}

/** True when the diagnostics hold an error (warnings do not stop a run or an export). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Node names become processor names (Named.as): present, unique, and legal for Kafka Streams (else a warning). */
function checkNames(nodes: readonly DesignNode[], out: Diagnostic[]) {
  const seen = new Set<string>();
  for (const n of nodes) {
    const name = n.name ?? '';
    const at = { severity: 'error' as const, nodeId: n.id, param: 'name' };
    if (!name.trim()) out.push({ ...at, code: 'E_NAME_EMPTY', message: 'the node needs a name' });
    else if (seen.has(name)) out.push({ ...at, code: 'E_NAME_DUPLICATE', message: `the name "${name}" is used by another node; names must be unique` });
    else {
      seen.add(name);
      const problem = kafkaNameProblem(name);
      // A warning, not an error: names are also labels here, and the engine accepts any processor name.
      if (problem) out.push({ ...at, code: 'W_NAME_ILLEGAL', severity: 'warning', message: `Kafka Streams would refuse ${JSON.stringify(name)} as a processor name (Named.as): it ${problem}` });
    }
  }
}

/**
 * Names that name a repartition topic (<name>-repartition, and its -sink and -source processors): a
 * repartition's (its repartition name, else its node name) and a groupBy's. Kafka Streams refuses a
 * topic or a processor added twice; a repartition name may be another node's name otherwise.
 */
function checkRepartitionNames(nodes: readonly DesignNode[], out: Diagnostic[]) {
  const named = (n: DesignNode) => n.kind === 'repartition' && repartitionNameOf(n.params ?? {}, n.name) !== n.name;
  // Node names are unique (checkNames): only a repartition name param can take another's topic.
  const taken = new Map<string, string>(nodes.filter((n) => n.kind === 'groupBy' || (n.kind === 'repartition' && !named(n))).map((n) => [n.name, n.name]));
  for (const n of nodes.filter(named)) {
    const name = repartitionNameOf(n.params, n.name);
    const other = taken.get(name);
    if (other !== undefined) out.push({ code: 'E_NAME_DUPLICATE', severity: 'error', nodeId: n.id, param: 'repartitionName', message: `the repartition topic "${name}-repartition" is also the one of "${other}"; Kafka Streams refuses a topic registered twice` });
    else taken.set(name, n.name);
  }
}

/**
 * Store names given by the user are unique across the design (Kafka Streams refuses a store added
 * twice), except a processor store that every node declaring it marks shared, with one definition
 * (lower-context.ts adds it once).
 */
function checkStoreNames(nodes: readonly DesignNode[], analysis: DesignAnalysis, out: Diagnostic[]) {
  const owner = new Map<string, { node: string; shared: string | null }>();
  for (const n of nodes) {
    const params = analysis.params.get(n.id);
    const d = getOperator(n.kind);
    if (!params || !d) continue;
    for (const spec of d.paramSpecs) {
      if (spec.visibleWhen && !spec.visibleWhen(params, inputKindsOf(analysis, n.id))) continue;
      for (const [param, name, shared] of storeNamesOf(spec.control.type, spec.name, params[spec.name])) {
        const first = owner.get(name);
        if (first === undefined) owner.set(name, { node: n.name, shared });
        else if (first.node === n.name) continue;
        else if (shared !== null && first.shared === shared) continue;
        else if (shared !== null && first.shared !== null) out.push({ code: 'E_STORE_SHARED_MISMATCH', severity: 'error', nodeId: n.id, param, message: `shared store "${name}" is declared differently by "${first.node}"; every node sharing a store must declare it alike` });
        else out.push({ code: 'E_STORE_DUPLICATE', severity: 'error', nodeId: n.id, param, message: `store name "${name}" is already used by "${first.node}"; every store needs its own name (processor stores can be marked shared on every node using them)` });
      }
    }
  }
}

/** The store names a param gives, with the param path each is at (a store name, or a processor's declared stores). */
function storeNamesOf(control: string, param: string, value: unknown): [string, string, string | null][] {
  if (control === 'store') return typeof value === 'string' && value.trim() ? [[param, value, null]] : [];
  if (control !== 'stores' || !Array.isArray(value)) return [];
  return value.flatMap((s: { name?: unknown; shared?: boolean }, i) => (typeof s?.name === 'string' && s.name.trim() ? [[`${param}.${i}.name`, s.name, s.shared ? sharedDefinition(s) : null] as [string, string, string | null]] : []));
}

/** What must be alike on every node sharing a store: its whole declaration, keys in a fixed order. */
function sharedDefinition(s: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(s).sort().map((k) => [k, s[k]]));
}

function checkInputs(n: DesignNode, analysis: DesignAnalysis, out: Diagnostic[]) {
  const d = getOperator(n.kind);
  if (!d) return;
  const byPort = analysis.inputs.get(n.id) ?? {};
  const at = { severity: 'error' as const, nodeId: n.id, param: 'inputs' };
  for (const port of d.inputs) {
    if (port.repeat) {
      checkRepeatedPort(port, byPort, at, out);
      continue;
    }
    const connected = byPort[port.name] ?? [];
    if (connected.length === 0) {
      const what = d.outputPorts?.(d.defaults).length === 0 ? 'a sink with no input' : `missing input "${port.label}"`;
      out.push({ ...at, code: 'E_INPUT_MISSING', message: `${what}: connect an upstream node` });
    } else if (!port.multiple && connected.length > 1) {
      out.push({ ...at, code: 'E_INPUT_ARITY', message: `input "${port.label}" takes one connection, has ${connected.length}` });
    }
  }
  for (const port of Object.keys(byPort)) {
    if (!findInputPort(d, port)) out.push({ ...at, code: 'E_PORT_UNKNOWN', message: `${d.label} has no input port "${port}"` });
  }
}

/** A repeating port (cogroup): at least one instance connected, each instance one connection. */
function checkRepeatedPort(port: PortSpec, byPort: Record<string, ConnectedInput[]>, at: Pick<Diagnostic, 'severity' | 'nodeId' | 'param'>, out: Diagnostic[]) {
  const names = repeatedPortNames(port, Object.keys(byPort)).filter((n) => (byPort[n] ?? []).length > 0);
  if (names.length === 0) out.push({ ...at, code: 'E_INPUT_MISSING', message: `missing input "${port.label}": connect at least one` });
  const seen = new Set<string>();
  for (const n of names) {
    const count = byPort[n].length;
    if (count > 1) out.push({ ...at, code: 'E_INPUT_ARITY', message: `input "${findInputPort({ inputs: [port] }, n)?.label}" takes one connection, has ${count}` });
    for (const c of byPort[n]) {
      const from = `${c.node.id}:${c.edge.sourcePort ?? 'out'}`;
      if (seen.has(from)) out.push({ ...at, code: 'E_INPUT_DUPLICATE', message: `"${c.node.name}" is connected twice; each grouped stream joins the cogroup once` });
      seen.add(from);
    }
  }
}

function checkOutputs(doc: TopologyDocument, analysis: DesignAnalysis, out: Diagnostic[]) {
  for (const e of doc.edges) {
    const src = analysis.nodes.get(e.source);
    const d = src && getOperator(src.kind);
    if (!d || !src || !analysis.nodes.has(e.target)) continue;
    const ports = d.outputPorts?.((analysis.params.get(src.id) ?? d.defaults) as never) ?? ['out'];
    const problem = outputPortProblem(d.label, src.name, ports, e.sourcePort);
    if (problem) out.push({ code: 'E_OUTPUT_UNKNOWN', severity: 'error', edgeId: e.id, nodeId: src.id, param: 'outputs', message: problem });
  }
}

/** One diagnostic as a line: `node "name" param (line 1, column 5): message [CODE]` (the CLI prefixes the file). */
export function formatDiagnostic(doc: TopologyDocument, d: Diagnostic): string {
  const n = d.nodeId !== undefined ? doc.nodes.find((x) => x.id === d.nodeId) : undefined;
  const t = d.testId !== undefined ? doc.tests?.find((x) => x.id === d.testId) : undefined;
  // Names as JSON strings: a name with a line break or quote stays on the diagnostic's one line.
  const where = n ? (n.name?.trim() ? `node ${JSON.stringify(n.name)}` : `node ${n.id}`) : d.edgeId ? `edge ${d.edgeId}` : t ? `test case ${JSON.stringify(t.name)}` : 'design';
  const pos = d.line !== undefined ? ` (line ${d.line}, column ${d.column})` : '';
  return oneLine(`${where}${d.param ? ` ${d.param}` : ''}${pos}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message} [${d.code}]`);
}

/** Every JavaScript line terminator escaped (JSON.stringify keeps U+2028 and U+2029 raw), so a diagnostic is one line. */
function oneLine(text: string): string {
  return text.replace(/[\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
