/**
 * Values that are not plain data (functions, symbols, class instances, cycles): shown as text, posted
 * by the worker without a DataCloneError, and flagged on the node whose function made them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../src/model/load';
import { findNotData, SHOWN_AS_TEXT, toCloneable } from '../../src/simulator/plain-data';
import { simulate } from '../../src/simulator/simulate';
import type { WorkerResponse } from '../../src/simulator/types';
import { createWorkerHandler } from '../../src/simulator/worker-handler';
import { fmt } from '../../src/ui/panels/format';
import { design, node } from '../fixtures/build';

class Point {
  constructor(public x: number) {}
  norm() {
    return Math.abs(this.x);
  }
}

describe('plain data', () => {
  it('leaves plain data alone (the same object, no copy)', () => {
    const v = { a: [1, 'x', null, { b: true }], d: new Date(0), bytes: new Uint8Array(2), big: 3n };
    expect(findNotData(v)).toBeNull();
    expect(toCloneable(v)).toBe(v);
  });

  it('turns what is not data into text that structuredClone takes and fmt shows', () => {
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    const v = { f: 'abc'.toUpperCase, s: Symbol('tag'), p: new Point(2), c: cyclic, m: new Map([[1, 2]]), list: [() => 1] };
    expect(() => structuredClone(v)).toThrow();
    const clean = toCloneable(v);
    expect(clean.f).toEqual({ [SHOWN_AS_TEXT]: '[function toUpperCase]' });
    expect(() => structuredClone(clean)).not.toThrow();
    expect(fmt(clean)).toBe('{"f":[function toUpperCase],"s":Symbol(tag),"p":[Point {"x":2}],"c":{"n":1,"self":[cyclic]},"m":[Map(1)],"list":[[function anonymous]]}');
    expect(findNotData(v)).toEqual({ kind: 'function', text: '[function toUpperCase]' });
    expect(findNotData({ p: new Point(1) })?.kind).toBe('class-instance');
    expect(findNotData(cyclic)?.kind).toBe('cyclic');
    // Hostile strings stay strings.
    expect(fmt({ s: '\u0001x\u0001', t: '"\\' })).toBe('{"s":"\\u0001x\\u0001","t":"\\"\\\\"}');
  });

  it('flags the node whose function returned a function, not the nodes that pass it on', () => {
    const doc = design(
      [node('s', 'stream', { topic: 'in' }), node('g', 'groupBy', { mapper: '(key, word: string) => word.toUpperCase' }), node('c', 'count'), node('t', 'toStream')],
      [['s', 'g'], ['g', 'c'], ['c', 't']],
      { in: [{ key: null, value: 'a', timestamp: 1 }] },
    );
    const r = simulate({ doc });
    expect(r.nodes.g.notData).toMatchObject({ code: 'value-not-data', kind: 'function', part: 'key', text: '[function toUpperCase]', field: 'mapper' });
    expect(r.nodes.g.notData?.message).toContain('returns a function; did you mean to call it?');
    expect([r.nodes.s.notData, r.nodes.c.notData, r.nodes.t.notData]).toEqual([undefined, undefined, undefined]);
  });

  it('flags nothing in the examples', () => {
    const dir = join(import.meta.dirname, '../../public/examples');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && x !== 'index.json')) {
      const parsed = parseDesign(readFileSync(join(dir, f), 'utf8'));
      if (!parsed.ok) throw new Error(f);
      const r = simulate({ doc: parsed.doc });
      expect(Object.entries(r.nodes).filter(([, n]) => n.notData).map(([id]) => `${f}: ${id}`)).toEqual([]);
    }
  });

  it('the worker posts such values as text, and says what happened when a post fails anyway', () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('m', 'mapValues', { mapper: '(v: string) => v.trim' })], [['s', 'm']], { in: [{ key: 'k', value: ' a ', timestamp: 1 }] });
    const posted: WorkerResponse[] = [];
    // structuredClone throws DataCloneError as the worker's postMessage does.
    createWorkerHandler((m) => posted.push(structuredClone(m)))({ type: 'run', id: 1, request: { doc }, view: { detailNodeId: 'm', detailLimit: 10 } });
    const preview = posted.find((m) => m.type === 'preview');
    expect(preview?.type === 'preview' && fmt(preview.preview.detail?.emitted[0].value)).toBe('[function trim]');
    expect(preview?.type === 'preview' && preview.preview.nodes.m.notData?.field).toBe('mapper');

    const failing: WorkerResponse[] = [];
    let first = true;
    const post = (m: WorkerResponse) => {
      if (m.type === 'preview' && first) {
        first = false;
        throw new Error('could not be cloned');
      }
      failing.push(m);
    };
    createWorkerHandler(post)({ type: 'run', id: 2, request: { doc }, view: { detailNodeId: null, detailLimit: 10 } });
    expect(failing.at(-1)).toEqual({ type: 'failed', id: 2, message: "the preview's result could not be sent to the page: could not be cloned" });
  });
});
