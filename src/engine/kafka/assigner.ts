/**
 * Group assignment by partition number: a member gets every subscribed topic's partition p for the
 * partition numbers it is given, so co-partitioned inputs (both sides of a join, a table and the
 * stream joined with it) and the repartition topics of partition p are read by the same instance,
 * as Kafka Streams' assignor keeps a task's partitions together. kafkajs' round-robin assigner
 * deals out topic-partitions one by one and can give orders-0 to one instance and payments-0 to
 * another, which would break a join. Partition numbers go round robin over the members sorted by id.
 */
import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

/** Which partitions of which topics each member reads (pure, for tests). */
export function assignByPartition(memberIds: string[], partitionsOf: Map<string, number>): Map<string, Record<string, number[]>> {
  const members = [...memberIds].sort();
  const out = new Map<string, Record<string, number[]>>(members.map((m) => [m, {}]));
  const max = Math.max(0, ...partitionsOf.values());
  for (let p = 0; p < max; p++) {
    const assignment = out.get(members[p % members.length])!;
    for (const [topic, count] of partitionsOf) if (p < count) (assignment[topic] ??= []).push(p);
  }
  return out;
}

export const partitionNumberAssigner: PartitionAssigner = ({ cluster }) => ({
  name: 'StreamwrightPartitionNumberAssigner',
  version: 0,
  async assign({ members, topics }) {
    const partitionsOf = new Map(topics.map((t) => [t, cluster.findTopicPartitionMetadata(t).length]));
    const assignment = assignByPartition(members.map((m) => m.memberId), partitionsOf);
    return [...assignment].map(([memberId, a]) => ({ memberId, memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: 0, assignment: a, userData: Buffer.alloc(0) }) }));
  },
  protocol({ topics }) {
    return { name: 'StreamwrightPartitionNumberAssigner', metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }) };
  },
});
