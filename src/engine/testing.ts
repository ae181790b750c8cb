/**
 * Test hooks that are not part of the public DSL, for cases translated from Kafka's own tests:
 * turning on old values of a table and capturing the raw Change pairs a table forwards.
 */
import type { Change, StreamRecord } from './core/record';
import type { KTableImpl } from './dsl/ktable';

export function enableSendingOldValues(table: KTableImpl): void {
  table.enableSendingOldValues();
}

/** Writes every Change {new, old} the table forwards to a pseudo output topic. */
export function captureChanges(table: KTableImpl, topic: string): void {
  const spec = table.spec;
  const name = spec.uniqueName(`${table.owner}-capture-${topic}`);
  table.addProcessor(name, name, () => {
    let ctx: { forward(r: StreamRecord): void };
    return {
      init: (c) => (ctx = c),
      process: (r) => {
        const c = r.value as Change;
        ctx.forward({ key: r.key, value: { new: c.newValue ?? null, old: c.oldValue ?? null }, timestamp: r.timestamp });
      },
    };
  });
  spec.addNode({ name: spec.uniqueName(`${name}-sink`), owner: name, type: 'sink', parents: [name], stores: [], topics: [topic] });
}
