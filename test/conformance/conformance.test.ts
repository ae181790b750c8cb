/** The 29 cases translated from Kafka's own tests (shared/conformance), one vitest test each. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { caseFiles, describeCaseFiles } from './run-case-files';

const dir = join(__dirname, 'cases');
describeCaseFiles(dir);

it('counts all 29 shared cases', () => {
  const n = caseFiles(dir).reduce((sum, f) => sum + (JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown[]).length, 0);
  expect(n).toBe(29);
});
