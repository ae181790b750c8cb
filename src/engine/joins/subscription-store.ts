/**
 * The foreign-key join's subscription store (Kafka's FK-JOIN-STATE-STORE, keyed by CombinedKey
 * <foreign key, left key>). It lives in the RIGHT table's sub-topology: the subscription-receive
 * processor writes it, and a right-table update reads the subscriptions of its key (Kafka's prefix
 * scan over the foreign key).
 */
import { compareKeys, storeKey } from '../core/record';
import type { StateStore, StoreEntry } from '../stores/state-store';

export interface Subscription {
  leftKey: unknown;
  /** The left value the subscription was made for (stands in for Kafka's value hash). */
  hash: string;
  /** The partition of the left task that subscribed: its responses go back there (Kafka's primaryPartition). */
  partition: number;
}

/** Foreign key -> subscribed left keys, each with the left value it subscribed with. */
export class SubscriptionStore implements StateStore {
  readonly subscribers = new Map<unknown, Map<unknown, Subscription>>();
  constructor(readonly name: string) {}
  subscribe(fk: unknown, s: Subscription) {
    const fkKey = storeKey(fk);
    let m = this.subscribers.get(fkKey);
    if (!m) this.subscribers.set(fkKey, (m = new Map()));
    m.set(storeKey(s.leftKey), s);
  }
  unsubscribe(fk: unknown, leftKey: unknown) {
    const fkKey = storeKey(fk);
    const m = this.subscribers.get(fkKey);
    m?.delete(storeKey(leftKey));
    if (m && m.size === 0) this.subscribers.delete(fkKey);
  }
  /** The subscriptions of one foreign key, by left key (Kafka scans them in CombinedKey order). */
  subscriptionsFor(fk: unknown): Subscription[] {
    return [...(this.subscribers.get(storeKey(fk))?.values() ?? [])].sort((a, b) => compareKeys(a.leftKey, b.leftKey));
  }
  all(): StoreEntry[] {
    return [...this.subscribers.entries()].map(([fk, m]) => ({ key: fk, value: [...m.values()].map((s) => s.leftKey) }));
  }
}

/** Kafka hashes the serialized left value (murmur3); the JSON text identifies it as well. Absent: ''. */
export const hashOf = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
