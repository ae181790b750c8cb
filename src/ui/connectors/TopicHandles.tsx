/**
 * Where topic links (model/connectors/links.ts) attach to cards: a connector's own handle (out of a
 * source connector, into a sink connector), and an invisible one on the stream/table nodes a
 * source connector feeds and the to nodes a sink connector reads. None of them starts or takes a
 * connection: the link follows from the topic names, not from a drag.
 */
import { Handle, Position } from '@xyflow/react';
import type { OperatorDescriptor } from '../../model/descriptor';

export const TOPIC_OUT = 'topic-out';
export const TOPIC_IN = 'topic-in';

/** The topic handles a card of this operator has: [side, visible]. */
export function topicHandlesOf(d: OperatorDescriptor<Record<string, unknown>> | undefined): { id: string; type: 'source' | 'target'; visible: boolean }[] {
  if (!d) return [];
  if (d.connector) return [d.connector.direction === 'source' ? { id: TOPIC_OUT, type: 'source', visible: true } : { id: TOPIC_IN, type: 'target', visible: true }];
  if (!d.topics) return [];
  const sink = d.outputPorts?.(d.defaults).length === 0;
  if (d.inputs.length === 0) return [{ id: TOPIC_IN, type: 'target', visible: false }];
  return sink ? [{ id: TOPIC_OUT, type: 'source', visible: false }] : [];
}

export function TopicHandles({ d, nodeName }: { d: OperatorDescriptor<Record<string, unknown>> | undefined; nodeName: string }) {
  return topicHandlesOf(d).map((h) => (
    <Handle
      key={h.id}
      id={h.id}
      type={h.type}
      position={h.type === 'source' ? Position.Right : Position.Left}
      isConnectable={false}
      className={h.visible ? 'sw-handle sw-topic-handle' : 'sw-topic-anchor'}
      data-testid={h.visible ? `${h.id}-${nodeName}` : undefined}
      title={h.visible ? 'topic: linked by topic name to the nodes that read or write it' : undefined}
    />
  ));
}
