/**
 * The checker's part for connector nodes (called by checkDesign): required keys present, values
 * of the allowed kind, no secret in clear, topics named legally and tied to the design.
 */
import { kafkaNameProblem } from '../kafka-names';
import type { Diagnostic, TopologyDocument } from '../types';
import { configOf, connectorOf } from './index';
import { connectorLinks } from './links';
import { clearSecrets } from './secrets';
import type { ConnectorConfig, ConnectorSpec } from './spec';

/** Keys the export sets from the node itself: the kind gives the class, the node name the connector name. */
const RESERVED = ['connector.class', 'name'];

export function checkConnectors(doc: TopologyDocument, out: Diagnostic[]): void {
  const linked = new Set(connectorLinks(doc).map((l) => `${l.connectorId}\n${l.topic}`));
  for (const n of doc.nodes) {
    const spec = connectorOf(n);
    if (!spec) continue;
    const config = configOf(n);
    const at = (key: string) => ({ severity: 'error' as const, nodeId: n.id, param: `config.${key}` });
    const problems = keyProblems(spec, config);
    for (const p of problems) out.push({ ...at(p.key), code: p.code, message: p.message });
    for (const key of clearSecrets(spec, config)) out.push({ ...at(key), code: 'E_CONNECTOR_SECRET_CLEAR', message: `${key} holds a secret in clear; use an environment variable: \${env:NAME}` });
    for (const key of RESERVED) if (key in config) out.push({ ...at(key), code: 'E_CONNECTOR_VALUE', message: `${key} is set by the node (${key === 'name' ? 'its name' : 'its connector type'}); remove it from the config` });
    const topics = spec.topicsOf(config);
    const warn = { severity: 'warning' as const, nodeId: n.id, param: `config.${spec.topicKey}` };
    if (topics === null) {
      // A required topic key already missing says it all.
      if (!problems.some((p) => p.key === spec.topicKey)) out.push({ ...warn, code: 'W_CONNECTOR_TOPIC_UNKNOWN', message: `the config does not say which topics the connector ${spec.direction === 'source' ? 'writes' : 'reads'} (set ${spec.topicKey}); it is not linked to the design` });
      continue;
    }
    for (const t of topics) {
      const problem = kafkaNameProblem(t);
      if (problem) out.push({ ...at(spec.topicKey), code: 'E_TOPIC_NAME', message: `topic name ${JSON.stringify(t)} ${problem}` });
      else if (!linked.has(`${n.id}\n${t}`)) out.push({ ...warn, code: 'W_CONNECTOR_TOPIC_UNUSED', message: spec.direction === 'source' ? `no node of the design reads topic "${t}" (add a stream or table of it)` : `no node of the design writes topic "${t}" (add a to node for it)` });
    }
  }
}

interface KeyProblem {
  key: string;
  code: 'E_CONNECTOR_REQUIRED' | 'E_CONNECTOR_VALUE';
  message: string;
}

/** Required keys missing, values not among the allowed ones or not whole numbers. */
export function keyProblems(spec: ConnectorSpec, config: ConnectorConfig): KeyProblem[] {
  const out: KeyProblem[] = [];
  for (const k of spec.keys) {
    const value = (config[k.name] ?? '').trim();
    if (!value) {
      if (k.required || k.requiredWhen?.(config)) out.push({ key: k.name, code: 'E_CONNECTOR_REQUIRED', message: `${spec.label} requires ${k.name}: ${k.help}` });
      continue;
    }
    if (k.options && !k.options.includes(value)) out.push({ key: k.name, code: 'E_CONNECTOR_VALUE', message: `${k.name} must be one of ${k.options.join(', ')} (got ${JSON.stringify(value)})` });
    else if (k.integer && !/^-?\d+$/.test(value)) out.push({ key: k.name, code: 'E_CONNECTOR_VALUE', message: `${k.name} must be a whole number (got ${JSON.stringify(value)})` });
  }
  return out;
}
