/** Confluent's Elasticsearch sink (kafka-connect-elasticsearch): topics into indexes. */
import { JSON_CONVERTERS, sinkKeys, sinkTopics, type ConnectorSpec } from './spec';

export const elasticsearchSink: ConnectorSpec = {
  kind: 'elasticsearchSink',
  label: 'ElasticsearchSink',
  className: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
  direction: 'sink',
  help: 'Confluent Elasticsearch sink: indexes the records of its topics (one index per topic), by record key or topic+partition+offset.',
  docsUrl: 'https://docs.confluent.io/kafka-connectors/elasticsearch/current/configuration_options.html',
  keys: sinkKeys(
    { name: 'connection.url', help: 'Comma-separated Elasticsearch URLs, e.g. http://es:9200.', required: true },
    { name: 'connection.username', help: 'User (authentication only when user and password are both set).' },
    { name: 'connection.password', help: 'Password.', secret: true },
    { name: 'key.ignore', help: 'Ignore record keys: document ids become topic+partition+offset.', options: ['true', 'false'] },
    { name: 'schema.ignore', help: 'Ignore record schemas and let Elasticsearch map the fields.', options: ['true', 'false'] },
    { name: 'behavior.on.null.values', help: 'A tombstone: ignore, delete the document, or fail (default fail).', options: ['ignore', 'delete', 'fail', 'IGNORE', 'DELETE', 'FAIL'] },
    { name: 'write.method', help: 'insert (default) or upsert.', options: ['insert', 'upsert', 'INSERT', 'UPSERT'] },
    { name: 'batch.size', help: 'Records per bulk request (default 2000).', integer: true },
  ),
  defaults: { topics: 'output', 'connection.url': 'http://localhost:9200', 'connection.username': 'elastic', 'connection.password': '${env:ELASTIC_PASSWORD}', 'key.ignore': 'false', 'schema.ignore': 'true', ...JSON_CONVERTERS },
  topicKey: 'topics',
  topicsOf: sinkTopics,
};
