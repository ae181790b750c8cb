/**
 * Tracing of the Kafka runtime through the OpenTelemetry API only (no SDK or exporter bundled: the
 * user registers a tracer provider, see docs/observability.md). With TRACING=on, every input record
 * gets a span (kind CONSUMER, "process <topic>") whose parent is the W3C `traceparent` header of the
 * record, if it has one; the processors it passes are the span's events (processor name, design
 * node); and every record produced while it is processed (sinks and repartition topics) carries the
 * span's context in `traceparent` (and `tracestate`), so the task reading a repartition topic, or
 * another app, continues the same trace.
 *
 * Records produced outside the processing of one input (a record cache or suppression flushed at a
 * commit, a wall-clock punctuation) carry none: they stem from many inputs, and the OpenTelemetry
 * instrumentation of Kafka Streams does not attribute them to one either. With tracing off nothing
 * is read or written: output records are exactly as without this file.
 */
import { createTraceState, isSpanContextValid, ROOT_CONTEXT, SpanKind, trace, type Span, type SpanContext, type Tracer } from '@opentelemetry/api';
import type { TraceEvent } from '../core/task';
import { formatTraceparent, parseTraceparent } from './trace-context';

export interface TraceInput {
  topic: string;
  partition: number;
  offset: number;
  traceparent?: string;
  tracestate?: string;
}

export class RecordTracing {
  private span: Span | null = null;
  private spanHeaders: Record<string, string> | undefined = undefined;

  constructor(
    private readonly app: string,
    private readonly tracer: Tracer = trace.getTracer('streamwright-kafka-runtime'),
  ) {}

  /** The span of one input record starts (its processing is synchronous: it ends before the next begins). */
  begin(input: TraceInput): void {
    const p = parseTraceparent(input.traceparent);
    const parent: SpanContext | null = p && { ...p, isRemote: true, ...(input.tracestate ? { traceState: createTraceState(input.tracestate) } : {}) };
    const ctx = parent ? trace.setSpanContext(ROOT_CONTEXT, parent) : ROOT_CONTEXT;
    this.span = this.tracer.startSpan(
      `process ${input.topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': input.topic,
          'messaging.destination.partition.id': String(input.partition),
          'messaging.kafka.offset': input.offset,
          'messaging.consumer.group.name': this.app,
        },
      },
      ctx,
    );
    this.spanHeaders = undefined;
  }

  end(): void {
    this.span?.end();
    this.span = null;
  }

  /** A processor forwarded the record (Task trace hook): an event named after it. */
  readonly onForward = (e: TraceEvent): void => {
    this.span?.addEvent(e.processor, { 'streamwright.design_node': e.owner });
  };

  /** A sink wrote the record. */
  sinkEvent(sink: string, owner: string, topic: string): void {
    this.span?.addEvent(sink, { 'streamwright.design_node': owner, 'messaging.destination.name': topic });
  }

  /** Headers for a record produced now: the current span's context, or none outside an input's processing (or with no valid context). */
  headers(): Record<string, string> | undefined {
    const span = this.span;
    if (span === null) return undefined;
    if (this.spanHeaders === undefined) {
      const sc = span.spanContext();
      if (!isSpanContextValid(sc)) return undefined;
      this.spanHeaders = { traceparent: formatTraceparent(sc), ...(sc.traceState ? { tracestate: sc.traceState.serialize() } : {}) };
    }
    return this.spanHeaders;
  }
}
