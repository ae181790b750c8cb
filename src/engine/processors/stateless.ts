/** Stateless KStream processors. Each is a few lines: take a record, forward zero or more. */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { KeyValue } from '../api';


abstract class Base implements Processor {
  protected ctx!: ProcessorContext;
  init(ctx: ProcessorContext): void {
    this.ctx = ctx;
  }
  abstract process(r: StreamRecord): void;
}

export class FilterProcessor extends Base {
  constructor(
    private readonly predicate: (k: unknown, v: unknown) => boolean,
    private readonly negate: boolean,
  ) {
    super();
  }
  process(r: StreamRecord) {
    if (Boolean(this.predicate(r.key, r.value)) !== this.negate) this.ctx.forward(r);
  }
}

export class MapProcessor extends Base {
  constructor(private readonly mapper: (k: unknown, v: unknown) => KeyValue<unknown, unknown> | null) {
    super();
  }
  process(r: StreamRecord) {
    const kv = this.mapper(r.key, r.value);
    if (kv == null) return;
    checkKeyValue(kv, 'map');
    this.ctx.forward({ key: kv[0], value: kv[1], timestamp: r.timestamp, headers: r.headers });
  }
}

export class MapValuesProcessor extends Base {
  constructor(private readonly mapper: (v: unknown, k: unknown) => unknown) {
    super();
  }
  process(r: StreamRecord) {
    this.ctx.forward({ key: r.key, value: this.mapper(r.value, r.key), timestamp: r.timestamp, headers: r.headers });
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
      this.ctx.forward({ key: kv[0], value: kv[1], timestamp: r.timestamp, headers: r.headers });
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
    for (const v of iterableOf(out, 'flatMapValues')) this.ctx.forward({ key: r.key, value: v, timestamp: r.timestamp, headers: r.headers });
  }
}

export class SelectKeyProcessor extends Base {
  constructor(private readonly mapper: (k: unknown, v: unknown) => unknown) {
    super();
  }
  process(r: StreamRecord) {
    this.ctx.forward({ key: this.mapper(r.key, r.value), value: r.value, timestamp: r.timestamp, headers: r.headers });
  }
}

export class PeekProcessor extends Base {
  constructor(private readonly action: (k: unknown, v: unknown) => void) {
    super();
  }
  process(r: StreamRecord) {
    this.action(r.key, r.value);
    this.ctx.forward(r);
  }
}

/** Passes records on unchanged (merge, repartition boundaries, toStream of streams). */
export class PassThroughProcessor extends Base {
  process(r: StreamRecord) {
    this.ctx.forward(r);
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

