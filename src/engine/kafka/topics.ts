/**
 * Topic names and checks: internal topics are prefixed with the application id, as Kafka Streams
 * does (<app>-<name>-repartition, <app>-<store>-changelog); missing topics are created when the
 * cluster allows it, or listed; existing internal topics must have the partition count the topology
 * needs (partition-counts.ts).
 */
import type { Admin } from 'kafkajs';
import type { Topology } from '../topology';
import { KeyValueStore } from '../stores/kv-store';
import { VersionedKeyValueStore } from '../stores/versioned-store';
import { SessionStore } from '../stores/session-store';
import { WindowStore } from '../stores/window-store';
import { snapshotCodecFor } from './store-snapshots';

export function internalTopicName(app: string, topic: string): string {
  return `${app}-${topic}`;
}

export function changelogTopic(app: string, store: string): string {
  return `${app}-${store}-changelog`;
}

/** Stores backed by a changelog: key-value, window, session and versioned stores, join windows and buffers, suppress buffers, subscriptions. */
export function loggedStores(topology: Topology): string[] {
  return [...topology.spec.stores.values()]
    .filter((s) => s.logging && !s.global)
    .filter((s) => {
      const probe = s.factory();
      return probe instanceof KeyValueStore || probe instanceof WindowStore || probe instanceof SessionStore || probe instanceof VersionedKeyValueStore || snapshotCodecFor(probe) !== null;
    })
    .map((s) => s.name);
}

export interface WantedTopic {
  topic: string;
  numPartitions: number;
  compacted?: boolean;
  /** An internal topic or changelog: one that exists must have this partition count (Kafka's InternalTopicManager checks it). */
  internal?: boolean;
}

export async function ensureTopics(admin: Admin, wanted: WantedTopic[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  await checkExistingCounts(admin, wanted.filter((w) => w.internal && existing.has(w.topic)));
  const missing = wanted.filter((w) => !existing.has(w.topic));
  if (!missing.length) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((m) => ({ topic: m.topic, numPartitions: m.numPartitions, configEntries: m.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [] })),
    });
  } catch (e) {
    const still = new Set(await admin.listTopics());
    const absent = missing.filter((m) => !still.has(m.topic));
    if (absent.length) {
      throw new Error(`cannot create topics (${e instanceof Error ? e.message : String(e)}); create them, then start again: ${absent.map((m) => `${m.topic} (${m.numPartitions} partitions${m.compacted ? ', compacted' : ''})`).join(', ')}`);
    }
  }
}

/** A co-partitioned internal topic with another count would send records to the wrong task. */
async function checkExistingCounts(admin: Admin, internal: WantedTopic[]): Promise<void> {
  if (!internal.length) return;
  const meta = await admin.fetchTopicMetadata({ topics: internal.map((w) => w.topic) });
  const wrong = internal.filter((w) => {
    const n = meta.topics.find((t) => t.name === w.topic)?.partitions.length;
    return n !== undefined && n !== w.numPartitions;
  });
  if (wrong.length) {
    const has = (w: WantedTopic) => meta.topics.find((t) => t.name === w.topic)!.partitions.length;
    throw new Error(`internal topics have the wrong number of partitions (delete them or reset the application): ${wrong.map((w) => `${w.topic} has ${has(w)}, needs ${w.numPartitions}`).join(', ')}`);
  }
}
