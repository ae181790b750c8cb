/**
 * Whether a record's key or value (as JSON, the way samples and the preview hold it) matches its
 * topic's schema, as a list of problems with the field path (`$.customer.id`). Avro and JSON
 * Schema are checked by their libraries (avsc's isValid with its error hook, ajv with allErrors);
 * Protobuf by protobufjs' reflection of the message, read with proto3's JSON mapping (field names in
 * camelCase as protobufjs gives them, or as written in the .proto; enums by name or number, 64-bit integers as numbers or decimal strings).
 */
import type avro from 'avsc/etc/browser/avsc-types';
import protobuf from 'protobufjs';
import type { TopicSchema } from '../types';
import { jsonPath } from './json-text';
import { lowerCamel, parseTopicSchema, type ParsedSchema } from './parse';

export interface ValueProblem {
  path: string;
  message: string;
}

/** Problems of a value against a schema; a schema that does not parse reports one problem at `$`. */
export function validateBySchema(schema: TopicSchema, value: unknown): ValueProblem[] {
  const parsed = parseTopicSchema(schema);
  if (!parsed.ok) return [{ path: '$', message: `the schema is invalid: ${parsed.problems[0].message}` }];
  return validateParsed(parsed.schema, value);
}

export function validateParsed(schema: ParsedSchema, value: unknown): ValueProblem[] {
  switch (schema.format) {
    case 'avro':
      return validateAvro(schema.type, value);
    case 'json-schema':
      return validateJson(schema.validate, value);
    case 'protobuf':
      return validateMessage(schema.type, value, []);
  }
}

function validateAvro(type: avro.Type, value: unknown): ValueProblem[] {
  const out: ValueProblem[] = [];
  type.isValid(value, {
    errorHook: (path: string[], any: unknown, t: avro.Type) => {
      out.push({ path: jsonPath(path), message: any === undefined ? `missing (expected ${describeAvro(t)})` : `expected ${describeAvro(t)}, got ${shortJson(any)}` });
    },
  });
  return out;
}

function describeAvro(t: avro.Type): string {
  const name = (t as { name?: string }).name;
  return name ? `${t.typeName} ${name}` : (t.typeName ?? 'a value');
}

function shortJson(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function validateJson(validate: (v: unknown) => boolean, value: unknown): ValueProblem[] {
  if (validate(value)) return [];
  const errors = (validate as unknown as { errors?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[] }).errors ?? [];
  return errors.map((e) => {
    const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    // ajv puts a missing property at its parent; the field it names is where the user looks.
    if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') return { path: jsonPath([...segments, e.params.missingProperty]), message: 'missing (required)' };
    if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string') return { path: jsonPath([...segments, e.params.additionalProperty]), message: 'not allowed (additionalProperties)' };
    return { path: jsonPath(segments), message: e.message ?? `fails ${e.keyword}` };
  });
}

type Path = (string | number)[];

function validateMessage(type: protobuf.Type, value: unknown, path: Path): ValueProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ path: jsonPath(path), message: `expected message ${type.name}, got ${shortJson(value)}` }];
  const out: ValueProblem[] = [];
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const field = type.fields[key] ?? type.fields[lowerCamel(key)];
    if (!field) out.push({ path: jsonPath([...path, key]), message: `message ${type.name} has no field "${key}"` });
    else if (obj[key] !== null) out.push(...validateField(field, obj[key], [...path, key]));
  }
  for (const oneof of type.oneofsArray) {
    const set = oneof.fieldsArray.filter((f) => obj[f.name] !== undefined && obj[f.name] !== null);
    if (set.length > 1) out.push({ path: jsonPath(path), message: `oneof ${oneof.name} has several fields set (${set.map((f) => f.name).join(', ')})` });
  }
  return out;
}

function validateField(field: protobuf.Field, value: unknown, path: Path): ValueProblem[] {
  field.resolve();
  if (field.map) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ path: jsonPath(path), message: `expected a map (object), got ${shortJson(value)}` }];
    return Object.entries(value as object).flatMap(([k, v]) => validateScalarOrMessage(field, v, [...path, k]));
  }
  if (field.repeated) {
    if (!Array.isArray(value)) return [{ path: jsonPath(path), message: `expected a list, got ${shortJson(value)}` }];
    return value.flatMap((v, i) => validateScalarOrMessage(field, v, [...path, i]));
  }
  return validateScalarOrMessage(field, value, path);
}

const INT32 = new Set(['int32', 'sint32', 'sfixed32', 'uint32', 'fixed32']);
const INT64 = new Set(['int64', 'sint64', 'sfixed64', 'uint64', 'fixed64']);

function validateScalarOrMessage(field: protobuf.Field, value: unknown, path: Path): ValueProblem[] {
  const at = (message: string) => [{ path: jsonPath(path), message }];
  const rt = field.resolvedType;
  if (rt instanceof protobuf.Type) return validateMessage(rt, value, path);
  if (rt instanceof protobuf.Enum) {
    const ok = typeof value === 'string' ? value in rt.values : Number.isInteger(value) && Object.values(rt.values).includes(value as number);
    return ok ? [] : at(`expected one of ${Object.keys(rt.values).join(', ')}, got ${shortJson(value)}`);
  }
  const t = field.type;
  if (INT32.has(t)) return Number.isInteger(value) && inRange(t, value as number) ? [] : at(`expected ${t}, got ${shortJson(value)}`);
  if (INT64.has(t)) return Number.isSafeInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value)) ? [] : at(`expected ${t} (an integer or a decimal string), got ${shortJson(value)}`);
  if (t === 'double' || t === 'float') return typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity' ? [] : at(`expected ${t}, got ${shortJson(value)}`);
  if (t === 'bool') return typeof value === 'boolean' ? [] : at(`expected bool, got ${shortJson(value)}`);
  if (t === 'string') return typeof value === 'string' ? [] : at(`expected string, got ${shortJson(value)}`);
  if (t === 'bytes') return typeof value === 'string' && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value) ? [] : at(`expected bytes (base64), got ${shortJson(value)}`);
  return [];
}

function inRange(t: string, n: number): boolean {
  return t.startsWith('u') || t === 'fixed32' ? n >= 0 && n <= 0xffffffff : n >= -0x80000000 && n <= 0x7fffffff;
}
