/** The connector types of the palette, sources first (registry.ts makes each an operator descriptor). */
import { debeziumPostgres } from './debezium-postgres';
import { elasticsearchSink } from './elasticsearch-sink';
import { fileStreamSink, fileStreamSource } from './file-stream';
import { httpSink } from './http-sink';
import { jdbcSink, jdbcSource } from './jdbc';
import { s3Sink } from './s3-sink';
import type { ConnectorSpec } from './spec';

export const CONNECTORS: readonly ConnectorSpec[] = [fileStreamSource, jdbcSource, debeziumPostgres, fileStreamSink, jdbcSink, s3Sink, elasticsearchSink, httpSink];
