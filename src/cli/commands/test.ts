import { formatVerdict } from '../../engine';
import { checkDesign, hasErrors } from '../../model/check';
import { runTestCases, type TestCaseResult } from '../../simulator/test-run';
import { loadDesignFile } from '../files';
import { parseFlags } from '../flags';
import type { CliCommand, CliIo } from '../io';
import { printDiagnostics } from '../report';

/** Exit codes: every case passed; a case failed (or the design cannot run); nothing to run. */
const PASSED = 0;
const FAILED = 1;
const NO_TESTS = 2;

/**
 * `streamwright test <design.json> [--json]`: runs the design's test cases headless, for CI. Prints
 * PASS/FAIL per case and, for a failing one, which records differ per sink.
 */
export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { json: 'boolean' });
  if (positional.length !== 1) {
    io.stderr('usage: streamwright test <design.json> [--json]\n');
    return 2;
  }
  const file = positional[0];
  const doc = loadDesignFile(file, io.cwd);
  if (!doc.tests?.length) {
    io.stderr(`${file}: the design has no test case: pin a sink's output as expected in the designer ("Pin as expected" in the preview), or add one under "tests" in the file\n`);
    return NO_TESTS;
  }
  const diagnostics = checkDesign(doc);
  const results = hasErrors(diagnostics) ? null : runTestCases(doc);
  if (!results) {
    printDiagnostics(io.stderr, file, doc, diagnostics.filter((d) => d.severity === 'error'));
    io.stderr(`${file}: the test cases were not run: the design has errors\n`);
    return FAILED;
  }
  if (flags.json) io.stdout(JSON.stringify({ file, passed: results.filter((r) => r.pass).length, failed: results.filter((r) => !r.pass).length, cases: results }, null, 2) + '\n');
  else {
    printDiagnostics(io.stderr, file, doc, diagnostics.filter((d) => d.testId !== undefined));
    printResults(io, results);
  }
  return results.every((r) => r.pass) ? PASSED : FAILED;
};

function printResults(io: CliIo, results: TestCaseResult[]) {
  for (const r of results) {
    io.stdout(`${r.pass ? 'PASS' : 'FAIL'} ${r.name}\n`);
    if (r.pass) continue;
    if (r.error) io.stdout(`  the run failed: ${r.error}\n`);
    for (const s of r.sinks) if (!s.pass) io.stdout(formatVerdict(s, '  ') + '\n');
  }
  const failed = results.filter((r) => !r.pass).length;
  io.stdout(`${results.length - failed} passed, ${failed} failed\n`);
}
