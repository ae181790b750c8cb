// Settings of the design (default serdes of topics, topic schemas).
import type { TopicSchemaTable } from './streams/kafka/index';

export const DEFAULT_KEY_SERDE = "json";
export const DEFAULT_VALUE_SERDE = "json";
export const SOURCE_TOPICS: string[] = ["pageviews"];
/** Topics whose key or value has a schema: on Kafka they are read and written in the Confluent wire format (SCHEMA_REGISTRY_URL). */
export const TOPIC_SCHEMAS: TopicSchemaTable = Object.fromEntries([] as const);
