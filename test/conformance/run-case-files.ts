/** Runs every case of every JSON file in a folder of conformance cases, one vitest test per case. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/conformance/run';
import type { ConformanceCase } from '../../src/conformance/types';

export function caseFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json'));
}

export function describeCaseFiles(dir: string): void {
  describe.each(caseFiles(dir))('%s', (file) => {
    const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ConformanceCase[];
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const r = runCase(c);
      expect(r.failures).toEqual([]);
      expect(r.pass).toBe(true);
    });
  });
}
