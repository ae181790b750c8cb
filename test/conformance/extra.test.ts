/**
 * More cases translated from the same Kafka tests as the shared 29 (and their neighbours), in the
 * same JSON format, so rules rather than individual cases are checked. One vitest test each.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/conformance/run';
import type { ConformanceCase } from '../../src/conformance/types';

const dir = join(__dirname, 'extra');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe.each(files)('%s', (file) => {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ConformanceCase[];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = runCase(c);
    expect(r.failures).toEqual([]);
    expect(r.pass).toBe(true);
  });
});
