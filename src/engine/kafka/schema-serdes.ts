/**
 * Key and value serdes of topics that carry a schema, in the Confluent wire format (magic byte 0,
 * 4-byte big-endian schema id, then the Avro / JSON / Protobuf payload; Protobuf puts its message
 * indexes between the id and the payload) through @kafkajs/confluent-schema-registry.
 *
 * The registry is asked only outside the record path: sink schemas are registered (or looked up)
 * at start, and `prepare` loads the writer schemas of ids a fetched batch names before it is
 * decoded; encoding and decoding themselves are synchronous, like the engine's other serdes, so a
 * record that does not (de)serialize goes through the same exception handlers. A schema id the
 * registry does not know is such a record.
 *
 * Values are what the designer's types say (src/model/topic-schemas/to-typescript.ts): Avro as
 * avsc decodes it, JSON Schema as JSON, Protobuf as protobufjs's toObject with longs, enums and
 * bytes as strings.
 */
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import type { Decode, Encode } from './codec';

export type WireSchemaFormat = 'avro' | 'json-schema' | 'protobuf';

export interface WireSchema {
  format: WireSchemaFormat;
  text: string;
  /** The subject to use, whatever the strategy. */
  subject?: string;
  /** Avro record full name, Protobuf message full name or JSON Schema title: RecordNameStrategy's subject. */
  recordName?: string;
  /** Protobuf: the message's name relative to the file's package (the client's `messageName`). */
  messageName?: string;
}

export type TopicSchemaTable = Record<string, { key?: WireSchema; value?: WireSchema }>;

/** Kafka's subject.name.strategy: TopicNameStrategy (default), RecordNameStrategy, TopicRecordNameStrategy. */
export type SubjectNameStrategy = 'topic' | 'record' | 'topic-record';

export interface SchemaRegistrySettings {
  url: string;
  topics: TopicSchemaTable;
  subjectNameStrategy?: SubjectNameStrategy;
  /** Register sink schemas at start (default, as Confluent serializers' auto.register.schemas); false: look them up. */
  autoRegister?: boolean;
}

export type SchemaPart = 'key' | 'value';

/** The subject a topic's key or value schema is registered under. */
export function subjectName(topic: string, part: SchemaPart, schema: WireSchema, strategy: SubjectNameStrategy = 'topic'): string {
  if (schema.subject) return schema.subject;
  if (strategy === 'topic' || !schema.recordName) return `${topic}-${part}`;
  return strategy === 'record' ? schema.recordName : `${topic}-${schema.recordName}`;
}

const TYPE_OF: Record<WireSchemaFormat, SchemaType> = { avro: SchemaType.AVRO, 'json-schema': SchemaType.JSON, protobuf: SchemaType.PROTOBUF };
const PROTO_OBJECT = { longs: String, enums: String, bytes: String, defaults: true };

/** What the client's schema objects offer (avsc Type, JsonSchema, ProtoSchema). */
interface ClientSchema {
  toBuffer(value: unknown): Buffer;
  fromBuffer(payload: Buffer): unknown;
  isValid?(value: unknown, opts: { errorHook: (path: string[]) => void }): boolean;
}
interface ProtoType { fromObject(o: unknown): unknown; toObject(m: unknown, o: object): unknown; name: string; parent: { nestedArray?: unknown[]; fieldsArray?: unknown } | null }

export class SchemaSerdes {
  private readonly clients = new Map<string, SchemaRegistry>();
  /** Writer schemas by client and id, or why the id could not be loaded. */
  private readonly byId = new Map<string, ClientSchema | Error>();
  private readonly encoders = new Map<string, Encode>();
  private readonly decoders = new Map<string, Decode>();

  private constructor(private readonly settings: SchemaRegistrySettings) {}

