/**
 * Stateless KStream processors that may forward any number of records (flatMap, flatMapValues,
 * split). The one-in, at-most-one-out steps (filter, map, ...) are in steps.ts.
 */
import type { ProcessorContext } from '../core/context';
import type { StreamRecord } from '../core/record';
import type { Processor } from '../core/topology-spec';
import type { KeyValue } from '../api';
import { checkKeyValue } from './steps';

abstract class Base implements Processor {
  protected ctx!: ProcessorContext;
  init(ctx: ProcessorContext): void {
    this.ctx = ctx;
  }
  abstract process(r: StreamRecord): void;
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

function iterableOf<T>(x: Iterable<T>, op: string): Iterable<T> {
  if (typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function' || typeof x === 'string') {
    throw new Error(`${op} mapper must return an array (or iterable), got ${JSON.stringify(x)}`);
  }
  return x;
}

