/** The broken-design table through the checker and the compiler: every code, at its node and param, and the two agree. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/compiler/compile';
import { checkDesign } from '../../src/model/check';
import { DIAGNOSTIC_CODE_LIST } from '../../src/model/diagnostics';
import { BROKEN, brokenRows, NOT_IN_TABLE } from '../fixtures/broken-designs';
import { exampleDesign } from '../fixtures/build';

describe('checkDesign: one broken design per code', () => {
  it.each(brokenRows())('%s', (_title, c) => {
    const code = c.code;
    const doc = c.doc();
    const found = checkDesign(doc).filter((d) => d.code === code);
    expect(found, JSON.stringify(checkDesign(doc))).toContainEqual(expect.objectContaining({ ...c.at, severity: code.startsWith('W_') ? 'warning' : 'error' }));
    // The compiler reports exactly the checker's verdict: no rule of its own.
    expect(compileDesign(doc).diagnostics).toEqual(checkDesign(doc));
  });

  it('the table covers every code (or says why not)', () => {
    const covered = new Set([...BROKEN.map((c) => c.code), ...Object.keys(NOT_IN_TABLE)]);
    expect(DIAGNOSTIC_CODE_LIST.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('docs/diagnostics.md explains every code, with an example', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([EW]_[A-Z_]+)` \|.+\|.+\S.+\|$/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...DIAGNOSTIC_CODE_LIST].sort());
  });

  it('the examples have no diagnostics at all', () => {
    for (const name of ['word-count', 'split-branches', 'orders-payments-join', 'pageview-windows', 'session-windows', 'final-results-suppress', 'enrich-with-table', 'customer-activity-cogroup', 'avro-orders']) {
      expect(checkDesign(exampleDesign(name)), name).toEqual([]);
    }
  });

  it('a __proto__ param neither pollutes nor reaches the operator', () => {
    const doc = BROKEN.find((c) => c.code === 'W_PARAM_UNKNOWN')!.doc();
    checkDesign(doc);
    compileDesign(doc);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
