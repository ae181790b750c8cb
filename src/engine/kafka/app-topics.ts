/**
 * Start of an instance, before any consumer: the source topics must exist; internal topics
 * (repartition), changelogs and sink topics are created with the partition counts Kafka Streams
 * would give them (partition-counts.ts), or the app stops with one message listing them.
 */
import type { Admin } from 'kafkajs';
import type { Topology } from '../topology';
import type { KafkaRuntimeConfig } from './config';
import { planPartitions } from './partition-counts';
import { changelogTopic, ensureTopics, internalTopicName, loggedStores } from './topics';

export interface AppTopics {
  /** The logged stores (one changelog each). */
  stores: string[];
  /** What the group subscribes to: external source topics and the app's repartition topics (Kafka names). */
  subscription: string[];
}

export async function setUpTopics(admin: Admin, topology: Topology, config: KafkaRuntimeConfig): Promise<AppTopics> {
  const app = config.applicationId;
  const spec = topology.spec;
  const sources = [...spec.nodes.values()].filter((n) => n.type === 'source');
  const external = [...new Set(sources.flatMap((n) => n.topics).filter((t) => !spec.internalTopics.has(t) && !spec.globalTopics.has(t)))];
  const meta = await admin.fetchTopicMetadata({ topics: [...external, ...spec.globalTopics] }).catch((e) => {
    throw new Error(`source topics are missing (${e instanceof Error ? e.message : String(e)}): ${[...external, ...spec.globalTopics].join(', ')}`);
  });
  const partitions = new Map(meta.topics.map((t) => [t.name, t.partitions.length]));
  const stores = loggedStores(topology);
  // Internal topics and changelogs are sized per sub-topology (and co-partitioning checked) as Kafka does.
  const plan = planPartitions(topology, partitions, stores, config.internalPartitions);
  const sinkPartitions = config.internalPartitions ?? Math.max(1, ...external.map((t) => partitions.get(t) ?? 1));
  await ensureTopics(admin, [
    ...[...plan.internal].map(([t, n]) => ({ topic: internalTopicName(app, t), numPartitions: n, internal: true })),
    ...stores.map((s) => ({ topic: changelogTopic(app, s), numPartitions: plan.changelog.get(s)!, compacted: true, internal: true })),
    ...[...spec.sinkTopics(), ...(config.deadLetterTopic ? [config.deadLetterTopic] : [])].map((t) => ({ topic: t, numPartitions: sinkPartitions })),
  ]);
  return { stores, subscription: [...external, ...[...spec.internalTopics.keys()].map((t) => internalTopicName(app, t))] };
}
