import { hasErrors } from '../../model/check';
import { simulate } from '../../simulator/simulate';
import { loadDesignFile, loadSamplesFile } from '../files';
import type { CliCommand } from '../io';
import { parseFlags } from '../flags';
import { printDiagnostics } from '../report';

/** `streamwright simulate <design.json> [--samples file] [--json]`: what each sink topic received. */
export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { samples: 'string', json: 'boolean' });
  if (positional.length !== 1) {
    io.stderr('usage: streamwright simulate <design.json> [--samples <file.json|.jsonl>] [--json]\n');
    return 2;
  }
  const doc = loadDesignFile(positional[0], io.cwd);
  const samples = typeof flags.samples === 'string' ? loadSamplesFile(flags.samples, io.cwd) : undefined;
  const result = simulate({ doc, samples });
  // The checker's verdict comes first: a design with errors is not run at all.
  printDiagnostics(io.stderr, positional[0], doc, result.diagnostics);
  if (hasErrors(result.diagnostics)) return 1;
  if (result.error) io.stderr(`${positional[0]}: ${result.error.message}\n`);
  if (flags.json) {
    io.stdout(JSON.stringify(result.sinks, null, 2) + '\n');
  } else {
    for (const [topic, records] of Object.entries(result.sinks)) {
      io.stdout(`${topic} (${records.length} record${records.length === 1 ? '' : 's'})\n`);
      for (const r of records) io.stdout(`  ${JSON.stringify(r.key)} -> ${JSON.stringify(r.value)} @ ${r.timestamp}\n`);
    }
    if (Object.keys(result.sinks).length === 0) io.stdout('no records reached a sink topic\n');
  }
  return result.ok ? 0 : 1;
};
