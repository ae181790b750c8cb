/**
 * A topic's schema read by its ecosystem's library: avsc for Avro, ajv for JSON Schema, protobufjs
 * for Protobuf. Problems come back as data with the line (and column) where the library lets us
 * know it; nothing here throws on a user's schema. Parsed schemas are cached by their text, as the
 * checker, the samples panel and the preview all ask about the same few schemas on every edit.
 */
import avro from 'avsc/etc/browser/avsc-types';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import protobuf from 'protobufjs';
import type { TopicSchema } from '../types';
import { positionAt, readJson, nodeAtPointer, type PositionedJson } from './json-text';
import { findMessage, parseProto } from './protobuf-to-ts';

export type ParsedSchema =
  | { format: 'avro'; type: avro.Type }
  | { format: 'json-schema'; json: unknown; validate: ValidateFunction }
  | { format: 'protobuf'; root: protobuf.Root; type: protobuf.Type };

export interface SchemaProblem {
  code: 'E_SCHEMA_INVALID' | 'E_SCHEMA_MESSAGE_TYPE';
  message: string;
  line?: number;
  column?: number;
}

export type SchemaParse = { ok: true; schema: ParsedSchema } | { ok: false; problems: SchemaProblem[] };

const CACHE_LIMIT = 64;
const cache = new Map<string, SchemaParse>();

/** The schema read by its library (cached by format, message type and text). */
export function parseTopicSchema(schema: TopicSchema): SchemaParse {
  const key = `${schema.format}\0${schema.messageType ?? ''}\0${schema.text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = parseUncached(schema);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

function parseUncached(schema: TopicSchema): SchemaParse {
  if (!schema.text.trim()) return invalid('the schema is empty');
  switch (schema.format) {
    case 'avro':
      return parseAvro(schema.text);
    case 'json-schema':
      return parseJsonSchema(schema.text);
    case 'protobuf':
      return parseProtobuf(schema.text, schema.messageType);
    default:
      return invalid(`unknown schema format "${String((schema as TopicSchema).format)}"`);
  }
}

function invalid(message: string, at?: { line: number; column: number }, code: SchemaProblem['code'] = 'E_SCHEMA_INVALID'): SchemaParse {
  return { ok: false, problems: [{ code, message, ...(at ?? {}) }] };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function parseAvro(text: string): SchemaParse {
  const read = readJson(text);
  if (!read.ok) return invalid(read.message, read.position);
  // avsc names no position: its type hook sees each schema just before avsc reads it, so the last
  // one seen when it throws is the one at fault (a string: the nearest such string after the last object).
  let lastObject: object | undefined;
  let lastSeen: unknown;
  const typeHook = (s: unknown) => {
    lastSeen = s;
    if (s && typeof s === 'object') lastObject = s;
    return undefined;
  };
  try {
    return { ok: true, schema: { format: 'avro', type: avro.Type.forSchema(read.json.value as avro.Schema, { typeHook: typeHook as never }) } };
  } catch (e) {
    return invalid(`Avro: ${errorText(e)}`, positionAt(text, faultOffset(read.json, lastObject, lastSeen)));
  }
}

function faultOffset(json: PositionedJson, lastObject: object | undefined, lastSeen: unknown): number {
  const objectAt = lastObject ? json.offsets.get(lastObject) ?? 0 : 0;
  if (typeof lastSeen !== 'string') return objectAt;
  return json.strings.find((s) => s.offset >= objectAt && s.value === lastSeen)?.offset ?? objectAt;
}

function parseJsonSchema(text: string): SchemaParse {
  const read = readJson(text);
  if (!read.ok) return invalid(read.message, read.position);
  const json = read.json.value;
  if (typeof json !== 'boolean' && (json === null || typeof json !== 'object' || Array.isArray(json))) return invalid('JSON Schema: a schema is an object (or true/false)', positionAt(text, 0));
  const draft = typeof json === 'object' ? String((json as Record<string, unknown>).$schema ?? '') : '';
  // strict off: vendors' keywords (javaType, examples of tools) are common in real schemas.
  const options = { allErrors: true, strict: false, logger: false as const };
  const ajv = /2020-12|2019-09/.test(draft) ? new Ajv2020(options) : new Ajv(options);
  try {
    if (!ajv.validateSchema(json as object)) {
      return { ok: false, problems: (ajv.errors ?? []).map((e) => ({ code: 'E_SCHEMA_INVALID' as const, message: `JSON Schema: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`, ...positionAt(text, nodeAtPointer(read.json.root, e.instancePath)?.offset ?? 0) })) };
    }
    return { ok: true, schema: { format: 'json-schema', json, validate: ajv.compile(json as object) } };
  } catch (e) {
    return invalid(`JSON Schema: ${errorText(e)}`, positionAt(text, 0));
  }
}

function parseProtobuf(text: string, messageType: string | undefined): SchemaParse {
  let root: protobuf.Root;
  try {
    root = parseProto(text);
  } catch (e) {
    // protobufjs reports the line only inside its message ("... (line 4)").
    const line = /\(line (\d+)\)/.exec(errorText(e))?.[1];
    return invalid(`Protobuf: ${errorText(e)}`, line ? { line: Number(line), column: 1 } : undefined);
  }
  const unresolved = firstUnresolvedField(root);
  if (unresolved) return invalid(`Protobuf: field "${unresolved.name}" has unknown type "${unresolved.type}"`, fieldPosition(text, unresolved));
  try {
    root.resolveAll();
  } catch (e) {
    return invalid(`Protobuf: ${errorText(e)}`);
  }
  try {
    return { ok: true, schema: { format: 'protobuf', root, type: findMessage(root, messageType) } };
  } catch {
    return messageType ? invalid(`Protobuf: the file declares no message "${messageType}"`, undefined, 'E_SCHEMA_MESSAGE_TYPE') : invalid('Protobuf: the file declares no message');
  }
}

/** Every message type of the file, in declaration order (nested ones after their parent). */
export function messageTypes(ns: protobuf.NamespaceBase): protobuf.Type[] {
  const out: protobuf.Type[] = [];
  for (const n of ns.nestedArray) {
    if (n instanceof protobuf.Type) out.push(n);
    if (n instanceof protobuf.Namespace || n instanceof protobuf.Type) out.push(...messageTypes(n));
  }
  return out;
}

function firstUnresolvedField(root: protobuf.Root): protobuf.Field | undefined {
  for (const t of messageTypes(root)) {
    for (const f of t.fieldsArray) {
      try {
        f.resolve();
      } catch {
        return f;
      }
    }
  }
  return undefined;
}

/**
 * Where a field is declared (`Foo customer = 2;`): protobufjs keeps no positions for fields, and
 * names them in camelCase (`total_cents` is `totalCents`).
 */
function fieldPosition(text: string, f: protobuf.Field): { line: number; column: number } | undefined {
  const escaped = f.type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = [...text.matchAll(new RegExp(`${escaped}\\s+(\\w+)\\s*=`, 'g'))];
  const m = found.find((x) => lowerCamel(x[1]) === f.name) ?? found[0];
  return m ? positionAt(text, m.index) : undefined;
}

/** protobufjs' field names (keepCase off): `total_cents` is `totalCents`. */
export function lowerCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
