/**
 * A Kafka Connect connector type as the designer knows it: its class, whether it feeds (source) or
 * reads (sink) Kafka, its real config keys (which are required, which hold secrets, their allowed
 * values) and how the topics it writes or reads follow from its config. One file per connector
 * family beside this one; connector-operator.ts makes each an operator descriptor of the registry.
 */

export type ConnectorDirection = 'source' | 'sink';

/** A connector's config: Connect's own keys and string values, as `PUT /connectors/<name>/config` takes them. */
export type ConnectorConfig = Record<string, string>;

export interface ConnectorKey {
  name: string;
  help: string;
  /** Connect refuses the connector without it (no default). */
  required?: boolean;
  /** Required only in some configurations (e.g. incrementing.column.name with mode=incrementing). */
  requiredWhen?: (config: ConnectorConfig) => boolean;
  /** A password, token or key: the design holds a config provider reference (`${env:NAME}`), never the value. */
  secret?: boolean;
  /** Allowed values (Connect's ValidString). */
  options?: readonly string[];
  /** A whole number (Connect's INT/LONG types). */
  integer?: boolean;
}

/** What the exported project's local mode can run in place of the connector (no cluster). */
export type LocalRunner = 'file-source' | 'file-sink';

export interface ConnectorSpec {
  kind: string;
  /** The connector's usual short name, shown on the card (e.g. FileStreamSource). */
  label: string;
  className: string;
  direction: ConnectorDirection;
  help: string;
  docsUrl: string;
  keys: readonly ConnectorKey[];
  /** The config a node dropped from the palette starts with (secrets as `${env:NAME}` references). */
  defaults: ConnectorConfig;
  /** The config key that names the topic(s), where a topic problem is reported. */
  topicKey: string;
  /** The topics the connector writes (source) or reads (sink), from its config; null when the config does not tell. */
  topicsOf: (config: ConnectorConfig) => string[] | null;
  local?: LocalRunner;
}

/** A comma-separated Connect list (`topics`, `table.whitelist`), trimmed, without empty items. */
export function listOf(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Keys every connector takes (Connect's ConnectorConfig), with the converters set to what the generated app reads by default (JSON without schemas). */
export const COMMON_KEYS: readonly ConnectorKey[] = [
  { name: 'tasks.max', help: 'Maximum number of tasks Connect runs for this connector.', integer: true },
  { name: 'key.converter', help: 'Converter class of record keys (overrides the worker default).' },
  { name: 'value.converter', help: 'Converter class of record values (overrides the worker default).' },
  { name: 'key.converter.schemas.enable', help: 'JsonConverter: wrap keys in {schema, payload} envelopes.', options: ['true', 'false'] },
  { name: 'value.converter.schemas.enable', help: 'JsonConverter: wrap values in {schema, payload} envelopes.', options: ['true', 'false'] },
];

const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';

/** Converters matching the generated app's JSON serdes: plain JSON, no schema envelope. */
export const JSON_CONVERTERS: ConnectorConfig = {
  'tasks.max': '1',
  'key.converter': JSON_CONVERTER,
  'key.converter.schemas.enable': 'false',
  'value.converter': JSON_CONVERTER,
  'value.converter.schemas.enable': 'false',
};

/** Sink connectors read the topics named by `topics` (or a `topics.regex`, which the designer cannot follow). */
const SINK_TOPICS_KEY: ConnectorKey = { name: 'topics', help: 'Comma-separated topics to read (Connect requires topics or topics.regex).', requiredWhen: (c) => !c['topics.regex']?.trim() };
const SINK_TOPICS_REGEX_KEY: ConnectorKey = { name: 'topics.regex', help: 'A Java regex of topics to read, instead of topics (the designer cannot link it to the design).' };

export function sinkTopics(config: ConnectorConfig): string[] | null {
  const topics = listOf(config.topics);
  return topics.length ? topics : null;
}

/** A sink connector's keys: topics (or topics.regex), its own, then the common ones. */
export function sinkKeys(...own: ConnectorKey[]): ConnectorKey[] {
  return [SINK_TOPICS_KEY, SINK_TOPICS_REGEX_KEY, ...own, ...COMMON_KEYS];
}
