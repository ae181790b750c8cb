/** Confluent's HTTP sink (kafka-connect-http): each batch of records to an HTTP API. */
import { JSON_CONVERTERS, sinkKeys, sinkTopics, type ConnectorSpec } from './spec';

const basic = (c: Record<string, string>) => c['auth.type'] === 'BASIC';
const oauth2 = (c: Record<string, string>) => c['auth.type'] === 'OAUTH2';

export const httpSink: ConnectorSpec = {
  kind: 'httpSink',
  label: 'HttpSink',
  className: 'io.confluent.connect.http.HttpSinkConnector',
  direction: 'sink',
  help: 'Confluent HTTP sink: sends the records of its topics, batched, to an HTTP API (POST, PUT or PATCH), with basic or OAuth2 authentication.',
  docsUrl: 'https://docs.confluent.io/kafka-connectors/http/current/connector_config.html',
  keys: sinkKeys(
    { name: 'http.api.url', help: 'The API URL; ${topic} and ${key} are replaced by the record’s.', required: true },
    { name: 'request.method', help: 'POST (default), PUT or PATCH.', options: ['POST', 'PUT', 'PATCH'] },
    { name: 'headers', help: 'Headers of every request, separated by header.separator (default |).' },
    { name: 'request.body.format', help: 'string (default) or json.', options: ['string', 'json'] },
    { name: 'batch.max.size', help: 'Records per request (default 1).', integer: true },
    { name: 'auth.type', help: 'NONE (default), BASIC, OAUTH2 or THIRD_PARTY.', options: ['NONE', 'BASIC', 'OAUTH2', 'THIRD_PARTY'] },
    { name: 'connection.user', help: 'Basic authentication user.', requiredWhen: basic },
    { name: 'connection.password', help: 'Basic authentication password.', secret: true, requiredWhen: basic },
    { name: 'oauth2.token.url', help: 'OAuth2 token endpoint.', requiredWhen: oauth2 },
    { name: 'oauth2.client.id', help: 'OAuth2 client id.', requiredWhen: oauth2 },
    { name: 'oauth2.client.secret', help: 'OAuth2 client secret.', secret: true, requiredWhen: oauth2 },
    { name: 'confluent.topic.bootstrap.servers', help: 'Brokers of the license topic (Confluent’s licensed connectors need it).', required: true },
    { name: 'reporter.bootstrap.servers', help: 'Brokers the success and error reporter writes to.', required: true },
    { name: 'reporter.result.topic.name', help: 'Topic of the API’s success responses (default success-responses).' },
    { name: 'reporter.error.topic.name', help: 'Topic of the API’s error responses (default error-responses).' },
  ),
  defaults: {
    topics: 'output',
    'http.api.url': 'http://localhost:8080/api/messages',
    'request.method': 'POST',
    'auth.type': 'NONE',
    'confluent.topic.bootstrap.servers': 'localhost:9092',
    'reporter.bootstrap.servers': 'localhost:9092',
    ...JSON_CONVERTERS,
  },
  topicKey: 'topics',
  topicsOf: sinkTopics,
};
