/**
 * A parsed schema of any format as one small shape (records, unions, enums, scalars with their
 * bounds), so the sample generator and the invariant search's arbitraries walk one thing. Each
 * shape produces JSON as samples hold it, the form validate.ts accepts for the format.
 */
import protobuf from 'protobufjs';
import type avro from 'avsc/etc/browser/avsc-types';
import type { ParsedSchema } from './parse';

export type Shape =
  | { k: 'null' }
  | { k: 'boolean' }
  | { k: 'int'; min: number; max: number }
  | { k: 'float' }
  | { k: 'string'; minLength: number; maxLength: number; format?: string }
  | { k: 'enum'; values: unknown[] }
  | { k: 'array'; items: Shape; minItems: number; maxItems: number }
  | { k: 'map'; values: Shape }
  | { k: 'record'; name?: string; fields: { name: string; shape: Shape; optional: boolean }[]; oneofs: string[][] }
  /** wrap: per branch, the Avro branch name a wrapped union writes the value under (null: unwrapped). */
  | { k: 'union'; branches: Shape[]; wrap?: (string | null)[] }
  | { k: 'any' };

const INT32 = { min: -2147483648, max: 2147483647 };
const SAFE = { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
/** avsc's long without a custom long type: integers within 2^52 (its isValid refuses beyond). */
const AVRO_LONG = { min: -(2 ** 52), max: 2 ** 52 };

export function shapeOf(schema: ParsedSchema): Shape {
  switch (schema.format) {
    case 'avro':
      return avroShape(schema.type, 0);
    case 'json-schema':
      return jsonShape(schema.json, schema.json, 0);
    case 'protobuf':
      return protoShape(schema.type, 0);
  }
}

/** Recursive schemas stop here (an empty record/any beyond). */
const MAX_DEPTH = 6;

function avroShape(t: avro.Type, depth: number): Shape {
  const a = t as unknown as { typeName: string; fields?: { name: string; type: avro.Type; defaultValue(): unknown }[]; symbols?: string[]; itemsType?: avro.Type; valuesType?: avro.Type; types?: avro.Type[]; underlyingType?: avro.Type; branchName?: string };
  if (depth > MAX_DEPTH) return { k: 'any' };
  const name = a.typeName;
  if (name.startsWith('logical:') && a.underlyingType) return avroShape(a.underlyingType, depth);
  switch (name) {
    case 'null':
      return { k: 'null' };
    case 'boolean':
      return { k: 'boolean' };
    case 'int':
      return { k: 'int', ...INT32 };
    case 'long':
      return { k: 'int', ...AVRO_LONG };
    case 'float':
    case 'double':
      return { k: 'float' };
    case 'string':
      return { k: 'string', minLength: 0, maxLength: 20 };
    case 'enum':
      return { k: 'enum', values: a.symbols ?? [] };
    case 'array':
      return { k: 'array', items: avroShape(a.itemsType!, depth + 1), minItems: 0, maxItems: 4 };
    case 'map':
      return { k: 'map', values: avroShape(a.valuesType!, depth + 1) };
    case 'record':
    case 'error':
      return { k: 'record', name: (t as { name?: string }).name, fields: (a.fields ?? []).map((f) => ({ name: f.name, shape: avroShape(f.type, depth + 1), optional: false })), oneofs: [] };
    case 'union:unwrapped':
      return { k: 'union', branches: (a.types ?? []).map((b) => avroShape(b, depth + 1)) };
    case 'union:wrapped':
      return { k: 'union', branches: (a.types ?? []).map((b) => avroShape(b, depth + 1)), wrap: (a.types ?? []).map((b) => ((b as unknown as { typeName: string }).typeName === 'null' ? null : (b as unknown as { branchName: string }).branchName)) };
    default:
      // bytes and fixed are Buffers to avsc: JSON samples cannot hold them (docs/schemas.md).
      return { k: 'any' };
  }
}

type Json = Record<string, unknown>;

function deref(root: unknown, s: unknown): unknown {
  const ref = s && typeof s === 'object' ? (s as Json).$ref : undefined;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return s;
  let at: unknown = root;
  for (const seg of ref.slice(1).split('/').filter(Boolean)) at = at && typeof at === 'object' ? (at as Json)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return at ?? {};
}

function jsonShape(root: unknown, raw: unknown, depth: number): Shape {
  const s = deref(root, raw);
  if (depth > MAX_DEPTH || s === true || s === undefined || s === null || typeof s !== 'object') return { k: 'any' };
  const o = s as Json;
  if ('const' in o) return { k: 'enum', values: [o.const] };
  if (Array.isArray(o.enum)) return { k: 'enum', values: o.enum };
  const alts = (o.oneOf ?? o.anyOf) as unknown[] | undefined;
  if (Array.isArray(alts)) return { k: 'union', branches: alts.map((b) => jsonShape(root, b, depth + 1)) };
  if (Array.isArray(o.type)) return { k: 'union', branches: o.type.map((t) => jsonShape(root, { ...o, type: t }, depth + 1)) };
  const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
  switch (o.type) {
    case 'null':
      return { k: 'null' };
    case 'boolean':
      return { k: 'boolean' };
    case 'integer':
      return { k: 'int', min: Math.ceil(num(o.minimum, num(o.exclusiveMinimum, SAFE.min - 1) + 1)), max: Math.floor(num(o.maximum, num(o.exclusiveMaximum, SAFE.max + 1) - 1)) };
    case 'number':
      return typeof o.minimum === 'number' || typeof o.maximum === 'number' ? { k: 'int', min: num(o.minimum, -1e6), max: num(o.maximum, 1e6) } : { k: 'float' };
    case 'string':
      return { k: 'string', minLength: num(o.minLength, 0), maxLength: num(o.maxLength, Math.max(20, num(o.minLength, 0))), format: typeof o.format === 'string' ? o.format : undefined };
    case 'array':
      return { k: 'array', items: jsonShape(root, o.items ?? {}, depth + 1), minItems: num(o.minItems, 0), maxItems: num(o.maxItems, Math.max(4, num(o.minItems, 0))) };
    case 'object':
    case undefined: {
      const props = (o.properties ?? {}) as Json;
      const required = new Set(Array.isArray(o.required) ? (o.required as string[]) : []);
      if (o.type === undefined && !o.properties) return { k: 'any' };
      return { k: 'record', name: typeof o.title === 'string' ? o.title : undefined, fields: Object.keys(props).map((name) => ({ name, shape: jsonShape(root, props[name], depth + 1), optional: !required.has(name) })), oneofs: [] };
    }
    default:
      return { k: 'any' };
  }
}

const PROTO_INT: Record<string, { min: number; max: number }> = {
  int32: INT32, sint32: INT32, sfixed32: INT32, uint32: { min: 0, max: 4294967295 }, fixed32: { min: 0, max: 4294967295 },
  int64: SAFE, sint64: SAFE, sfixed64: SAFE, uint64: { min: 0, max: SAFE.max }, fixed64: { min: 0, max: SAFE.max },
};

function protoShape(t: protobuf.Type, depth: number): Shape {
  if (depth > MAX_DEPTH) return { k: 'record', name: t.name, fields: [], oneofs: [] };
  const fields = t.fieldsArray.map((f) => {
    f.resolve();
    const one = protoScalar(f, depth);
    const shape: Shape = f.map ? { k: 'map', values: one } : f.repeated ? { k: 'array', items: one, minItems: 0, maxItems: 4 } : one;
    return { name: f.name, shape, optional: true };
  });
  return { k: 'record', name: t.name, fields, oneofs: t.oneofsArray.filter((o) => o.fieldsArray.length > 1 || !o.name.startsWith('_')).map((o) => o.fieldsArray.map((f) => f.name)) };
}

function protoScalar(f: protobuf.Field, depth: number): Shape {
  const rt = f.resolvedType;
  if (rt instanceof protobuf.Type) return protoShape(rt, depth + 1);
  if (rt instanceof protobuf.Enum) return { k: 'enum', values: Object.keys(rt.values) };
  if (PROTO_INT[f.type]) return { k: 'int', ...PROTO_INT[f.type] };
  if (f.type === 'double' || f.type === 'float') return { k: 'float' };
  if (f.type === 'bool') return { k: 'boolean' };
  if (f.type === 'bytes') return { k: 'string', minLength: 0, maxLength: 0, format: 'base64' };
  return { k: 'string', minLength: 0, maxLength: 20 };
}
