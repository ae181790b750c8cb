/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) in Kafka record headers: the
 * `traceparent` header's text form. Plain text handling without the OpenTelemetry API, so the input
 * decoder can keep the headers without loading it (tracing.ts builds spans from them).
 */

export interface TraceParent {
  traceId: string;
  spanId: string;
  traceFlags: number;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/** A traceparent header's fields, or null when absent or invalid (version ff, all-zero ids, extra fields in version 00). */
export function parseTraceparent(header: string | undefined): TraceParent | null {
  const m = header === undefined ? null : TRACEPARENT.exec(header.trim());
  if (!m || m[1] === 'ff' || (m[1] === '00' && m[5] !== undefined) || m[2] === ZERO_TRACE || m[3] === ZERO_SPAN) return null;
  return { traceId: m[2], spanId: m[3], traceFlags: parseInt(m[4], 16) };
}

export function formatTraceparent(p: TraceParent): string {
  return `00-${p.traceId}-${p.spanId}-${(p.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/** A header of a fetched Kafka message as text (kafkajs gives Buffers, or arrays for repeated headers: the first counts). */
export function headerText(v: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}
