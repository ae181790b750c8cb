/** The 29 cases translated from Kafka's own tests (shared/conformance), one vitest test each. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/conformance/run';
import type { ConformanceCase } from '../../src/conformance/types';

const dir = join(__dirname, 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe.each(files)('%s', (file) => {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ConformanceCase[];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = runCase(c);
    expect(r.failures).toEqual([]);
    expect(r.pass).toBe(true);
  });
});

it('counts all 29 shared cases', () => {
  const n = files.reduce((sum, f) => sum + (JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown[]).length, 0);
  expect(n).toBe(29);
});
