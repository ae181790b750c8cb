/**
 * Session window aggregation (Kafka's KStreamSessionWindowAggregate). A record at t merges every
 * session of its key with end >= t - gap and start <= t + gap. Each merged-away session is retracted
 * with a tombstone (timestamp = that session's end) before the merged session is emitted (timestamp =
 * merged end). The merged session is dropped as late when its end < streamTime - gap - grace.
 */
import type { StreamRecord } from '../core/record';
import type { SessionStore } from '../stores/session-store';
import type { SessionWindows } from '../windows';
import { initial } from './aggregators';
import { WindowedAggregateBase, type WindowedConfig } from './windowed-base';

export class SessionAggregateProcessor extends WindowedAggregateBase<SessionStore> {
  constructor(
    private readonly windows: SessionWindows,
    private readonly merger: ((k: unknown, a: unknown, b: unknown) => unknown) | null,
    config: WindowedConfig,
  ) {
    super(config);
  }

  protected aggregate(r: StreamRecord) {
    const t = r.timestamp;
    const gap = this.windows.gapMs;
    const closeTime = this.streamTime - gap - this.windows.graceMs;
    const merged = this.store.findSessions(r.key, t - gap, t + gap);
    let agg = initial(this.config.aggregation);
    let start = t;
    let end = t;
    for (const s of merged) {
      agg = this.merge(r.key, agg, s.value);
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    if (end < closeTime) {
      this.ctx.recordDropped({ code: 'expired-window', window: { start, end }, lateByMs: closeTime - end });
      return;
    }
    // A record that lands inside or bridges sessions retracts them; a brand-new session does not.
    if (!(start === t && end === t)) {
      for (const s of merged) {
        this.store.remove(r.key, s.start, s.end);
        if (this.emitOnUpdate) this.emitter.emit({ key: r.key, start: s.start, end: s.end }, null, s.value, s.end);
      }
    }
    agg = this.config.aggregation.add(r.key, r.value, agg);
    this.store.put(r.key, start, end, agg);
    if (this.emitOnUpdate) this.emitter.emit({ key: r.key, start, end }, agg, null, end);
    else this.emitFinal(closeTime);
  }

  private merge(key: unknown, a: unknown, b: unknown): unknown {
    if (this.merger) return this.merger(key, a, b);
    // reduce merges partial aggregates with the reducer itself (Kafka passes it as the merger)
    return a === null || a === undefined ? b : this.config.aggregation.add(key, b, a);
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
