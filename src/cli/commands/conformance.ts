import { runCase } from '../../conformance/run';
import type { ConformanceCase } from '../../conformance/types';
import { parseJsonWithPosition } from '../../model/load';
import { CliError, readText } from '../files';
import { parseFlags } from '../flags';
import type { CliCommand } from '../io';

/** `streamwright conformance <cases.json>... [--json]`: one line per case and a total. */
export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { json: 'boolean' });
  if (positional.length === 0) {
    io.stderr('usage: streamwright conformance <cases.json>... [--json]\n');
    return 2;
  }
  const results = [];
  for (const file of positional) {
    const j = parseJsonWithPosition(readText(file, io.cwd));
    if (!j.ok) throw new CliError(`${file}:${j.error.line}:${j.error.column}: ${j.error.message}`);
    if (!Array.isArray(j.value)) throw new CliError(`${file}: expected an array of cases`);
    for (const c of j.value as ConformanceCase[]) results.push(runCase(c));
  }
  const passed = results.filter((r) => r.pass).length;
  if (flags.json) io.stdout(JSON.stringify(results, null, 2) + '\n');
  else {
    for (const r of results) io.stdout(`${r.pass ? 'PASS' : 'FAIL'} ${r.name}${r.pass ? '' : `: ${r.failures[0]}`}\n`);
    io.stdout(`${passed} passed, ${results.length - passed} failed\n`);
  }
  return passed === results.length ? 0 : 1;
};
