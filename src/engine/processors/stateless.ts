/** Stateless KStream processors. Each is a few lines: take a record, forward zero or more. */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { KeyValue } from '../api';
import type { FusableStep, Scratch } from '../core/fusion';
import type { InlineStep } from '../core/fused-code';

abstract class Base implements Processor {
  protected ctx!: ProcessorContext;
  init(ctx: ProcessorContext): void {
    this.ctx = ctx;
  }
  abstract process(r: StreamRecord): void;
}

/**
 * A one-in, at-most-one-out stateless processor. `apply` is its whole behaviour on a scratch
 * key/value; `process` runs it alone, and a fused run (core/fusion.ts) runs several in a row.
 */
export abstract class Step extends Base implements FusableStep {
  readonly fusable = true;
  abstract readonly rewrites: boolean;
  private readonly s: Scratch = { key: null, value: null };
  abstract apply(s: Scratch): boolean;
  process(r: StreamRecord) {
    const s = this.s;
    s.key = r.key;
    s.value = r.value;
    if (!this.apply(s)) return;
    if (this.rewrites) this.ctx.forwardNew(s.key, s.value, r.timestamp, r.headers);
    else this.ctx.forward(r);
  }
}

export class FilterProcessor extends Step {
  readonly rewrites = false;
  constructor(
    private readonly predicate: (k: unknown, v: unknown) => boolean,
    private readonly negate: boolean,
  ) {
    super();
  }
  get inline(): InlineStep {
    return { op: 'filter', fn: this.predicate, negate: this.negate };
  }
  apply(s: Scratch) {
    return Boolean(this.predicate(s.key, s.value)) !== this.negate;
  }
}

export class MapProcessor extends Step {
  readonly rewrites = true;
  constructor(private readonly mapper: (k: unknown, v: unknown) => KeyValue<unknown, unknown> | null) {
    super();
  }
  get inline(): InlineStep {
    return { op: 'map', fn: this.mapper, check: (kv) => checkKeyValue(kv, 'map') };
  }
  apply(s: Scratch) {
    const kv = this.mapper(s.key, s.value);
    if (kv == null) return false;
    checkKeyValue(kv, 'map');
    s.key = kv[0];
    s.value = kv[1];
    return true;
  }
}

export class MapValuesProcessor extends Step {
  readonly rewrites = true;
  constructor(private readonly mapper: (v: unknown, k: unknown) => unknown) {
    super();
  }
  get inline(): InlineStep {
    return { op: 'mapValues', fn: this.mapper };
  }
  apply(s: Scratch) {
    s.value = this.mapper(s.value, s.key);
    return true;
  }
}

export class FlatMapProcessor extends Base {
  constructor(private readonly mapper: (k: unknown, v: unknown) => Iterable<KeyValue<unknown, unknown>> | null) {
    super();
  }
  process(r: StreamRecord) {
    const out = this.mapper(r.key, r.value);
    if (out == null) return;
    for (const kv of iterableOf(out, 'flatMap')) {
      checkKeyValue(kv, 'flatMap');
      this.ctx.forwardNew(kv[0], kv[1], r.timestamp, r.headers);
    }
  }
}

export class FlatMapValuesProcessor extends Base {
  constructor(private readonly mapper: (v: unknown, k: unknown) => Iterable<unknown> | null) {
    super();
  }
  process(r: StreamRecord) {
    const out = this.mapper(r.value, r.key);
    if (out == null) return;
    for (const v of iterableOf(out, 'flatMapValues')) this.ctx.forwardNew(r.key, v, r.timestamp, r.headers);
  }
}

export class SelectKeyProcessor extends Step {
  readonly rewrites = true;
  constructor(private readonly mapper: (k: unknown, v: unknown) => unknown) {
    super();
  }
  get inline(): InlineStep {
    return { op: 'selectKey', fn: this.mapper };
  }
  apply(s: Scratch) {
    s.key = this.mapper(s.key, s.value);
    return true;
  }
}

export class PeekProcessor extends Step {
  readonly rewrites = false;
  constructor(private readonly action: (k: unknown, v: unknown) => void) {
    super();
  }
  get inline(): InlineStep {
    return { op: 'peek', fn: this.action };
  }
  apply(s: Scratch) {
    this.action(s.key, s.value);
    return true;
  }
}

/** Passes records on unchanged (merge, repartition boundaries, toStream of streams, split branches). */
export class PassThroughProcessor extends Step {
  readonly rewrites = false;
  readonly inline: InlineStep = { op: 'pass' };
  apply() {
    return true;
  }
}

/** split(): the first branch whose predicate matches gets the record; none matching -> default or dropped. */
export class BranchProcessor extends Base {
  constructor(
    private readonly predicates: ((k: unknown, v: unknown) => boolean)[],
    /** Child processor names, one per predicate, then the default branch's (or null). */
    private readonly children: string[],
    private readonly defaultChild: string | null,
  ) {
    super();
  }
  process(r: StreamRecord) {
    for (let i = 0; i < this.predicates.length; i++) {
      if (this.predicates[i](r.key, r.value)) {
        this.ctx.forward(r, this.children[i]);
        return;
      }
    }
    if (this.defaultChild !== null) this.ctx.forward(r, this.defaultChild);
  }
}

function checkKeyValue(kv: unknown, op: string): asserts kv is KeyValue<unknown, unknown> {
  if (!Array.isArray(kv) || kv.length !== 2) throw new Error(`${op} mapper must return a [key, value] pair, got ${JSON.stringify(kv)}`);
}

function iterableOf<T>(x: Iterable<T>, op: string): Iterable<T> {
  if (typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function' || typeof x === 'string') {
    throw new Error(`${op} mapper must return an array (or iterable), got ${JSON.stringify(x)}`);
  }
  return x;
}

