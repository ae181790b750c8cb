/**
 * "Generate from schema": N sample records whose keys and values satisfy the topic's schemas, from
 * a seed (the same seed and options give the same records). Controls: key cardinality, null and
 * absent rates for optional fields, enum and union coverage (round robin over the symbols and
 * branches), boundary values, the event-time span, out-of-order and late shares, duplicates and
 * tombstones. Pure (a seeded generator over shape.ts; no Math.random, no clock).
 */
import type { SampleRecord, TopicSettings } from '../types';
import { parseTopicSchema } from './parse';
import { shapeOf, type Shape } from './shape';

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Distinct keys (drawn from the key schema, or `key-1`...). */
  keyCardinality: number;
  /** Share of nullable values (a union with null) that are null, and of optional fields left out. */
  nullRate: number;
  absentRate: number;
  /** Each enum symbol and union branch in turn (else drawn at random). */
  coverage: boolean;
  /** Share of scalars that take a boundary value: '', 0, -1, the type's min and max. */
  boundaryRate: number;
  startMs: number;
  spanMs: number;
  /** Share of records moved before an earlier one, and of records late by `lateByMs`. */
  outOfOrder: number;
  late: number;
  lateByMs: number;
  /** Share of records repeating an earlier record exactly, and of tombstones (null value) for an earlier key. */
  duplicates: number;
  tombstones: number;
}

export const DEFAULT_GENERATE: GenerateOptions = {
  count: 20, seed: 1, keyCardinality: 5, nullRate: 0.2, absentRate: 0.2, coverage: true, boundaryRate: 0.1,
  startMs: Date.UTC(2024, 0, 1), spanMs: 10 * 60_000, outOfOrder: 0, late: 0, lateByMs: 5 * 60_000, duplicates: 0, tombstones: 0,
};

/** mulberry32: a small seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class ValueGen {
  private turns = new Map<Shape, number>();
  constructor(private rnd: () => number, private o: GenerateOptions) {}

  private pick(shape: Shape, n: number): number {
    if (!this.o.coverage) return Math.floor(this.rnd() * n);
    const i = this.turns.get(shape) ?? Math.floor(this.rnd() * n);
    this.turns.set(shape, i + 1);
    return i % n;
  }

  private int(min: number, max: number): number {
    if (this.rnd() < this.o.boundaryRate) {
      const edges = [0, -1, 1, min, max].filter((x) => x >= min && x <= max);
      return edges[Math.floor(this.rnd() * edges.length)];
    }
    const lo = Math.max(min, -1000);
    const hi = Math.min(max, 1000);
    return lo > hi ? min : lo + Math.floor(this.rnd() * (hi - lo + 1));
  }

  private string(s: Extract<Shape, { k: 'string' }>): string {
    if (s.format === 'base64') return ['', 'AA==', 'aGVsbG8='][Math.floor(this.rnd() * 3)];
    if (s.format === 'date-time') return new Date(this.o.startMs + Math.floor(this.rnd() * this.o.spanMs)).toISOString();
    const boundary = this.rnd() < this.o.boundaryRate;
    const len = boundary ? (this.rnd() < 0.5 ? s.minLength : s.maxLength) : s.minLength + Math.floor(this.rnd() * (Math.min(s.maxLength, s.minLength + 8) - s.minLength + 1));
    let out = '';
    for (let i = 0; i < len; i++) out += 'abcdefghijklmnopqrstuvwxyz'[Math.floor(this.rnd() * 26)];
    return out;
  }

  value(s: Shape): unknown {
    switch (s.k) {
      case 'null':
        return null;
      case 'boolean':
        return this.rnd() < 0.5;
      case 'int':
        return this.int(s.min, s.max);
      case 'float':
        return this.rnd() < this.o.boundaryRate ? [0, -1.5, 1e9][Math.floor(this.rnd() * 3)] : Math.round(this.rnd() * 100000) / 100;
      case 'string':
        return this.string(s);
      case 'enum':
        return s.values[this.pick(s, s.values.length)];
      case 'array': {
        const n = s.minItems + Math.floor(this.rnd() * (s.maxItems - s.minItems + 1));
        return Array.from({ length: n }, () => this.value(s.items));
      }
      case 'map':
        return Object.fromEntries(Array.from({ length: Math.floor(this.rnd() * 3) }, (_, i) => [`k${i}`, this.value(s.values)]));
      case 'record':
        return this.record(s);
      case 'union':
        return this.union(s);
      default:
        return null;
    }
  }

  private union(s: Extract<Shape, { k: 'union' }>): unknown {
    const nullAt = s.branches.findIndex((b) => b.k === 'null');
    const i = nullAt >= 0 && this.rnd() < this.o.nullRate ? nullAt : nullAt >= 0 && s.branches.length > 1 ? this.nonNull(s, nullAt) : this.pick(s, s.branches.length);
    const v = this.value(s.branches[i]);
    const wrap = s.wrap?.[i];
    return wrap ? { [wrap]: v } : v;
  }

  private nonNull(s: Extract<Shape, { k: 'union' }>, nullAt: number): number {
    const i = this.pick(s, s.branches.length - 1);
    return i >= nullAt ? i + 1 : i;
  }

  private record(s: Extract<Shape, { k: 'record' }>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // A oneof sets one of its fields, or none (index group.length).
    const skipped = new Set(s.oneofs.flatMap((group) => {
      const kept = Math.floor(this.rnd() * (group.length + 1));
      return group.filter((_, j) => j !== kept);
    }));
    for (const f of s.fields) {
      if (skipped.has(f.name) || (f.optional && this.rnd() < this.o.absentRate)) continue;
      out[f.name] = this.value(f.shape);
    }
    return out;
  }
}

/** The shape of one side of a topic, or null when it has no usable schema. */
function sideShape(settings: TopicSettings | undefined, side: 'keySchema' | 'valueSchema'): Shape | null {
  const schema = settings?.[side];
  const parsed = schema ? parseTopicSchema(schema) : null;
  return parsed?.ok ? shapeOf(parsed.schema) : null;
}

