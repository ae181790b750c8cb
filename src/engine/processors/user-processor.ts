/**
 * The engine processor behind KStream#process / processValues: it asks the supplier for a fresh user
 * processor per task, hands it the Processor API context (forward, stores, schedule, metadata,
 * times) and passes it each record as a new {key, value, timestamp} object, so the user's code can
 * neither see nor change the engine's records.
 */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { Cancellable, ProcessorApiContext, ProcessorStateStore, ProcessorSupplier, PunctuationType, RecordMetadata, UserProcessor } from '../processor-api';
import { processorStoreView } from '../stores/processor-stores';

type OutRecord = { key: unknown; value: unknown; timestamp?: number };

export class UserProcessorAdapter implements Processor {
  private user!: UserProcessor;
  private ctx!: ProcessorContext;
  /** The record being processed (null inside a punctuator). */
  private current: StreamRecord | null = null;
  /** The punctuation time while a punctuator runs. */
  private punctuationTime: number | null = null;
  private readonly views = new Map<string, ProcessorStateStore>();
  private scheduled = 0;

  constructor(
    private readonly supplier: ProcessorSupplier,
    /** processValues: forwarded records keep the input record's key. */
    private readonly fixedKey: boolean,
    /** The stores this node was connected to: the only ones getStateStore gives out. */
    private readonly storeNames: readonly string[],
  ) {}

  init(ctx: ProcessorContext): void {
    this.ctx = ctx;
    const user = this.supplier();
    if (typeof user !== 'object' || user === null || typeof user.process !== 'function') {
      throw new Error(`the processor of "${ctx.owner}" must be an object with a process(record) method`);
    }
    this.user = user;
    user.init?.(this.apiContext());
  }

  process(record: StreamRecord): void {
    this.current = record;
    try {
      this.user.process({ key: record.key, value: record.value, timestamp: record.timestamp });
    } finally {
      this.current = null;
    }
  }

  close(): void {
    this.user?.close?.();
  }

  /** The time store writes and defaulted forwards carry. */
  private now(): number {
    return this.current?.timestamp ?? this.punctuationTime ?? this.ctx.currentStreamTimeMs();
  }

  private forward(r: OutRecord): void {
    if (typeof r !== 'object' || r === null) throw new Error('ctx.forward takes a record { key, value, timestamp? }');
    const key = this.fixedKey && this.current !== null ? this.current.key : r.key;
    const ts = typeof r.timestamp === 'number' ? r.timestamp : this.now();
    this.ctx.forwardNew(key, r.value ?? null, ts);
  }

  private store(name: string): ProcessorStateStore {
    let v = this.views.get(name);
    if (v) return v;
    if (!this.storeNames.includes(name)) throw new Error(`processor "${this.ctx.owner}" has no state store "${name}" (declared: ${this.storeNames.join(', ') || 'none'})`);
    v = processorStoreView(this.ctx.getStateStore(name), () => this.now());
    this.views.set(name, v);
    return v;
  }

  private schedule(intervalMs: number, type: PunctuationType, callback: (timestamp: number) => void): Cancellable {
    if (type !== 'STREAM_TIME' && type !== 'WALL_CLOCK_TIME') throw new Error(`ctx.schedule: type must be 'STREAM_TIME' or 'WALL_CLOCK_TIME', got ${String(type)}`);
    if (typeof intervalMs !== 'number' || !(intervalMs >= 1)) throw new Error(`ctx.schedule: the interval must be at least 1 ms, got ${String(intervalMs)}`);
    if (typeof callback !== 'function') throw new Error('ctx.schedule: the callback must be a function');
    const run = (timestamp: number) => {
      const outer = this.current;
      this.current = null;
      this.punctuationTime = timestamp;
      try {
        callback.call(this.user, timestamp);
      } finally {
        this.punctuationTime = null;
        this.current = outer;
      }
    };
    return this.ctx.schedule({ intervalMs, type, index: this.scheduled++, callbackName: callback.name || '', run });
  }

  private apiContext(): ProcessorApiContext {
    return {
      forward: (r) => this.forward(r as OutRecord),
      getStateStore: (<S extends ProcessorStateStore>(name: string) => this.store(name) as S) as ProcessorApiContext['getStateStore'],
      schedule: (interval, type, callback) => this.schedule(interval, type, callback),
      recordMetadata: (): RecordMetadata | null => (this.current === null ? null : this.ctx.recordMetadata()),
      currentStreamTimeMs: () => this.ctx.currentStreamTimeMs(),
      currentSystemTimeMs: () => this.ctx.currentSystemTimeMs(),
    };
  }
}