  /** Registers (or looks up) the schemas of the given topics, which this app will write. */
  static async start(settings: SchemaRegistrySettings, writtenTopics: Iterable<string>): Promise<SchemaSerdes> {
    const serdes = new SchemaSerdes(settings);
    for (const topic of writtenTopics) {
      for (const part of ['key', 'value'] as const) {
        const schema = schemaOf(settings.topics, topic, part);
        if (schema) serdes.encoders.set(`${topic}\0${part}`, await serdes.writer(topic, part, schema));
      }
    }
    return serdes;
  }

  /** The encoder of a topic's key or value, when the topic has a schema for it and this app writes it. */
  encoder(topic: string, part: SchemaPart): Encode | undefined {
    return this.encoders.get(`${topic}\0${part}`);
  }

  /** The decoder of a topic's key or value when it has a schema; `prepare` the records first. */
  decoder(topic: string, part: SchemaPart): Decode | undefined {
    const schema = schemaOf(this.settings.topics, topic, part);
    if (!schema) return undefined;
    const id = `${topic}\0${part}`;
    let d = this.decoders.get(id);
    if (!d) this.decoders.set(id, (d = this.reader(schema)));
    return d;
  }

  /** Loads the writer schemas that these serialized keys or values name (unknown ids are remembered as errors). */
  async prepare(topic: string, part: SchemaPart, buffers: Iterable<Buffer | null>): Promise<void> {
    const schema = schemaOf(this.settings.topics, topic, part);
    if (!schema) return;
    for (const b of buffers) {
      if (b === null || b.length < 5 || b[0] !== 0) continue;
      const id = b.readInt32BE(1);
      const key = `${clientKey(schema)}:${id}`;
      if (this.byId.has(key)) continue;
      try {
        this.byId.set(key, (await this.client(schema).getSchema(id)) as unknown as ClientSchema);
      } catch (e) {
        this.byId.set(key, new Error(`schema id ${id} could not be read from the registry: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
  }

  private client(schema: WireSchema): SchemaRegistry {
    const key = clientKey(schema);
    let c = this.clients.get(key);
    if (!c) {
      const options = schema.format === 'protobuf' && schema.messageName ? { [SchemaType.PROTOBUF]: { messageName: schema.messageName } } : undefined;
      this.clients.set(key, (c = new SchemaRegistry({ host: this.settings.url }, options)));
    }
    return c;
  }

  private async writer(topic: string, part: SchemaPart, schema: WireSchema): Promise<Encode> {
    const client = this.client(schema);
    const subject = subjectName(topic, part, schema, this.settings.subjectNameStrategy);
    const confluent = { type: TYPE_OF[schema.format], schema: schema.text } as Parameters<SchemaRegistry['register']>[0];
    const id = this.settings.autoRegister === false
      ? await client.getRegistryIdBySchema(subject, confluent as never)
      : isUnnamedAvro(schema)
        ? await registerUnnamed(this.settings.url, subject, schema.text)
        : (await client.register(confluent as never, { subject })).id;
    const written = (await client.getSchema(id)) as unknown as ClientSchema;
    const header = Buffer.alloc(5);
    header.writeInt32BE(id, 1);
    if (schema.format !== 'protobuf') {
      return (v) => (v === null || v === undefined ? null : Buffer.concat([header, toBuffer(written, v, schema.format)]));
    }
    const type = messageTypeOf(written);
    const framed = Buffer.concat([header, messageIndexes(type)]);
    return (v) => (v === null || v === undefined ? null : Buffer.concat([framed, written.toBuffer(type.fromObject(v))]));
  }

  private reader(schema: WireSchema): Decode {
    const prefix = `${clientKey(schema)}:`;
    return (b) => {
      if (b === null) return null;
      if (b.length < 5 || b[0] !== 0) throw new Error(`not in the Confluent wire format (${b.length < 5 ? `${b.length} bytes` : `magic byte ${b[0]}`}, expected 0 and a schema id)`);
      const writer = this.byId.get(prefix + b.readInt32BE(1));
      if (writer === undefined) throw new Error(`schema id ${b.readInt32BE(1)} was not loaded from the registry`);
      if (writer instanceof Error) throw writer;
      if (schema.format !== 'protobuf') return writer.fromBuffer(b.subarray(5));
      const message = writer.fromBuffer(b.subarray(skipMessageIndexes(b, 5))) as { $type: ProtoType };
      return message.$type.toObject(message, PROTO_OBJECT);
    };
  }
}

/** A topic's key or value schema (own entries only: a topic may be named like an Object.prototype member). */
function schemaOf(table: TopicSchemaTable, topic: string, part: SchemaPart): WireSchema | undefined {
  return Object.hasOwn(table, topic) ? table[topic][part] : undefined;
}

/** A primitive (or array, map, union) Avro schema: the client's register refuses schemas without a name. */
function isUnnamedAvro(schema: WireSchema): boolean {
  return schema.format === 'avro' && !schema.recordName;
}

/** Registers such a schema with the registry's own endpoint (what the client would send, less its name check). */
async function registerUnnamed(url: string, subject: string, text: string): Promise<number> {
  const res = await fetch(`${url.replace(/\/+$/, '')}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: text }),
  });
  const body = (await res.json()) as { id?: number; message?: string };
  if (!res.ok || typeof body.id !== 'number') throw new Error(`registering ${subject}: ${res.status} ${body.message ?? ''}`.trim());
  return body.id;
}

function clientKey(schema: WireSchema): string {
  return schema.format === 'protobuf' ? `protobuf:${schema.messageName ?? ''}` : 'default';
}

/** Serializes with the writer schema; a value that does not match names the paths that do not. */
function toBuffer(schema: ClientSchema, value: unknown, format: WireSchemaFormat): Buffer {
  try {
    return schema.toBuffer(value);
  } catch (e) {
    const paths: string[] = [];
    if (format === 'avro') schema.isValid?.(value, { errorHook: (path) => paths.push(path.join('.') || '(the value)') });
    const where = paths.length ? ` at ${paths.join(', ')}` : '';
    throw new Error(`the value does not match the topic's ${format} schema${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The client's Protobuf message type: the type of the (empty) message an empty payload decodes to. */
function messageTypeOf(schema: ClientSchema): ProtoType {
  return (schema.fromBuffer(Buffer.alloc(0)) as { $type: ProtoType }).$type;
}

/** Confluent's message indexes: the path of the message among the file's (nested) messages, zigzag varints; [0] is one 0 byte. */
function messageIndexes(type: ProtoType): Buffer {
  const path: number[] = [];
  for (let t: ProtoType | null = type; t; ) {
    const parent = t.parent as unknown as { nestedArray?: unknown[]; fieldsArray?: unknown } | null;
    const siblings = (parent?.nestedArray ?? []).filter((n) => (n as { fieldsArray?: unknown }).fieldsArray !== undefined);
    path.unshift(siblings.indexOf(t));
    t = parent && parent.fieldsArray !== undefined ? (parent as unknown as ProtoType) : null;
  }
  if (path.length === 1 && path[0] === 0) return Buffer.from([0]);
  return Buffer.from([path.length, ...path].flatMap(zigzagVarint));
}

function zigzagVarint(n: number): number[] {
  let v = (n << 1) ^ (n >> 31);
  const out: number[] = [];
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

/** Where the Protobuf payload starts: after the message indexes that follow the schema id. */
function skipMessageIndexes(b: Buffer, at: number): number {
  let count = 0;
  const readVarint = () => {
    let shift = 0;
    let v = 0;
    for (;;) {
      if (at >= b.length) throw new Error('truncated Protobuf message indexes');
      const byte = b[at++];
      v |= (byte & 0x7f) << shift;
      if (byte < 0x80) return (v >>> 1) ^ -(v & 1);
      shift += 7;
    }
  };
  count = readVarint();
  for (let i = 0; i < count; i++) readVarint();
  return at;
}