/** N records for a topic with these schemas (a side without one: `key-<i>` keys, `{}` values). */
export function generateFromSchema(settings: TopicSettings | undefined, options: Partial<GenerateOptions> = {}): SampleRecord[] {
  const o = { ...DEFAULT_GENERATE, ...options };
  const rnd = seededRandom(o.seed);
  const gen = new ValueGen(rnd, o);
  const keyShape = sideShape(settings, 'keySchema');
  const valueShape = sideShape(settings, 'valueSchema');
  const keys = Array.from({ length: Math.max(1, o.keyCardinality) }, (_, i) => (keyShape ? gen.value(keyShape) : `key-${i + 1}`));
  const records: SampleRecord[] = [];
  for (let i = 0; i < o.count; i++) {
    const timestamp = o.startMs + Math.round((o.spanMs * i) / Math.max(1, o.count - 1));
    const earlier = records.length ? records[Math.floor(rnd() * records.length)] : undefined;
    const roll = rnd();
    if (earlier && roll < o.duplicates) records.push({ ...earlier });
    else if (earlier && roll < o.duplicates + o.tombstones) records.push({ key: earlier.key, value: null, timestamp });
    else records.push({ key: keys[Math.floor(rnd() * keys.length)], value: valueShape ? gen.value(valueShape) : {}, timestamp });
  }
  return disorder(records, rnd, o);
}

/** Moves a share of records before earlier ones (out of order) and a share back by lateByMs (late). */
function disorder(records: SampleRecord[], rnd: () => number, o: GenerateOptions): SampleRecord[] {
  const out = records.map((r) => (rnd() < o.late ? { ...r, timestamp: r.timestamp - o.lateByMs } : r));
  for (let i = 1; i < out.length; i++) {
    if (rnd() >= o.outOfOrder) continue;
    const j = Math.floor(rnd() * i);
    const [r] = out.splice(i, 1);
    out.splice(j, 0, r);
  }
  return out;
}
