/** Confluent's Amazon S3 sink (kafka-connect-s3): topics into objects of a bucket. */
import { JSON_CONVERTERS, sinkKeys, sinkTopics, type ConnectorSpec } from './spec';

export const s3Sink: ConnectorSpec = {
  kind: 's3Sink',
  label: 'S3Sink',
  className: 'io.confluent.connect.s3.S3SinkConnector',
  direction: 'sink',
  help: 'Confluent Amazon S3 sink: writes the records of its topics as objects in a bucket, flush.size records per object.',
  docsUrl: 'https://docs.confluent.io/kafka-connectors/s3-sink/current/configuration_options.html',
  keys: sinkKeys(
    { name: 's3.bucket.name', help: 'The S3 bucket.', required: true },
    { name: 's3.region', help: 'The bucket’s AWS region (default us-west-2).' },
    { name: 'flush.size', help: 'Records written per object before it is committed.', required: true, integer: true },
    { name: 'storage.class', help: 'The storage implementation: io.confluent.connect.s3.storage.S3Storage.', required: true },
    { name: 'format.class', help: 'Object format: JsonFormat, AvroFormat, ParquetFormat or ByteArrayFormat (io.confluent.connect.s3.format.*).', required: true },
    { name: 'partitioner.class', help: 'How records map to object paths (default DefaultPartitioner: by Kafka partition).' },
    { name: 'topics.dir', help: 'Top-level folder of the objects (default topics).' },
    { name: 'rotate.interval.ms', help: 'Commit objects at this interval of record time (default -1: off).', integer: true },
    { name: 'aws.access.key.id', help: 'AWS access key id (else the default credentials provider chain).' },
    { name: 'aws.secret.access.key', help: 'AWS secret access key.', secret: true },
  ),
  defaults: {
    topics: 'output',
    's3.bucket.name': 'my-bucket',
    's3.region': 'us-east-1',
    'flush.size': '1000',
    'storage.class': 'io.confluent.connect.s3.storage.S3Storage',
    'format.class': 'io.confluent.connect.s3.format.json.JsonFormat',
    ...JSON_CONVERTERS,
  },
  topicKey: 'topics',
  topicsOf: sinkTopics,
};
