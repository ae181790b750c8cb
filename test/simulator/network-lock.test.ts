/** The preview worker's network lock: every way out throws at once, naming itself, also via a prototype. */
import { describe, expect, it } from 'vitest';
import { lockNetwork, networkBlockedMessage } from '../../src/simulator/network-lock';
import { simulate } from '../../src/simulator/simulate';
import { design, node } from '../fixtures/build';

describe('lockNetwork', () => {
  it('makes fetch, importScripts and the request constructors throw, on the scope and its prototypes', () => {
    const calls: string[] = [];
    class Scope {
      fetch(url: string) {
        calls.push(url);
      }
    }
    const scope = Object.assign(new Scope(), { importScripts: (u: string) => calls.push(u), XMLHttpRequest: class {} });
    lockNetwork(scope);
    expect(() => scope.fetch('http://example.com/x')).toThrow(networkBlockedMessage('fetch'));
    expect(() => Scope.prototype.fetch.call(scope, 'http://example.com/y')).toThrow(/fetch is blocked by the designer's content security policy/);
    expect(() => scope.importScripts('http://example.com/z.js')).toThrow(/importScripts is blocked/);
    expect(() => new scope.XMLHttpRequest()).toThrow(/XMLHttpRequest is blocked/);
    expect(() => Object.assign(scope, { fetch: () => undefined })).toThrow(TypeError);
    expect(calls).toEqual([]);
  });

  it('a function that calls a locked entry point fails on its node with that message', () => {
    const scope = { fetch: () => Promise.resolve() };
    lockNetwork(scope);
    const doc = design([node('s', 'stream', { topic: 'in' }), node('m', 'mapValues', { mapper: '(v) => v' }, 'call-out'), node('o', 'to', { topic: 'out' })], [['s', 'm'], ['m', 'o']], {
      in: [{ key: 'k', value: 1, timestamp: 1 }],
    });
    // The function reaches the locked scope through a closure, as a worker function reaches `self`.
    (globalThis as Record<string, unknown>).__lockedScope = scope;
    try {
      const mapper = "(v) => { (globalThis as any).__lockedScope.fetch('http://example.com/x'); return v; }";
      const r = simulate({ doc: { ...doc, nodes: doc.nodes.map((n) => (n.id === 'm' ? { ...n, params: { mapper } } : n)) } });
      expect(r.ok).toBe(false);
      expect(r.nodes.m.error?.message).toBe(`call-out (mapper): ${networkBlockedMessage('fetch')}`);
    } finally {
      delete (globalThis as Record<string, unknown>).__lockedScope;
    }
  });
});
