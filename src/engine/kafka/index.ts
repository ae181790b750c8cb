/** The Kafka runtime of the engine (kafkajs). Never imported by the in-memory engine or the browser. */
export { runOnKafka, runUntilSignal, type KafkaApp } from './runtime';
export { configFromEnv, type KafkaRuntimeConfig } from './config';
export { SchemaSerdes, subjectName, type SchemaRegistrySettings, type TopicSchemaTable, type WireSchema } from './schema-serdes';
