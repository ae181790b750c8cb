/** Every connector type the designer offers, and the lookups the checker, canvas, preview and codegen share. */
import { getOperator } from '../registry';
import type { DesignNode } from '../types';
import type { ConnectorConfig, ConnectorSpec } from './spec';

export { CONNECTORS } from './all';

/** The connector spec of a node, or undefined for operators of the topology. */
export function connectorOf(node: Pick<DesignNode, 'kind'>): ConnectorSpec | undefined {
  return getOperator(node.kind)?.connector;
}

/** A connector node's config as written in the design (only string values; the checker reports the rest). */
export function configOf(node: DesignNode): ConnectorConfig {
  const raw = (node.params?.config ?? {}) as Record<string, unknown>;
  const out: ConnectorConfig = Object.create(null) as ConnectorConfig;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The topics a connector node writes (source) or reads (sink); [] when its config does not tell. */
export function connectorTopics(node: DesignNode): string[] {
  const spec = connectorOf(node);
  return spec?.topicsOf(configOf(node)) ?? [];
}
