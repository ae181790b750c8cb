/** Confluent's JDBC connectors (kafka-connect-jdbc): tables or a query in, topics out into tables. */
import { COMMON_KEYS, JSON_CONVERTERS, listOf, sinkKeys, sinkTopics, type ConnectorKey, type ConnectorSpec } from './spec';

const CONNECTION_KEYS: readonly ConnectorKey[] = [
  { name: 'connection.url', help: 'JDBC connection URL, e.g. jdbc:postgresql://db:5432/shop.', required: true },
  { name: 'connection.user', help: 'JDBC connection user.' },
  { name: 'connection.password', help: 'JDBC connection password.', secret: true },
];

const usesIncrementing = (c: Record<string, string>) => c.mode === 'incrementing' || c.mode === 'timestamp+incrementing';
const usesTimestamp = (c: Record<string, string>) => c.mode === 'timestamp' || c.mode === 'timestamp+incrementing';

/** JdbcSourceConnector: polls tables (or one query) and writes rows to `<topic.prefix><table>` (a query: to `topic.prefix`). */
export const jdbcSource: ConnectorSpec = {
  kind: 'jdbcSource',
  label: 'JdbcSource',
  className: 'io.confluent.connect.jdbc.JdbcSourceConnector',
  direction: 'source',
  help: 'Confluent JDBC source: polls database tables (or a query) and writes their rows to topics named topic.prefix + table.',
  docsUrl: 'https://docs.confluent.io/kafka-connectors/jdbc/current/source-connector/source_config_options.html',
  keys: [
    ...CONNECTION_KEYS,
    { name: 'mode', help: 'How new rows are found at each poll.', required: true, options: ['bulk', 'incrementing', 'timestamp', 'timestamp+incrementing'] },
    { name: 'incrementing.column.name', help: 'A strictly increasing column (modes incrementing, timestamp+incrementing).', requiredWhen: usesIncrementing },
    { name: 'timestamp.column.name', help: 'Timestamp column(s) that change with each update (modes timestamp, timestamp+incrementing).', requiredWhen: usesTimestamp },
    { name: 'table.whitelist', help: 'Comma-separated tables to copy (each to topic.prefix + table).' },
    { name: 'query', help: 'One query instead of tables: its rows go to the topic named topic.prefix.' },
    { name: 'topic.prefix', help: 'Prefix of each table’s topic name; with query, the whole topic name.', required: true },
    { name: 'poll.interval.ms', help: 'How often to poll each table (default 5000).', integer: true },
    ...COMMON_KEYS,
  ],
  defaults: { 'connection.url': 'jdbc:postgresql://localhost:5432/shop', 'connection.user': 'shop', 'connection.password': '${env:JDBC_PASSWORD}', mode: 'incrementing', 'incrementing.column.name': 'id', 'table.whitelist': 'orders', 'topic.prefix': 'db-', ...JSON_CONVERTERS },
  topicKey: 'topic.prefix',
  topicsOf: (c) => {
    const prefix = c['topic.prefix'] ?? '';
    if (c.query?.trim()) return prefix ? [prefix] : null;
    const tables = listOf(c['table.whitelist'] ?? c['table.include.list']);
    return tables.length ? tables.map((t) => `${prefix}${t}`) : null;
  },
};

/** JdbcSinkConnector: writes the records of `topics` into tables (table.name.format, default the topic's name). */
export const jdbcSink: ConnectorSpec = {
  kind: 'jdbcSink',
  label: 'JdbcSink',
  className: 'io.confluent.connect.jdbc.JdbcSinkConnector',
  direction: 'sink',
  help: 'Confluent JDBC sink: writes the records of its topics into database tables (insert, upsert or update).',
  docsUrl: 'https://docs.confluent.io/kafka-connectors/jdbc/current/sink-connector/sink_config_options.html',
  keys: sinkKeys(
    ...CONNECTION_KEYS,
    { name: 'insert.mode', help: 'insert (default), upsert or update.', options: ['insert', 'upsert', 'update'] },
    { name: 'pk.mode', help: 'Where the primary key comes from (default none).', options: ['none', 'kafka', 'record_key', 'record_value'] },
    { name: 'pk.fields', help: 'Primary key field(s), comma-separated (their meaning depends on pk.mode).', requiredWhen: (c) => c['insert.mode'] === 'upsert' && c['pk.mode'] === 'record_value' },
    { name: 'table.name.format', help: 'Destination table name; ${topic} stands for the topic (default ${topic}).' },
    { name: 'auto.create', help: 'Create a missing table from the record schema.', options: ['true', 'false'] },
    { name: 'auto.evolve', help: 'Add missing columns from the record schema.', options: ['true', 'false'] },
    { name: 'delete.enabled', help: 'Treat tombstones as deletes (needs pk.mode=record_key).', options: ['true', 'false'] },
  ),
  defaults: { topics: 'output', 'connection.url': 'jdbc:postgresql://localhost:5432/shop', 'connection.user': 'shop', 'connection.password': '${env:JDBC_PASSWORD}', 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'pk.fields': 'id', 'auto.create': 'true', ...JSON_CONVERTERS },
  topicKey: 'topics',
  topicsOf: sinkTopics,
};
