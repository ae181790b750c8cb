/** `streamwright test`: exit 0 when every case passes, 1 with the diff when one fails, 2 when the design has none. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, write } from './cli-run';
import type { TopologyDocument } from '../../src/model/types';

const EX = join(__dirname, '..', '..', 'public', 'examples');
const EXAMPLES = readdirSync(EX).filter((f) => f.endsWith('.json') && f !== 'index.json');

function example(name: string): TopologyDocument {
  return JSON.parse(readFileSync(join(EX, name), 'utf8'));
}

describe('streamwright test', () => {
  it.each(EXAMPLES)('every example carries a test case that passes: %s', async (name) => {
    expect(example(name).tests?.length).toBeGreaterThan(0);
    const r = await cli('test', join(EX, name));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^PASS /m);
    expect(r.code).toBe(0);
  });

  it('a changed function fails the case: exit 1, and the diff names the records', async () => {
    const doc = example('word-count.json');
    const split = doc.nodes.find((n) => n.name === 'split-words')!;
    split.params.mapper = `(value) => value.toUpperCase().split(/\\W+/)`;
    const r = await cli('test', write(doc));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL The example samples$/m);
    expect(r.out).toContain('word-counts (last value per key): differs');
    expect(r.out).toMatch(/- expected, not produced: key "kafka" value 3/);
    expect(r.out).toMatch(/\+ produced, not expected: key "KAFKA" value 3/);
    expect(r.out).toMatch(/0 passed, 1 failed$/m);
  });

  it('--json gives the verdict per case and sink', async () => {
    const doc = example('split-branches.json');
    doc.tests![0].expected['tx-large'].records.pop();
    const r = await cli('test', write(doc), '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ passed: 0, failed: 1 });
    const large = out.cases[0].sinks.find((s: { topic: string }) => s.topic === 'tx-large');
    expect(large.pass).toBe(false);
    expect(large.rows.filter((x: { op: string }) => x.op === 'unexpected')).toHaveLength(1);
  });

  it('a design without a test case exits 2 with a clear message', async () => {
    const doc = example('word-count.json');
    delete doc.tests;
    const r = await cli('test', write(doc));
    expect(r.code).toBe(2);
    expect(r.err).toContain('the design has no test case');
    expect(r.out).toBe('');
  });

  it('a design with errors is not run: exit 1 with its diagnostics', async () => {
    const doc = example('word-count.json');
    doc.nodes[1].name = '';
    const r = await cli('test', write(doc));
    expect(r.code).toBe(1);
    expect(r.err).toContain('[E_NAME_EMPTY]');
    expect(r.err).toContain('the test cases were not run');
  });

  it('a function that throws fails its case with the error', async () => {
    const doc = example('word-count.json');
    doc.nodes.find((n) => n.name === 'split-words')!.params.mapper = `(value) => { throw new Error('boom'); }`;
    const r = await cli('test', write(doc));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/the run failed: .*boom/);
  });

  it('an expectation on a topic nothing writes is a coded warning, and the case fails', async () => {
    const doc = example('word-count.json');
    doc.tests![0].expected['ghost'] = { mode: 'exact', records: [{ key: 'a', value: 1 }] };
    const r = await cli('test', write(doc));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/test case "The example samples" tests\.0\.expected\.ghost: warning: .*\[W_TEST_SINK_UNKNOWN\]/);
  });
});
