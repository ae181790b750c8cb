import { backPressureFromEnv, type BackPressureLimits } from './back-pressure';
import { parseCompression, type CompressionName } from './compression';
import type { SchemaRegistrySettings, SubjectNameStrategy, TopicSchemaTable } from './schema-serdes';
import { parseDeserializationHandling, parseProductionHandling, type DeserializationHandling, type ProductionHandling } from './error-handlers';

/** Configuration of the Kafka runtime, from code or from the environment (.env.example documents every key). */
export interface KafkaRuntimeConfig {
  applicationId: string;
  brokers: string[];
  /** at_least_once (default): offsets are committed after outputs and changelogs are acknowledged. */
  processingGuarantee?: 'at_least_once' | 'exactly_once_v2';
  /** Partitions for internal topics this app creates (default: the max of its source topics). */
  internalPartitions?: number;
  /** How often processed offsets are committed (Kafka Streams' commit.interval.ms; default 30000, 100 with exactly_once_v2). */
  commitIntervalMs?: number;
  /**
   * on (default, as Kafka Streams): KTable updates are cached and the latest one per key goes
   * downstream at each commit. off: every update goes downstream at once, as in the preview
   * (TopologyTestDriver; Kafka's statestore.cache.max.bytes=0).
   */
  recordCache?: 'on' | 'off';
  /** How often due WALL_CLOCK_TIME punctuations are looked for (ms, default 100; Kafka checks every poll loop). */
  wallClockPunctuationCheckMs?: number;
  /** How often to log records in/out, lag and rebalances (ms; 0 = never). */
  logIntervalMs?: number;
  /** Consumer group timing (the defaults suit tests and small clusters). */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  log?: (line: string) => void;
  /** A record that does not deserialize: stop with an error (default) or skip it (counted as dropped). */
  deserializationExceptionHandler?: DeserializationHandling;
  /** A sink record that cannot be serialized or sent: stop (default) or skip it (counted as dropped). */
  productionExceptionHandler?: ProductionHandling;
  /** KIP-1034 dead-letter topic: records a handler gave up on go there raw, with the error in headers. */
  deadLetterTopic?: string;
  /** Compression of produced batches (default none; gzip is kafkajs' own, the others are registered codecs). */
  compression?: CompressionName;
  /** Replacements of a crashed consumer that kafkajs does not restart, before the app stops (default 5). */
  maxConsumerRestarts?: number;
  /** First wait before replacing a crashed consumer (doubles each time; default 1000 ms). */
  consumerRestartBackoffMs?: number;
  /** Topics whose keys or values carry a schema: read and written in the Confluent wire format through this registry. */
  schemaRegistry?: SchemaRegistrySettings;
  /** Port of the /metrics, /healthz and /livez server (unset: no server; 0: a free port, see KafkaApp.metricsPort). */
  metricsPort?: number;
  /** Interface the server listens on (default 0.0.0.0, so container probes reach it). */
  metricsHost?: string;
  /** A span per input record through @opentelemetry/api, its context in the outputs' traceparent header (default off). */
  tracing?: boolean;
  /** When fetching pauses and resumes for the produce queue (default: 10000 records, 16 MiB, resume at half). */
  backPressure?: BackPressureLimits;
}

/** The design's topic schemas (TOPIC_SCHEMAS of the generated settings) are the third argument. */
export function configFromEnv(env: Record<string, string | undefined>, applicationId: string, topicSchemas: TopicSchemaTable = {}): KafkaRuntimeConfig {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (!brokers.length) throw new Error('KAFKA_BROKERS is empty: set it to host:port[,host:port]');
  const guarantee = env.PROCESSING_GUARANTEE ?? 'at_least_once';
  if (guarantee !== 'at_least_once' && guarantee !== 'exactly_once_v2') throw new Error(`PROCESSING_GUARANTEE must be at_least_once or exactly_once_v2, got "${guarantee}"`);
  const cache = env.RECORD_CACHE ?? 'on';
  if (cache !== 'on' && cache !== 'off') throw new Error(`RECORD_CACHE must be on or off, got "${cache}"`);
  const tracing = env.TRACING || 'off';
  if (tracing !== 'on' && tracing !== 'off') throw new Error(`TRACING must be on or off, got "${tracing}"`);
  const metricsPort = env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined;
  if (metricsPort !== undefined && !(Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort < 65536)) throw new Error(`METRICS_PORT must be a port number, got "${env.METRICS_PORT}"`);
  return {
    applicationId: env.APPLICATION_ID || applicationId,
    brokers,
    processingGuarantee: guarantee,
    recordCache: cache,
    ...(env.COMMIT_INTERVAL_MS ? { commitIntervalMs: Number(env.COMMIT_INTERVAL_MS) } : {}),
    logIntervalMs: env.LOG_INTERVAL_MS ? Number(env.LOG_INTERVAL_MS) : 10_000,
    sessionTimeoutMs: env.SESSION_TIMEOUT_MS ? Number(env.SESSION_TIMEOUT_MS) : 10_000,
    heartbeatIntervalMs: env.HEARTBEAT_INTERVAL_MS ? Number(env.HEARTBEAT_INTERVAL_MS) : 1_000,
    deserializationExceptionHandler: parseDeserializationHandling(env.DESERIALIZATION_EXCEPTION_HANDLER),
    productionExceptionHandler: parseProductionHandling(env.PRODUCTION_EXCEPTION_HANDLER),
    ...(env.DEAD_LETTER_TOPIC ? { deadLetterTopic: env.DEAD_LETTER_TOPIC } : {}),
    compression: parseCompression(env.COMPRESSION),
    ...schemaRegistryFromEnv(env, topicSchemas),
    ...(metricsPort !== undefined ? { metricsPort } : {}),
    ...(env.METRICS_HOST ? { metricsHost: env.METRICS_HOST } : {}),
    tracing: tracing === 'on',
    backPressure: backPressureFromEnv(env),
  };
}

const STRATEGIES: Record<string, SubjectNameStrategy> = { TopicNameStrategy: 'topic', RecordNameStrategy: 'record', TopicRecordNameStrategy: 'topic-record' };

/** SCHEMA_REGISTRY_URL is required as soon as a topic carries a schema (records would not be read as written). */
function schemaRegistryFromEnv(env: Record<string, string | undefined>, topics: TopicSchemaTable): { schemaRegistry?: SchemaRegistrySettings } {
  const withSchemas = Object.keys(topics).filter((t) => topics[t].key || topics[t].value);
  if (!withSchemas.length) return {};
  const url = env.SCHEMA_REGISTRY_URL?.trim();
  if (!url) throw new Error(`SCHEMA_REGISTRY_URL is empty: topics ${withSchemas.join(', ')} carry schemas (Confluent wire format)`);
  const strategy = env.SCHEMA_REGISTRY_SUBJECT_NAME_STRATEGY || 'TopicNameStrategy';
  if (!STRATEGIES[strategy]) throw new Error(`SCHEMA_REGISTRY_SUBJECT_NAME_STRATEGY must be ${Object.keys(STRATEGIES).join(', ')}, got "${strategy}"`);
  const auto = env.SCHEMA_REGISTRY_AUTO_REGISTER ?? 'true';
  if (auto !== 'true' && auto !== 'false') throw new Error(`SCHEMA_REGISTRY_AUTO_REGISTER must be true or false, got "${auto}"`);
  return { schemaRegistry: { url, topics, subjectNameStrategy: STRATEGIES[strategy], autoRegister: auto === 'true' } };
}
