/** The partition count of one topic in the design's topics table (pure: a new document). */
import type { TopologyDocument } from './types';

/** Sets a topic's partitions, or with undefined leaves it to the design's default; an emptied entry is dropped. */
export function setTopicPartitions(doc: TopologyDocument, topic: string, partitions: number | undefined): TopologyDocument {
  const topics: NonNullable<TopologyDocument['topics']> = Object.assign(Object.create(null), doc.topics ?? {});
  const entry = { ...(topics[topic] ?? {}) };
  if (partitions !== undefined && Number.isInteger(partitions) && partitions >= 1) entry.partitions = partitions;
  else delete entry.partitions;
  if (Object.keys(entry).length) topics[topic] = entry;
  else delete topics[topic];
  return { ...doc, topics };
}
