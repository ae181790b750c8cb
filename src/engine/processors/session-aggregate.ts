/**
 * Session window aggregation (Kafka's KStreamSessionWindowAggregate). A record at t merges every
 * session of its key with end >= t - gap and start <= t + gap. Each merged-away session is retracted
 * with a tombstone (timestamp = that session's end) before the merged session is emitted (timestamp =
 * merged end). The merged session is dropped as late when its end < streamTime - gap - grace.
 */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { SessionStore } from '../stores/session-store';
import type { SessionWindows } from '../windows';
import type { EmitMode } from '../dsl/config';
import { initial, type StreamAggregation } from './aggregators';
import { TableEmitter, type OldValues } from './table-emitter';

export class SessionAggregateProcessor implements Processor {
  private ctx!: ProcessorContext;
  private store!: SessionStore;
  private emitter!: TableEmitter;
  private streamTime = -Infinity;
  private lastEmitCloseTime = -Infinity;

  constructor(
    private readonly windows: SessionWindows,
    private readonly aggregation: StreamAggregation,
    private readonly merger: ((k: unknown, a: unknown, b: unknown) => unknown) | null,
    private readonly storeName: string,
    private readonly caching: boolean,
    private readonly emitMode: EmitMode,
    private readonly oldValues: OldValues,
  ) {}

  init(ctx: ProcessorContext) {
    this.ctx = ctx;
    this.store = ctx.getStateStore<SessionStore>(this.storeName);
    this.emitter = new TableEmitter(ctx, this.caching && this.emitMode === 'onWindowUpdate', () => this.oldValues.enabled);
  }

  process(r: StreamRecord) {
    if (r.key === null || r.key === undefined || r.value === null || r.value === undefined) {
      this.ctx.recordDropped();
      return;
    }
    const t = r.timestamp;
    const gap = this.windows.gapMs;
    this.streamTime = Math.max(this.streamTime, t);
    const closeTime = this.streamTime - gap - this.windows.graceMs;
    const merged = this.store.findSessions(r.key, t - gap, t + gap);
    let agg = initial(this.aggregation);
    let start = t;
    let end = t;
    for (const s of merged) {
      agg = this.merge(r.key, agg, s.value);
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    if (end < closeTime) {
      this.ctx.recordDropped();
      return;
    }
    // A record that lands inside or bridges sessions retracts them; a brand-new session does not.
    if (!(start === t && end === t)) {
      for (const s of merged) {
        this.store.remove(r.key, s.start, s.end);
        if (this.emitMode === 'onWindowUpdate') this.emitter.emit({ key: r.key, start: s.start, end: s.end }, null, s.value, s.end);
      }
    }
    agg = this.aggregation.add(r.key, r.value, agg);
    this.store.put(r.key, start, end, agg);
    if (this.emitMode === 'onWindowUpdate') this.emitter.emit({ key: r.key, start, end }, agg, null, end);
    else this.emitFinal(closeTime);
  }

  private merge(key: unknown, a: unknown, b: unknown): unknown {
    if (this.merger) return this.merger(key, a, b);
    // reduce merges partial aggregates with the reducer itself (Kafka passes it as the merger)
    return a === null || a === undefined ? b : this.aggregation.add(key, b, a);
  }

  /** onWindowClose: sessions that ended before streamTime - gap - grace are final. */
  private emitFinal(closeTime: number) {
    if (closeTime <= this.lastEmitCloseTime) return;
    for (const s of this.store.allSessions()) {
      if (s.end < closeTime && s.end >= this.lastEmitCloseTime) {
        this.ctx.forward({ key: { key: s.key, start: s.start, end: s.end }, value: { newValue: s.value, oldValue: null }, timestamp: s.end });
      }
    }
    this.lastEmitCloseTime = closeTime;
  }
}
