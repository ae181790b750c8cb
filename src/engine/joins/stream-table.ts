/**
 * Stream-table and stream-globalTable joins (Kafka's KStreamKTableJoin / KStreamGlobalKTableJoin):
 * only stream records trigger output; the table is read when the stream record is joined, a
 * versioned table as of the stream record's timestamp; the result carries the stream record's
 * timestamp. With a grace period the stream records wait in a buffer (stream-table-buffer.ts).
 */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { ValueGetter, ValueGetterSupplier } from '../dsl/table-getter';
import type { BufferedStreamRecord, StreamJoinBuffer } from './stream-table-buffer';

export class StreamTableJoinProcessor implements Processor {
  private ctx!: ProcessorContext;
  private get!: ValueGetter;
  private buffer: StreamJoinBuffer | null = null;

  constructor(
    private readonly table: ValueGetterSupplier,
    private readonly left: boolean,
    private readonly joiner: (l: unknown, r: unknown, k: unknown) => unknown,
    /** Global-table joins map the stream record to the table key; plain stream-table joins use the key. */
    private readonly keySelector: ((k: unknown, v: unknown) => unknown) | null,
    /** The grace period's buffer store, if the join has one. */
    private readonly bufferName: string | null = null,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.get = this.table.create(ctx);
    this.buffer = this.bufferName ? ctx.getStateStore<StreamJoinBuffer>(this.bufferName) : null;
  }

  process(r: StreamRecord) {
    if (r.value === null || r.value === undefined) {
      this.ctx.recordDropped({ code: 'null-value' });
      return;
    }
    const tableKey = this.keySelector ? this.keySelector(r.key, r.value) : r.key;
    if (tableKey === null || tableKey === undefined) {
      // Nothing to look up. Kafka's KStreamKTableJoinProcessor keeps only a NULL-KEY record in a left
      // join (joined with null); any other record without a table key is dropped, by left joins too
      // (KStreamGlobalKTableLeftJoinTest.shouldNotJoinOnNullKeyMapperValues).
      if (this.left && (r.key === null || r.key === undefined)) this.ctx.forward({ key: r.key, value: this.joiner(r.value, null, r.key), timestamp: r.timestamp, headers: r.headers });
      else this.ctx.recordDropped({ code: 'no-table-key' });
      return;
    }
    if (!this.buffer || r.key === null || r.key === undefined || !this.buffer.put(r)) this.join(r, tableKey);
    else this.buffer.evict(this.release);
  }

  private readonly release = (b: BufferedStreamRecord) => this.join(b, this.keySelector ? this.keySelector(b.key, b.value) : b.key);

  private join(r: StreamRecord, tableKey: unknown) {
    // A versioned table answers as of the stream record's time; other tables ignore the time.
    const found = this.get(tableKey, r.timestamp);
    if (!found && !this.left) return;
    this.ctx.forward({ key: r.key, value: this.joiner(r.value, found ? found.value : null, r.key), timestamp: r.timestamp, headers: r.headers });
  }
}
