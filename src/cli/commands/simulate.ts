import { simulate } from '../../simulator/simulate';
import { loadDesignFile, loadSamplesFile } from '../files';
import type { CliCommand } from '../io';
import { parseFlags } from '../flags';

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
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) {
    const n = doc.nodes.find((x) => x.id === d.nodeId);
    io.stderr(`${positional[0]}: ${n ? `node "${n.name}" (${n.id}) ` : ''}${d.field ? `${d.field}: ` : ''}${d.message}\n`);
  }
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
