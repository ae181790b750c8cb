/**
 * Topic names and checks: internal topics are prefixed with the application id, as Kafka Streams
 * does (<app>-<name>-repartition, <app>-<store>-changelog); co-partitioned source topics must have the
 * same number of partitions; missing topics are created when the cluster allows it, or listed.
 */
import type { Admin } from 'kafkajs';
import type { Topology } from '../topology';
import { KeyValueStore } from '../stores/kv-store';
import { SessionStore } from '../stores/session-store';
import { WindowStore } from '../stores/window-store';
import { snapshotCodecFor } from './store-snapshots';

export function internalTopicName(app: string, topic: string): string {
  return `${app}-${topic}`;
}

export function changelogTopic(app: string, store: string): string {
  return `${app}-${store}-changelog`;
}

/** Stores backed by a changelog: key-value, window and session stores, join windows, suppress buffers, subscriptions. */
export function loggedStores(topology: Topology): string[] {
  return [...topology.spec.stores.values()]
    .filter((s) => s.logging && !s.global)
    .filter((s) => {
      const probe = s.factory();
      return probe instanceof KeyValueStore || probe instanceof WindowStore || probe instanceof SessionStore || snapshotCodecFor(probe) !== null;
    })
    .map((s) => s.name);
}

/** Source topics of each sub-topology must be co-partitioned (same partition count). */
export function checkCoPartitioning(topology: Topology, partitions: Map<string, number>): void {
  const spec = topology.spec;
  for (const group of topology.describe().subtopologies) {
    const topics = group.filter((n) => n.type === 'source').flatMap((n) => n.topics).filter((t) => !spec.internalTopics.has(t) && !spec.globalTopics.has(t));
    const counts = topics.map((t) => partitions.get(t));
    if (new Set(counts).size > 1) {
      throw new Error(`topics joined together must have the same number of partitions: ${topics.map((t, i) => `${t} (${counts[i]})`).join(', ')}`);
    }
  }
}

export async function ensureTopics(admin: Admin, wanted: { topic: string; numPartitions: number; compacted?: boolean }[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
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
