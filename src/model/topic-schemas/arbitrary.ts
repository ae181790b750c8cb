/**
 * fast-check arbitraries for a topic's records, from its schemas (shape.ts): what the invariant
 * search generates and shrinks. Integers shrink towards 0, strings towards '', lists towards
 * fewer records, so a counterexample ends small. Pure.
 */
import fc from 'fast-check';
import type { SampleRecord, TopicSettings } from '../types';
import { parseTopicSchema } from './parse';
import { shapeOf, type Shape } from './shape';

export function arbitraryOf(s: Shape): fc.Arbitrary<unknown> {
  switch (s.k) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'int':
      return fc.integer({ min: Math.max(s.min, -1_000_000), max: Math.min(s.max, 1_000_000) });
    case 'float':
      return fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    case 'string':
      if (s.format === 'base64') return fc.constantFrom('', 'AA==', 'aGVsbG8=');
      return fc.string({ minLength: s.minLength, maxLength: Math.min(s.maxLength, s.minLength + 12) });
    case 'enum':
      return fc.constantFrom(...(s.values.length ? s.values : [null]));
    case 'array':
      return fc.array(arbitraryOf(s.items), { minLength: s.minItems, maxLength: s.maxItems });
    case 'map':
      return fc.dictionary(fc.string({ maxLength: 4 }), arbitraryOf(s.values), { maxKeys: 3 });
    case 'record':
      return recordArbitrary(s);
    case 'union':
      return fc.oneof(...s.branches.map((b, i) => {
        const wrap = s.wrap?.[i];
        return wrap ? arbitraryOf(b).map((v) => ({ [wrap]: v })) : arbitraryOf(b);
      }));
    default:
      return fc.constant(null);
  }
}

function recordArbitrary(s: Extract<Shape, { k: 'record' }>): fc.Arbitrary<unknown> {
  const inOneof = new Set(s.oneofs.flat());
  const fields = s.fields.filter((f) => !inOneof.has(f.name));
  const model = Object.fromEntries(fields.map((f) => [f.name, arbitraryOf(f.shape)]));
  const required = fields.filter((f) => !f.optional).map((f) => f.name);
  const base = fc.record(model, { requiredKeys: required });
  if (s.oneofs.length === 0) return base;
  // Each oneof sets one of its fields, or none.
  const groups = s.oneofs.map((group) => fc.oneof(fc.constant({}), ...group.map((name) => arbitraryOf(s.fields.find((f) => f.name === name)!.shape).map((v) => ({ [name]: v })))));
  return fc.tuple(base, ...groups).map(([b, ...g]) => Object.assign({}, b, ...g));
}

function sideArbitrary(settings: TopicSettings | undefined, side: 'keySchema' | 'valueSchema'): fc.Arbitrary<unknown> | null {
  const schema = settings?.[side];
  const parsed = schema ? parseTopicSchema(schema) : null;
  return parsed?.ok ? arbitraryOf(shapeOf(parsed.schema)) : null;
}

export interface RecordsArbitraryOptions {
  maxRecords: number;
  startMs: number;
  spanMs: number;
  /** Keys when the topic has no key schema: a few, so records meet in aggregates and joins. */
  keys: unknown[];
}

/** Lists of records for one topic (a side without a schema: the given keys, `{}` values), shrinking to fewer and simpler records. */
export function recordsArbitrary(settings: TopicSettings | undefined, o: RecordsArbitraryOptions): fc.Arbitrary<SampleRecord[]> {
  const key = sideArbitrary(settings, 'keySchema') ?? fc.constantFrom(...(o.keys.length ? o.keys : ['k1']));
  const value = sideArbitrary(settings, 'valueSchema') ?? fc.constant({});
  const record = fc.record({ key, value, timestamp: fc.integer({ min: o.startMs, max: o.startMs + o.spanMs }) });
  return fc.array(record, { maxLength: o.maxRecords });
}
