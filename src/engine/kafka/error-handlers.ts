/**
 * What the runtime does with a record it cannot read or cannot write, as Kafka Streams' exception
 * handlers: a record whose key or value does not deserialize with its topic's serde
 * (DeserializationExceptionHandler: log-and-fail by default, or log-and-continue) and a sink record
 * that cannot be serialized or sent (ProductionExceptionHandler: fail by default, or continue).
 * With a dead-letter topic (KIP-1034, errors.dead.letter.queue.topic.name) the raw record also goes
 * there, with the error in its headers, whichever handler decides.
 */
import type { OutRecord } from './record-collector';

export type DeserializationHandling = 'log-and-fail' | 'log-and-continue';
export type ProductionHandling = 'fail' | 'continue';

export interface ErrorHandlingConfig {
  deserialization?: DeserializationHandling;
  production?: ProductionHandling;
  /** Dead-letter topic for records a handler gave up on (unset: none). */
  deadLetterTopic?: string;
}

/** Where a failing record came from (an input record) or was going to (a sink record: offset -1). */
export interface RecordOrigin {
  topic: string;
  partition: number;
  offset: number;
}

/** A record that could not be read: names the topic, partition, offset and the serde's message. */
export class DeserializationError extends Error {
  readonly code = 'deserialization-failed';
  constructor(
    readonly origin: RecordOrigin,
    readonly part: 'key' | 'value',
    cause: Error,
  ) {
    super(`cannot deserialize the ${part} of the record at topic ${origin.topic} partition ${origin.partition} offset ${origin.offset}: ${cause.message}`, { cause });
  }
}

/** A sink record that could not be serialized or sent. */
export class ProductionError extends Error {
  readonly code = 'production-failed';
  constructor(
    readonly topic: string,
    cause: Error,
  ) {
    super(`cannot produce a record to topic ${topic}: ${cause.message}`, { cause });
  }
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** KIP-1034's dead-letter record: the raw key and value, the original headers, the error and origin in headers. */
export function deadLetterRecord(dlq: string, raw: { key: Buffer | null; value: Buffer | null; timestamp: string; headers?: Record<string, unknown> }, error: unknown, origin: RecordOrigin): OutRecord {
  const e = asError(error);
  const cause = asError((e as { cause?: unknown }).cause ?? e);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw.headers ?? {})) if (typeof v === 'string' || Buffer.isBuffer(v)) headers[k] = v.toString();
  Object.assign(headers, {
    '__streams.errors.exception': cause.name,
    '__streams.errors.message': e.message,
    '__streams.errors.stacktrace': cause.stack ?? '',
    '__streams.errors.topic': origin.topic,
    '__streams.errors.partition': String(origin.partition),
    '__streams.errors.offset': String(origin.offset),
  });
  return { topic: dlq, key: raw.key, value: raw.value, timestamp: raw.timestamp, headers };
}

export function parseDeserializationHandling(v: string | undefined): DeserializationHandling {
  const h = v || 'log-and-fail';
  if (h !== 'log-and-fail' && h !== 'log-and-continue') throw new Error(`DESERIALIZATION_EXCEPTION_HANDLER must be log-and-fail or log-and-continue, got "${h}"`);
  return h;
}

export function parseProductionHandling(v: string | undefined): ProductionHandling {
  const h = v || 'fail';
  if (h !== 'fail' && h !== 'continue') throw new Error(`PRODUCTION_EXCEPTION_HANDLER must be fail or continue, got "${h}"`);
  return h;
}
