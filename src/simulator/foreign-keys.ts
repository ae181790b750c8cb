/**
 * Which right-table row a foreign-key join's output met. Its output record carries the left key
 * only; the foreign key is what the left row's subscription was sent with (Kafka's
 * SubscriptionSendProcessor forwards it keyed by the foreign key, naming the left key). The tracer
 * keeps, per FK join node, the last foreign key each left key subscribed with and stamps it on the
 * node's output records, so lineage (lineage.ts) can name the right row as well as the left one.
 */
import type { CompiledDesign } from '../compiler/compile';
import type { SubscriptionMessage } from '../engine';
import type { LineageGraph } from './lineage-graph';
import type { TracedRecord } from './types';

const keyText = (key: unknown): string => JSON.stringify(key) ?? 'undefined';

export class ForeignKeys {
  /** FK join node -> left key text -> the foreign key it subscribed with last. */
  private readonly current = new Map<string, Map<string, unknown>>();

  /** registrations: the processor sending a FK join's subscriptions -> the join node. */
  private constructor(private readonly registrations: Map<string, string>) {
    for (const nodeId of registrations.values()) this.current.set(nodeId, new Map());
  }

  /**
   * The subscription-sending processor of each FK join: the first of the join's processors fed by
   * its left input's output (the right input feeds the processor answering right-table updates).
   */
  static of(compiled: Pick<CompiledDesign, 'nodeProcessors' | 'topology'>, graph: LineageGraph): ForeignKeys {
    const registrations = new Map<string, string>();
    for (const [nodeId, n] of Object.entries(graph)) {
      if (n.rule.kind !== 'fk-join') continue;
      const left = n.upstream.find((u) => u.port === 'left');
      const leftOutputs = new Set(compiled.nodeProcessors.get(left?.nodeId ?? '')?.outputs.map((o) => o.processor));
      const sender = compiled.nodeProcessors.get(nodeId)?.processors.find((p) => compiled.topology.spec.nodes.get(p)?.parents.some((x) => leftOutputs.has(x)));
      if (sender) registrations.set(sender, nodeId);
    }
    return new ForeignKeys(registrations);
  }

  /** The FK join a processor sends subscriptions for, if it does. */
  joinOf(processor: string): string | undefined {
    return this.registrations.get(processor);
  }

  /** A subscription was sent (keyed by the foreign key); a withdrawn one leaves the current key alone. */
  subscribed(nodeId: string, record: { key: unknown; value: unknown }): void {
    const msg = record.value as SubscriptionMessage;
    if (msg.instruction !== 'delete-no-propagate') this.current.get(nodeId)?.set(keyText(msg.leftKey), record.key);
  }

  /** Stamps an FK join's output record with the foreign key its left key subscribed with. */
  stamp(nodeId: string, record: TracedRecord): void {
    const byLeft = this.current.size === 0 ? undefined : this.current.get(nodeId);
    const fk = byLeft?.get(keyText(record.key));
    if (fk !== undefined) record.foreignKey = fk;
  }
}
