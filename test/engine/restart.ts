/**
 * "Process up to a point, restore a new task from what was logged, process the rest": the harness
 * of the changelog restore tests (no broker). A restart is invisible when every stop point emits
 * exactly what one uninterrupted task emits.
 */
import { expect } from 'vitest';
import type { StreamRecord, Topology } from '../../src/engine';
import { Task } from '../../src/engine/core/task';
import { captureChanges, restore, SnapshotLogger, type ChangelogRecord } from '../../src/engine/kafka/changelog';
import { loggedStores } from '../../src/engine/kafka/topics';

export type In = [topic: string, key: unknown, value: unknown, ts: number];
export type Out = [topic: string, key: unknown, value: unknown, ts: number];

export function run(topology: Topology, inputs: In[], stopAfter: number | null): Out[] {
  const out: Out[] = [];
  // Records to internal topics (repartition, foreign-key responses) are read back after the input, as a driver does.
  const internal: [string, StreamRecord][] = [];
  const hooks = {
    emit: (t: string, r: StreamRecord, isInternal: boolean) => void (isInternal ? internal.push([t, r]) : out.push([t, r.key, r.value, r.timestamp])),
  };
  const stores = loggedStores(topology);
  let task = new Task(topology.spec, hooks);
  const log: ChangelogRecord[] = [];
  captureChanges(task, stores, (store, key, value) => log.push({ store, key, value: value() }));
  let snapshots = new SnapshotLogger(task, stores);
  let partitionTime = -Infinity;
  inputs.forEach(([topic, key, value, ts], i) => {
    task.process(topic, { key, value, timestamp: ts }, i);
    for (let next = internal.shift(); next; next = internal.shift()) task.process(next[0], next[1], i);
    task.flush();
    partitionTime = Math.max(partitionTime, ts);
    if (i + 1 === stopAfter) {
      // A commit writes the snapshot changes; a new task restores everything logged so far.
      log.push(...snapshots.changes());
      task = new Task(topology.spec, hooks);
      restore(task, log, () => partitionTime);
      captureChanges(task, stores, (store, k, v) => log.push({ store, key: k, value: v() }));
      snapshots = new SnapshotLogger(task, stores);
    }
  });
  return out;
}

export function expectRestartInvisible(topology: Topology, inputs: In[]) {
  const uninterrupted = run(topology, inputs, null);
  expect(uninterrupted.length).toBeGreaterThan(0);
  for (let stop = 1; stop < inputs.length; stop++) expect(run(topology, inputs, stop), `restart after record ${stop}`).toEqual(uninterrupted);
}

