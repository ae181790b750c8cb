/** checkFunction: what the checker can know of a user function without running it. */
import { describe, expect, it } from 'vitest';
import { checkFunction } from '../../src/model/functions';
import { sig } from '../../src/model/operators/common';

const KV = sig([['key', 'K'], ['value', 'V']], 'boolean');

describe('checkFunction', () => {
  it.each([
    ['(k: string, v: { n: number }) => v.n > 1'],
    ['function (key, value) { return true; }'],
    ['(k, v, extra = 1) => extra'],
    ['(k, ...rest) => rest.length > 0'],
    ['(k, v) => v !== "*/ }); process.exit(3); ({"'],
    ['(k, v) => `${v}\u2028` + "\u2028" /* U+2028 inside strings and comments */'],
    ['(k, v) => v.__proto__ === Object.prototype'],
  ])('accepts %j', (source) => {
    expect(checkFunction(source, KV)).toMatchObject({ ok: true });
  });

  it.each([
    ['42', 'E_FN_NOT_FUNCTION', /^must be a function such as \(key, value\) => \.\.\., not a number \(42\)$/],
    ['`(k, v) => true`', 'E_FN_NOT_FUNCTION', /not a string$/],
    ['parseInt', 'E_FN_NOT_FUNCTION', /not the name parseInt/],
    ['(() => (k, v) => true)()', 'E_FN_NOT_FUNCTION', /not a call/],
    ['class { }', 'E_FN_NOT_FUNCTION', /not a class/],
    ['async (k, v) => true', 'E_FN_ASYNC', /Promise/],
    ['function* (k, v) { yield v; }', 'E_FN_ASYNC', /iterator/],
    ['(k, v, x) => x', 'E_FN_ARITY', /^takes 3 parameters but is called with 2 \(key, value\)$/],
    ['(k, v) => true); globalThis.x = (1', 'E_FN_NOT_SINGLE', /single function expression/],
    ['(k, v) => v */ 2', 'E_FN_PARSE', /regular expression/],
    ['  ', 'E_PARAM_REQUIRED', /empty/],
  ])('refuses %j with %s', (source, code, message) => {
    const r = checkFunction(source, KV);
    expect(r).toMatchObject({ ok: false, code });
    expect(r.ok ? '' : r.message).toMatch(message);
  });

  it('places a parse error in the user source, even past an arrow', () => {
    expect(checkFunction('(key, value) =>\n  value.amount.split(`', KV)).toMatchObject({ ok: false, code: 'E_FN_PARSE', line: 2, column: 23 });
    expect(checkFunction('(k) => k.split(', KV)).toMatchObject({ ok: false, code: 'E_FN_PARSE', line: 1, column: 16 });
  });
});
