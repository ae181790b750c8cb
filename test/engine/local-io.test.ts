/** The streaming runner's parts: lines read in batches, bad lines located, one ordering rule for ties. */
import { closeSync, linkSync, lstatSync, mkdtempSync, openSync, readSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../../src/engine';
import { headBefore, mergeByTimestamp } from '../../src/engine/input-order';
import { badLines, DirectoryOutput, FileFeed, MixedFile, runFeeds, type OutputSink } from '../../src/engine/local';
import { JsonlLines } from '../../src/engine/local/jsonl-out';
import { jsonErrorOffset } from '../../src/engine/local/json-error';
import { jsonText, windowedKeyJson } from '../../src/engine/core/json-text';
import { LineBatches } from '../../src/engine/local/line-batches';
import { StringDecoder } from 'node:string_decoder';
import fc from 'fast-check';
import { parseRecordLine } from '../../src/engine/local/record-line';

const file = (text: string | Buffer) => {
  const p = join(mkdtempSync(join(tmpdir(), 'sw-io-')), 'f.jsonl');
  writeFileSync(p, text);
  return p;
};

async function allLines(path: string, chunk: number): Promise<[number, string][]> {
  const r = new LineBatches(path, chunk);
  const out: [number, string][] = [];
  for (let b = await r.next(); b; b = await r.next()) b.lines.forEach((l, i) => out.push([b!.first + i, l]));
  return out;
}

describe('LineBatches', () => {
  it('splits lines across chunk edges, keeps multi-byte characters whole, drops \\r of CRLF, numbers lines', async () => {
    const text = 'a€b\r\n\nçé😀\nlast-without-newline';
    for (const chunk of [1, 2, 3, 5, 1 << 20]) {
      expect(await allLines(file(text), chunk)).toEqual([
        [1, 'a€b'],
        [2, ''],
        [3, 'çé😀'],
        [4, 'last-without-newline'],
      ]);
    }
  });
  it('reads ASCII chunks and UTF-8 chunks (even invalid bytes, cut anywhere) as one decoder reading the whole file would', async () => {
    // ASCII chunks take a faster path (latin1): a character left incomplete before one must still become U+FFFD.
    const bytes = fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0x0a), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)), { maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(bytes, fc.integer({ min: 1, max: 9 }), async (bs, chunk) => {
        const buf = Buffer.from(bs);
        const d = new StringDecoder('utf8');
        const whole = (d.write(buf) + d.end()).split('\n');
        if (whole[whole.length - 1] === '') whole.pop();
        expect((await allLines(file(buf), chunk)).map(([, l]) => l)).toEqual(whole.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)));
      }),
      { numRuns: 150 },
    );
  });
  it('an empty file has no lines', async () => {
    expect(await allLines(file(''), 16)).toEqual([]);
  });
});

describe('DirectoryOutput over an earlier run', () => {
  async function writeOne(dir: string, value: string): Promise<void> {
    const out = new DirectoryOutput(dir);
    out.write('t', { key: 'k', value, timestamp: 1 });
    await out.close();
  }
  const line = (value: string) => `{"key":"k","value":"${value}","timestamp":1}\n`;
  it('replaces a regular file (keeping its mode), writes through a symlink, and into a file with other names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-out-'));
    writeFileSync(join(dir, 't.jsonl'), 'old output, longer than the new one\n', { mode: 0o640 });
    // Replaced, not truncated: a reader of the earlier file still reads it whole.
    const reader = openSync(join(dir, 't.jsonl'), 'r');
    await writeOne(dir, 'new');
    const earlier = Buffer.alloc(64);
    expect(earlier.toString('utf8', 0, readSync(reader, earlier, 0, 64, 0))).toBe('old output, longer than the new one\n');
    closeSync(reader);
    expect(readFileSync(join(dir, 't.jsonl'), 'utf8')).toBe(line('new'));
    expect(statSync(join(dir, 't.jsonl')).mode & 0o777).toBe(0o640);

    const linked = mkdtempSync(join(tmpdir(), 'sw-out-'));
    writeFileSync(join(linked, 'target.jsonl'), 'old\n');
    symlinkSync(join(linked, 'target.jsonl'), join(linked, 't.jsonl'));
    await writeOne(linked, 'through');
    expect(lstatSync(join(linked, 't.jsonl')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(linked, 'target.jsonl'), 'utf8')).toBe(line('through'));

    const hard = mkdtempSync(join(tmpdir(), 'sw-out-'));
    writeFileSync(join(hard, 't.jsonl'), 'old\n');
    linkSync(join(hard, 't.jsonl'), join(hard, 'other-name.jsonl'));
    await writeOne(hard, 'shared');
    expect(readFileSync(join(hard, 'other-name.jsonl'), 'utf8')).toBe(line('shared'));
  });
});

