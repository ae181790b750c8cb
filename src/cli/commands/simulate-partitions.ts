/**
 * `streamwright simulate design.json --partitions N`: the design's samples run as Kafka Streams runs
 * them on N partitions (src/simulator/partitions): one JSON line per output record with its topic,
 * partition and task on stdout (--json: every sink's records and the comparison with one partition),
 * and on stderr what changed against one partition per sink.
 */
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import type { TopologyDocument } from '../../model/types';
import { compareSinks } from '../../simulator/partitions/compare';
import { simulatePartitioned } from '../../simulator/partitions/partitioned';
import { simulate } from '../../simulator/simulate';

export function simulatePartitions(doc: TopologyDocument, file: string, partitionsFlag: string, json: boolean, io: CliIo): number {
  const partitions = Number(partitionsFlag);
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1000) throw new CliError(`--partitions must be a whole number from 1 to 1000 (got ${partitionsFlag})`);
  const many = simulatePartitioned(doc, partitions);
  if (!many.ok) {
    io.stderr(`${file}: ${many.error}\n`);
    return 1;
  }
  const comparison = compareSinks(simulate({ doc, maxTracePerNode: 0 }).sinks, many.sinks);
  if (json) io.stdout(`${JSON.stringify({ partitions, inputsPerTask: many.inputsPerTask, sinks: many.sinks, comparison }, null, 2)}\n`);
  else for (const [topic, recs] of Object.entries(many.sinks)) for (const r of recs) io.stdout(`${JSON.stringify({ topic, ...r })}\n`);
  for (const c of comparison) {
    io.stderr(c.same ? `${c.topic}: same records as with 1 partition\n` : `${c.topic}: vs 1 partition: ${c.appeared.length} appear, ${c.disappeared.length} disappear, ${c.reorderedKeys.length} key(s) in another order\n`);
  }
  return 0;
}
