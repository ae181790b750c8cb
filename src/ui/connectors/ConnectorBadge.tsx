/** On a connector's card: its connector type and the topics it writes (source) or reads (sink). */
import type { ConnectorSpec } from '../../model/connectors/spec';
import type { DesignNode } from '../../model/types';
import { configOf } from '../../model/connectors/index';

export function ConnectorBadge({ spec, node }: { spec: ConnectorSpec; node: DesignNode }) {
  const topics = spec.topicsOf(configOf(node));
  const text = topics ? topics.join(', ') : '?';
  return (
    <div className="sw-connector-line">
      <span className="sw-badge sw-connector-type" data-testid="connector-type" title={spec.className}>
        {spec.label}
      </span>
      <span className="sw-connector-topics" data-testid="connector-topics" title={spec.direction === 'source' ? 'writes these topics' : 'reads these topics'}>
        {spec.direction === 'source' ? `→ ${text}` : `${text} →`}
      </span>
    </div>
  );
}
