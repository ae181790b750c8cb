/** The processor of a sink node: counts, traces and hands each record to the task's writer for its topic. */
import type { StreamRecord } from './record';
import type { NodeRuntime, TaskHooks } from './task';
import type { Processor } from './topology-spec';

export function sinkProcessor(rt: NodeRuntime, hooks: TaskHooks): Processor {
  const spec = rt.spec;
  const topic = spec.topics[0];
  const internal = spec.internal === true;
  const writeAll = hooks.sinkWriter?.(spec) ?? ((record: StreamRecord) => hooks.emit(topic, record, internal, spec));
  // A repartition without a null-key-accepting join downstream filters null keys (KIP-962).
  const write = spec.dropsNullKeys ? (record: StreamRecord) => void (record.key !== null && record.key !== undefined && writeAll(record)) : writeAll;
  rt.write = write;
  return {
    process(record) {
      rt.recordsOut++;
      rt.trace?.({ processor: spec.name, owner: spec.owner, record, inputId: rt.task.currentInputId });
      write(record);
    },
  };
}
