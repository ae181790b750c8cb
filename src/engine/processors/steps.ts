/**
 * Every stateless one-in, at-most-one-out step, each defined once (see core/step.ts): `apply` is its
 * behaviour when its processor runs alone, `code` the same behaviour for a fused run. The two stay
 * next to each other so they cannot drift apart; test/engine/fusion.test.ts runs both forms.
 * A DSL operator adds one as `new StepProcessor(FILTER, { fn, negate })`.
 */
import type { KeyValue } from '../api';
import type { Change } from '../core/record';
import type { StepDef } from '../core/step';

type Fn2 = (a: unknown, b: unknown) => unknown;

/** filter (negate false) and filterNot (negate true). */
export const FILTER: StepDef<{ readonly fn: Fn2; readonly negate: boolean }> = {
  op: 'filter',
  rewrites: false,
  apply: (s, p) => Boolean(p.fn(s.key, s.value)) !== p.negate,
  code: (p, ref) => `if (Boolean(${ref(p.fn)}(key, value)) === ${p.negate ? 'true' : 'false'}) return;`,
};

export const MAP: StepDef<(k: unknown, v: unknown) => KeyValue<unknown, unknown> | null> = {
  op: 'map',
  rewrites: true,
  apply(s, mapper) {
    const kv = mapper(s.key, s.value);
    if (kv == null) return false;
    checkMapPair(kv);
    s.key = kv[0];
    s.value = kv[1];
    return true;
  },
  code: (mapper, ref) => `const kv = ${ref(mapper)}(key, value); if (kv == null) return; ${ref(checkMapPair)}(kv); key = kv[0]; value = kv[1];`,
};

export const MAP_VALUES: StepDef<(v: unknown, k: unknown) => unknown> = {
  op: 'mapValues',
  rewrites: true,
  apply(s, mapper) {
    s.value = mapper(s.value, s.key);
    return true;
  },
  code: (mapper, ref) => `value = ${ref(mapper)}(value, key);`,
};

export const SELECT_KEY: StepDef<(k: unknown, v: unknown) => unknown> = {
  op: 'selectKey',
  rewrites: true,
  apply(s, mapper) {
    s.key = mapper(s.key, s.value);
    return true;
  },
  code: (mapper, ref) => `key = ${ref(mapper)}(key, value);`,
};

export const PEEK: StepDef<(k: unknown, v: unknown) => void> = {
  op: 'peek',
  rewrites: false,
  apply(s, action) {
    action(s.key, s.value);
    return true;
  },
  code: (action, ref) => `${ref(action)}(key, value);`,
};

/** Passes records on unchanged (merge, repartition boundaries, toStream of streams, split branches). */
export const PASS: StepDef<null> = {
  op: 'pass',
  rewrites: false,
  apply: () => true,
  code: () => '',
};

/** KTable#toStream: the changelog as a stream; tombstones become null values. */
export const TO_STREAM: StepDef<null> = {
  op: 'toStream',
  rewrites: true,
  unwrapsChange: true,
  apply(s) {
    s.value = (s.value as Change).newValue ?? null;
    return true;
  },
  code: () => 'value = value.newValue ?? null;',
};

export function checkKeyValue(kv: unknown, op: string): asserts kv is KeyValue<unknown, unknown> {
  if (!Array.isArray(kv) || kv.length !== 2) throw new Error(`${op} mapper must return a [key, value] pair, got ${JSON.stringify(kv)}`);
}

function checkMapPair(kv: unknown): asserts kv is KeyValue<unknown, unknown> {
  checkKeyValue(kv, 'map');
}
