/** zod schema of the topology document (docs/topology.schema.json is generated from it). */
import { z } from 'zod';

const position = z.object({ x: z.number(), y: z.number() });

export const sampleRecordSchema = z.object({
  key: z.unknown(),
  value: z.unknown(),
  timestamp: z
    .number({ error: (iss) => (iss.input === undefined ? 'is missing (each record needs a timestamp in epoch milliseconds)' : `must be a number of epoch milliseconds, got ${JSON.stringify(iss.input)}`) })
    .int('must be whole milliseconds')
    .min(0, 'must be >= 0 (epoch milliseconds)'),
  headers: z.record(z.string(), z.string()).optional(),
});

export const designNodeSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  position: position.default({ x: 0, y: 0 }),
});

export const designEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  sourcePort: z.string().optional(),
  target: z.string().min(1),
  targetPort: z.string().default('in'),
});

export const expectedRecordSchema = z.object({
  key: z.unknown(),
  value: z.unknown(),
  timestamp: z.number().int('must be whole milliseconds').min(0, 'must be >= 0 (epoch milliseconds)').optional(),
});

export const expectedSinkSchema = z.object({
  mode: z.enum(['exact', 'ignoreOrder', 'lastPerKey', 'onlyKeys']).default('exact'),
  records: z.array(expectedRecordSchema),
});

/** A test case (src/model/test-cases.ts reads its topic tables key by key, as load.ts does the samples). */
export const testCaseSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  samples: z.record(z.string(), z.array(sampleRecordSchema)).default({}),
  expected: z.record(z.string(), expectedSinkSchema).default({}),
});

export const topicSchemaSchema = z.object({
  format: z.enum(['avro', 'json-schema', 'protobuf']),
  text: z.string(),
  messageType: z.string().optional(),
  subject: z.string().optional(),
});

/** One topic's settings (load.ts reads the topics table topic by topic, as the samples). */
export const topicSettingsSchema = z.object({
  partitions: z.number().int().min(1).optional(),
  keySchema: topicSchemaSchema.optional(),
  valueSchema: topicSchemaSchema.optional(),
});

const serde = z.enum(['json', 'string', 'number', 'bytes']);

export const documentSchema = z.object({
  format: z.literal('streamwright/topology'),
  version: z.literal(1),
  name: z.string().min(1, 'the application needs a name (its Kafka application.id)').regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, ".", "_" and "-" (it becomes the Kafka application.id)'),
  description: z.string().optional(),
  nodes: z.array(designNodeSchema),
  edges: z.array(designEdgeSchema),
  samples: z.record(z.string(), z.array(sampleRecordSchema)).default({}),
  settings: z
    .object({
      defaultKeySerde: serde.default('json'),
      defaultValueSerde: serde.default('json'),
      partitions: z.number().int().min(1).default(1),
    })
    .default({ defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 }),
  tests: z.array(testCaseSchema).optional(),
  /** Per topic: partitions and key/value schemas (read topic by topic by load.ts, like the samples). */
  topics: z.record(z.string(), topicSettingsSchema).optional(),
  /** Saved versions; each design is a document of its own (without versions), read as one by load.ts. */
  versions: z.array(z.object({ id: z.string().min(1), name: z.string(), message: z.string().default(''), savedAt: z.string(), design: z.record(z.string(), z.unknown()) })).optional(),
});
