/** The file connectors that ship with Apache Kafka (connect-file): one file's lines in, one file's lines out. */
import { COMMON_KEYS, JSON_CONVERTERS, sinkKeys, sinkTopics, type ConnectorSpec } from './spec';

const DOCS = 'https://kafka.apache.org/documentation/#connect';

/** FileStreamSourceConnector: every line of `file` becomes a record (key null, value the line) on `topic`. */
export const fileStreamSource: ConnectorSpec = {
  kind: 'fileStreamSource',
  label: 'FileStreamSource',
  className: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
  direction: 'source',
  help: 'Kafka’s file source connector: each line of a file becomes a record (no key, the line as value) on a topic. Local mode reads the file for real.',
  docsUrl: DOCS,
  keys: [
    { name: 'topic', help: 'The topic the lines are written to (one topic).', required: true },
    { name: 'file', help: 'The file to read (on the Connect worker; in local mode, relative to the project). Without it the connector reads stdin.' },
    { name: 'batch.size', help: 'Maximum records per poll (default 2000).', integer: true },
    ...COMMON_KEYS,
  ],
  defaults: { topic: 'input', file: 'input.txt', ...JSON_CONVERTERS },
  topicKey: 'topic',
  topicsOf: (c) => (c.topic?.trim() ? [c.topic.trim()] : null),
  local: 'file-source',
};

/** FileStreamSinkConnector: every record's value of `topics`, one line each, appended to `file`. */
export const fileStreamSink: ConnectorSpec = {
  kind: 'fileStreamSink',
  label: 'FileStreamSink',
  className: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
  direction: 'sink',
  help: 'Kafka’s file sink connector: each record’s value of its topics becomes a line of a file. Local mode writes the file for real.',
  docsUrl: DOCS,
  keys: sinkKeys(
    { name: 'file', help: 'The file the lines are appended to (on the Connect worker; in local mode, relative to the project). Without it the connector writes to stdout.' },
  ),
  defaults: { topics: 'output', file: 'output.txt', ...JSON_CONVERTERS },
  topicKey: 'topics',
  topicsOf: sinkTopics,
  local: 'file-sink',
};
