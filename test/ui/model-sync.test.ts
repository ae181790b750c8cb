/** The editor's echo rule: a late echo of the editor's own text is never written back over newer keys. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changedRange, EchoQueue, joinHeader, splitHeader } from '../../src/ui/editor/model-sync';

describe('EchoQueue', () => {
  it('knows a late echo from a value the editor never reported', () => {
    const q = new EchoQueue();
    q.reported('(k');
    q.reported('(ke');
    q.reported('(key');
    expect(q.received('(k')).toBe('echo'); // late: the editor already holds '(key'
    expect(q.received('(key')).toBe('echo');
    // App undo after the echoes caught up: a value reported long ago is the page's own now.
    expect(q.received('(ke')).toBe('external');
  });

  it('skips echoes the page batched away', () => {
    const q = new EchoQueue();
    for (const v of ['a', 'ab', 'abc']) q.reported(v);
    expect(q.received('abc')).toBe('echo');
    expect(q.received('ab')).toBe('external');
  });

  it('forgets what was reported for another model', () => {
    const q = new EchoQueue();
    q.reported('x');
    q.forget();
    expect(q.received('x')).toBe('external');
  });
});

describe('changedRange', () => {
  it('replaces only the part that differs', () => {
    expect(changedRange('const a: any =\nbody', 'const a: string =\nbody')).toEqual({ start: 9, end: 12, text: 'string' });
    expect(changedRange('same', 'same')).toBeNull();
  });

  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const r = changedRange(a, b);
        const out = r ? a.slice(0, r.start) + r.text + a.slice(r.end) : a;
        expect(out).toBe(b);
      }),
    );
  });
});

describe('header and body', () => {
  it('splits at the first line break', () => {
    expect(splitHeader('h', joinHeader('h', 'a\nb'))).toEqual({ header: 'h', body: 'a\nb' });
    expect(splitHeader(undefined, 'a\nb')).toEqual({ header: undefined, body: 'a\nb' });
    expect(splitHeader('h', 'h')).toEqual({ header: 'h', body: '' });
  });
});
