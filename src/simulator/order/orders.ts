/**
 * Valid arrival orders of the input records: each source topic is one partition, so any interleaving
 * that keeps each topic's own order is one Kafka may process (its timestamp-based choice is one;
 * with max.task.idle.ms and an empty partition it may take another). Seeded, so a report can be
 * reproduced.
 */
import type { OrderedInput } from '../../engine';

export const idOf = (x: OrderedInput) => `${x.topic}#${x.index}`;

/** A random interleaving of the topics that keeps each topic's own order. */
export function interleave(base: OrderedInput[], rand: () => number): OrderedInput[] {
  const byTopic = new Map<string, OrderedInput[]>();
  for (const x of [...base].sort((a, b) => a.index - b.index)) (byTopic.get(x.topic) ?? byTopic.set(x.topic, []).get(x.topic)!).push(x);
  const queues = [...byTopic.values()];
  const out: OrderedInput[] = [];
  let left = base.length;
  while (left > 0) {
    // Weighted by what is left, so every interleaving is reachable and long topics are not starved.
    let pick = Math.floor(rand() * left);
    const q = queues.find((qq) => (pick -= qq.length) < 0)!;
    out.push(q.shift()!);
    left--;
  }
  return out;
}

/**
 * The positions i where Kafka's order with records i and i+1 swapped is still valid (they come from
 * different topics): the smallest changes of order there are.
 */
export function adjacentSwaps(base: OrderedInput[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < base.length; i++) if (base[i].topic !== base[i + 1].topic) out.push(i);
  return out;
}

export function swapped(base: OrderedInput[], i: number): OrderedInput[] {
  const out = base.slice();
  out[i] = base[i + 1];
  out[i + 1] = base[i];
  return out;
}

/** A small seeded PRNG (reproducible orders for a seed). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
