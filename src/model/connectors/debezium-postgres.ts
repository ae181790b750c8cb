/** Debezium's PostgreSQL source: change events of tables, one topic per table (`<topic.prefix>.<schema>.<table>`). */
import { COMMON_KEYS, JSON_CONVERTERS, listOf, type ConnectorSpec } from './spec';

export const debeziumPostgres: ConnectorSpec = {
  kind: 'debeziumPostgres',
  label: 'Debezium PostgreSQL',
  className: 'io.debezium.connector.postgresql.PostgresConnector',
  direction: 'source',
  help: 'Debezium PostgreSQL source: streams row changes (a snapshot, then the write-ahead log) of tables to topics named topic.prefix.schema.table.',
  docsUrl: 'https://debezium.io/documentation/reference/stable/connectors/postgresql.html',
  keys: [
    { name: 'database.hostname', help: 'Host of the PostgreSQL server.', required: true },
    { name: 'database.port', help: 'Port of the server (default 5432).', integer: true },
    { name: 'database.user', help: 'User with replication rights.', required: true },
    { name: 'database.password', help: 'Password of that user.', secret: true },
    { name: 'database.dbname', help: 'The database to stream changes from.', required: true },
    { name: 'topic.prefix', help: 'Logical server name: the prefix of every topic (and of schema names).', required: true },
    { name: 'plugin.name', help: 'Logical decoding plugin: pgoutput (built into PostgreSQL 10+) or decoderbufs (default).', options: ['pgoutput', 'decoderbufs'] },
    { name: 'table.include.list', help: 'Comma-separated schema.table names to capture (each to topic.prefix.schema.table).' },
    { name: 'schema.include.list', help: 'Comma-separated schemas to capture (topics then depend on the tables found).' },
    { name: 'slot.name', help: 'Replication slot name (default debezium).' },
    { name: 'publication.name', help: 'Publication used with pgoutput (default dbz_publication).' },
    { name: 'snapshot.mode', help: 'When to take a snapshot: initial (default), always, never, initial_only, no_data, when_needed.', options: ['initial', 'always', 'never', 'initial_only', 'no_data', 'when_needed'] },
    ...COMMON_KEYS,
  ],
  defaults: { 'database.hostname': 'localhost', 'database.port': '5432', 'database.user': 'postgres', 'database.password': '${env:PG_PASSWORD}', 'database.dbname': 'shop', 'topic.prefix': 'shop', 'plugin.name': 'pgoutput', 'table.include.list': 'public.orders', ...JSON_CONVERTERS },
  topicKey: 'table.include.list',
  topicsOf: (c) => {
    const prefix = c['topic.prefix']?.trim();
    const tables = listOf(c['table.include.list']);
    // Each entry is a regex in Debezium; a plain schema.table names one topic, a pattern names none we can know.
    if (!prefix || !tables.length || tables.some((t) => !/^[\w-]+\.[\w-]+$/.test(t))) return null;
    return tables.map((t) => `${prefix}.${t}`);
  },
};