describe('jsonText', () => {
  const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udc00', '😀') }));
  // Epoch milliseconds and the edges of the two-part integer path (1e8, 2^53), with neighbours.
  const edges = [1e8 - 1, 1e8, 1e8 + 1, 1e16 / 3, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1700000000000, 1699999999999.5, 9.999999999e15];
  const number = fc.oneof(fc.double(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(...edges, ...edges.map((e) => -e)), fc.integer({ min: 0, max: 2 ** 40 }).map((n) => n * 1e8 - 1));
  const windowed = fc.record({ key: fc.oneof(text, number), start: number, end: number });
  it('writes what JSON.stringify writes (null for undefined): numbers, strings of any characters, windowed keys, any JSON', () => {
    fc.assert(
      fc.property(fc.oneof(text, number, windowed, fc.jsonValue(), fc.constant(undefined)), (v) => {
        expect(jsonText(v)).toBe(JSON.stringify(v) ?? 'null');
      }),
      { numRuns: 5000 },
    );
  });
  it('writes output lines as JSON.stringify would, a line after another (its end reused while the timestamp repeats)', () => {
    const record = fc.record({ key: fc.oneof(text, number, windowed, fc.jsonValue()), value: fc.oneof(text, number, fc.jsonValue()), timestamp: fc.constantFrom(0, 5, 1700000000000, 1700000000050, 2 ** 53 - 1) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), fc.constantFrom('{"key":', '{"topic":"t\\"x","key":'), (records, prefix) => {
        const lines = new JsonlLines(prefix);
        for (const r of records) expect(lines.line(r)).toBe(`${prefix}${JSON.stringify(r.key) ?? 'null'},"value":${JSON.stringify(r.value) ?? 'null'},"timestamp":${JSON.stringify(r.timestamp)}}\n`);
      }),
      { numRuns: 1000 },
    );
  });
  it('takes the hand-built path only for the exact windowed shape', () => {
    expect(windowedKeyJson({ key: 'k', start: 0, end: 60000 })).toBe('{"key":"k","start":0,"end":60000}');
    for (const other of [{ start: 0, key: 'k', end: 1 }, { key: 'k', start: 0, end: 1, x: 1 }, { key: {}, start: 0, end: 1 }, { key: 'k', start: '0', end: 1 }, Object.assign(Object.create({ inherited: 1 }), { key: 'k', start: 0, end: 1 })]) {
      expect(windowedKeyJson(other)).toBeNull();
    }
  });
});

describe('parseRecordLine', () => {
  it('reads key, value, timestamp, headers and a topic; key and value default to null', () => {
    expect(parseRecordLine('{"topic":"t","key":"k","value":{"a":1},"timestamp":5,"headers":{"h":"v"}}')).toEqual({ topic: 't', record: { key: 'k', value: { a: 1 }, timestamp: 5, headers: { h: 'v' } } });
    expect(parseRecordLine('{"timestamp":0}')).toEqual({ topic: undefined, record: { key: null, value: null, timestamp: 0 } });
  });
  it.each([
    ['{"key":"k","value":1,"timestamp":5', undefined, /^invalid JSON/, 35],
    ['{"key":"k","value":NaN,"timestamp":5}', undefined, /^invalid JSON/, 20],
    ['{"key":"k","value":1}', 'timestamp', /^is missing/, undefined],
    ['{"key":"k","value":1,"timestamp":"noon"}', 'timestamp', /^must be a number of epoch milliseconds, got "noon"$/, undefined],
    ['{"timestamp":1.5}', 'timestamp', /^must be whole milliseconds$/, undefined],
    ['{"timestamp":-1}', 'timestamp', /^must be >= 0/, undefined],
    ['{"timestamp":1,"headers":{"h":1}}', 'headers', /string values/, undefined],
    ['[1,2]', undefined, /^expected an object/, undefined],
  ])('%s: a problem naming the field and the column', (line, field, message, column) => {
    const p = parseRecordLine(line);
    if (!('problem' in p)) throw new Error('no problem found');
    expect([p.problem.field, p.problem.column]).toEqual([field, column]);
    expect(p.problem.message).toMatch(message);
  });
});

