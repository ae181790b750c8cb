/**
 * Global tables on Kafka: every instance reads ALL partitions of the global topics (a consumer in a
 * group of its own) into one shared store set, through a task of their own, as Kafka Streams' global
 * stream thread does.
 */
import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { Task } from '../core/task';
import type { InputDecoder } from './input-decoder';

export async function consumeGlobalTables(kafka: Kafka, app: string, topics: string[], sources: InputDecoder, globalTask: Task): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: `${app}-global-${randomUUID()}`, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      await sources.prepare(topic, [message]);
      const d = sources.decodersOf(topic);
      globalTask.process(topic, { key: d.key(message.key), value: d.value(message.value), timestamp: Number(message.timestamp) }, -1);
    },
  });
  return consumer;
}
