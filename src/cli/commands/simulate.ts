import { compileDesign } from '../../compiler/compile';
import { ProcessingError } from '../../engine';
import { badLines, InputError, runFeeds } from '../../engine/local';
import { checkDesign, hasErrors } from '../../model/check';
import { loadDesignFile } from '../files';
import type { CliCommand } from '../io';
import { CliError } from '../cli-error';
import { parseFlags } from '../flags';
import { simulatePartitions } from './simulate-partitions';
import { printDiagnostics } from '../report';
import { CollectOutput, inputFeeds, outputSink, printCollected } from '../sim-io';

const USAGE = 'usage: streamwright simulate <design.json> [--samples <file.json|file.jsonl|topic=file.jsonl>]... [--out <dir>] [--json | --text] [--skip-bad-lines]\n       streamwright simulate <design.json> --partitions <N> [--json]\n';

/**
 * `streamwright simulate`: runs the design over its samples or over input files of any size,
 * streaming (the records a run keeps are the topology's state, nothing more), with the exported
 * project's runner (src/engine/local) so both order and write records alike.
 */
export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { samples: 'list', out: 'string', json: 'boolean', text: 'boolean', 'skip-bad-lines': 'boolean', partitions: 'string' });
  if (positional.length !== 1 || (flags.json && flags.text)) {
    io.stderr(USAGE);
    return 2;
  }
  const file = positional[0];
  const doc = loadDesignFile(file, io.cwd);
  // The checker's verdict comes first: a design with errors is not run at all.
  const diagnostics = checkDesign(doc);
  printDiagnostics(io.stderr, file, doc, diagnostics);
  if (hasErrors(diagnostics)) return 1;
  if (flags.partitions !== undefined) {
    if (flags.samples || flags.out || flags.text) throw new CliError('--partitions runs the design\'s own samples and prints to stdout (no --samples, --out or --text)');
    return simulatePartitions(doc, file, flags.partitions as string, flags.json === true, io);
  }
  const compiled = compileDesign(doc);
  const report = badLines(flags['skip-bad-lines'] === true);
  const feeds = inputFeeds((flags.samples as string[] | undefined) ?? [], compiled.sourceTopics, doc.samples, io, report);
  const out = outputSink({ out: flags.out as string | undefined, json: flags.json === true, text: flags.text === true }, io);
  let failed = false;
  try {
    await runFeeds(compiled.topology, feeds, out, { defaultKeySerde: doc.settings.defaultKeySerde, defaultValueSerde: doc.settings.defaultValueSerde });
  } catch (e) {
    if (!(e instanceof ProcessingError || e instanceof InputError)) throw e;
    io.stderr(`${e instanceof InputError ? '' : `${file}: `}${e.message}\n`);
    failed = true;
  } finally {
    await out.close();
  }
  if (report.skipped > 0) io.stderr(`skipped ${report.skipped} bad line(s), the first: ${report.first.join('; ')}\n`);
  if (out instanceof CollectOutput) printCollected(out, io, flags.json === true);
  return failed ? 1 : 0;
};