describe('jsonErrorOffset', () => {
  it('points at the first character JSON cannot take', () => {
    expect(jsonErrorOffset('{"a":NaN}')).toBe(5);
    expect(jsonErrorOffset('{"a":1')).toBe(6);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a":"x\n"}')).toBe(7);
    expect(jsonErrorOffset('{} x')).toBe(3);
  });
});

describe('the ordering rule', () => {
  it('smallest timestamp first; ties go to the topic whose name sorts first, whatever order the inputs were given in', () => {
    expect(headBefore(1, 'b', 2, 'a')).toBe(true);
    expect(headBefore(2, 'a', 2, 'b')).toBe(true);
    expect(headBefore(2, 'b', 2, 'a')).toBe(false);
    const a = [{ key: 1, value: 'a1', timestamp: 5 }, { key: 2, value: 'a2', timestamp: 5 }];
    const b = [{ key: 1, value: 'b1', timestamp: 5 }, { key: 2, value: 'b2', timestamp: 4 }];
    const order = (s: Record<string, typeof a>) => mergeByTimestamp(s, new Set(['a', 'b'])).map((x) => x.record.value);
    expect(order({ b, a })).toEqual(order({ a, b }));
    expect(order({ b, a })).toEqual(['a1', 'a2', 'b1', 'b2']);
  });
});

describe('runFeeds', () => {
  const openFds = () => readdirSync('/proc/self/fd').length;
  const sink: OutputSink = { write: () => undefined, pending: null, close: async () => undefined };
  const topology = () => {
    const b = new StreamsBuilder();
    b.stream('in').to('out');
    return b.build();
  };

  it('closes its input files when a bad line stops the run (the file is not left to the garbage collector)', async () => {
    const good = JSON.stringify({ key: 'k', value: 1, timestamp: 1 });
    const path = file(`${good}\n${good}\n{"key":\n`);
    const before = openFds();
    const run = runFeeds(topology(), [new FileFeed('in', path, badLines(false))], sink);
    await expect(run).rejects.toThrow(`${path}:3:`);
    expect(openFds()).toBe(before);
  });
  it('processes every record before a bad line, then stops naming it', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ key: `k${i}`, value: i, timestamp: i }));
    lines.splice(500, 0, '{"key":"k","value":1}');
    const written: unknown[] = [];
    const collect: OutputSink = { write: (_t, r) => void written.push(r.value), pending: null, close: async () => undefined };
    const path = file(lines.join('\n') + '\n');
    await expect(runFeeds(topology(), [new FileFeed('in', path, badLines(false))], collect)).rejects.toThrow(`${path}:501: timestamp: is missing`);
    expect(written).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });
  it('so does one file of many topics', async () => {
    const good = (i: number) => JSON.stringify({ topic: 'in', key: `k${i}`, value: i, timestamp: i });
    const written: unknown[] = [];
    const collect: OutputSink = { write: (_t, r) => void written.push(r.value), pending: null, close: async () => undefined };
    const path = file(`${good(0)}\n${good(1)}\n{"key":"k","value":1,"timestamp":2}\n${good(3)}\n`);
    const feeds = new MixedFile(path, ['in'], badLines(false)).feeds();
    await expect(runFeeds(topology(), feeds, collect)).rejects.toThrow(`${path}:3: each line needs a "topic"`);
    expect(written).toEqual([0, 1]);
  });
  it('and when the run ends normally', async () => {
    const path = file(`${JSON.stringify({ key: 'k', value: 1, timestamp: 1 })}\n`);
    const before = openFds();
    expect(await runFeeds(topology(), [new FileFeed('in', path, badLines(false))], sink)).toEqual({ inputs: 1 });
    expect(openFds()).toBe(before);
  });
});
