/**
 * The foreign-key join's processor graph, as Kafka's KTableImpl#doJoinOnForeignKey builds it, with
 * the same name suffixes on the join's name:
 *
 *   left table -> <name>-subscription-registration-processor -> <name>-subscription-registration-sink
 *     => topic <name>-subscription-registration-topic (key: the foreign key, in the right table's key
 *        serde, so it lands on the partition of the right table's row: co-partitioned with it)
 *   <name>-subscription-registration-source -> <name>-subscription-receive (subscription store)
 *     -> <name>-subscription-join-foreign (reads the right table) -> <name>-subscription-response-sink
 *   right table -> <name>-foreign-join-subscription (subscription store) -> <name>-subscription-response-sink
 *     => topic <name>-subscription-response-topic (key: the left key; partition: the subscriber's)
 *   <name>-subscription-response-source -> <name>-subscription-response-resolver (reads the left
 *     table) -> <name> (the result, always materialized)
 *
 * So the left table, the response source and the result form one sub-topology, and the right table,
 * the subscription source and the subscription store another.
 */
import type { Materialized } from '../dsl/config';
import { KTableImpl } from '../dsl/ktable';
import { StoredTableNode } from '../dsl/table-nodes';
import { KeyValueStore } from '../stores/kv-store';
import { ForeignKeyResultProcessor, ForeignTableJoinProcessor, ResponseJoinProcessor, SubscriptionJoinProcessor, SubscriptionReceiveProcessor, SubscriptionSendProcessor, type FkResponse } from './foreign-key';
import { SubscriptionStore } from './subscription-store';

type Fn = (...a: unknown[]) => unknown;

/**
 * Both parents send old values (Kafka: the left one to unsubscribe the old foreign key, the right
 * one as an optimization), and the result is always materialized, under an internal name when none
 * is given, like Kafka's FK-JOIN-OUTPUT store.
 */
export function joinForeignKey(left: KTableImpl, other: KTableImpl, type: 'inner' | 'left', name: string, extractor: Fn, joiner: Fn, mat: Materialized | undefined): KTableImpl {
  const spec = left.spec;
  const builder = left.builder;
  const resultStore = mat?.storeName ?? `${name}-store`;
  spec.addStore({ name: resultStore, kind: 'keyValue', factory: () => new KeyValueStore(resultStore), logging: mat?.logging ?? true });
  const result = new KTableImpl(builder, name, name, mat?.storeName ?? null, new StoredTableNode(resultStore), left.keySerde);
  left.enableSendingOldValues();
  other.enableSendingOldValues();
  const leftGetter = left.valueGetterSupplier();
  const rightGetter = other.valueGetterSupplier();
  const subs = `${name}-subscription-store`;
  spec.addStore({ name: subs, kind: 'keyValue', factory: () => new SubscriptionStore(subs), logging: true });
  const leftJoin = type === 'left';

  // Left side: subscriptions keyed by the foreign key.
  const send = left.addProcessor(spec.uniqueName(`${name}-subscription-registration-processor`), name, () => new SubscriptionSendProcessor(leftJoin, extractor, left.versionedRetention() !== null));
  const registration = builder.addInternalTopic({
    parents: [send],
    topic: `${name}-subscription-registration-topic`,
    sink: `${name}-subscription-registration-sink`,
    source: `${name}-subscription-registration-source`,
    owner: name,
    keySerde: other.keySerde,
  });

  // Right side: the subscription store, answered by subscriptions and by right-table updates.
  const receive = other.addProcessor(spec.uniqueName(`${name}-subscription-receive`), name, () => new SubscriptionReceiveProcessor(subs), [subs], [registration]);
  const joinForeign = other.addProcessor(spec.uniqueName(`${name}-subscription-join-foreign`), name, () => new SubscriptionJoinProcessor(rightGetter), rightGetter.storeNames, [receive]);
  const foreignJoin = other.addProcessor(spec.uniqueName(`${name}-foreign-join-subscription`), name, () => new ForeignTableJoinProcessor(subs, other.versionedRetention() !== null), [subs]);
  // Kafka's default response partitioner: back to the partition of the left task that subscribed.
  const responses = builder.addInternalTopic({
    parents: [joinForeign, foreignJoin],
    topic: `${name}-subscription-response-topic`,
    sink: `${name}-subscription-response-sink`,
    source: `${name}-subscription-response-source`,
    owner: name,
    keySerde: left.keySerde,
    partitionOf: (r) => (r.value as FkResponse).partition,
  });

  // Left side again: resolve each response against the current left value, then materialize.
  const resolver = left.addProcessor(spec.uniqueName(`${name}-subscription-response-resolver`), name, () => new ResponseJoinProcessor(leftJoin, joiner, leftGetter), leftGetter.storeNames, [responses]);
  left.addProcessor(name, name, () => new ForeignKeyResultProcessor(resultStore, result.oldValues, !!mat?.storeName && mat.caching), [resultStore], [resolver]);
  return result;
}
