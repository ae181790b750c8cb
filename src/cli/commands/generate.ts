import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { nodeEngineSources } from '../../../codegen/engine-sources-node';
import { generateProject } from '../../../codegen/generate';
import { CodegenError } from '../../../codegen/print-expr';
import { checkDesign, hasErrors } from '../../model/check';
import { simulate } from '../../simulator/simulate';
import { CliError, loadDesignFile } from '../files';
import { parseFlags } from '../flags';
import { printDiagnostics } from '../report';
import type { CliCommand } from '../io';

/** `streamwright generate <design.json> -o <dir>`: writes the runnable project (with the preview as its golden test). */
export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { out: 'string' });
  if (positional.length !== 1 || typeof flags.out !== 'string') {
    io.stderr('usage: streamwright generate <design.json> -o <dir>\n');
    return 2;
  }
  const doc = loadDesignFile(positional[0], io.cwd);
  // A design with errors would give a project that does not type-check or run: refuse it, list why.
  const diagnostics = checkDesign(doc);
  if (hasErrors(diagnostics)) {
    printDiagnostics(io.stderr, positional[0], doc, diagnostics);
    io.stderr(`${positional[0]}: not generated: the design has errors\n`);
    return 1;
  }
  const preview = simulate({ doc });
  let files: Map<string, string>;
  try {
    files = generateProject(doc, nodeEngineSources(), { expectedOutputs: preview.ok ? preview.sinks : undefined });
  } catch (e) {
    if (e instanceof CodegenError) throw new CliError(`${positional[0]}: ${e.message}`);
    throw e;
  }
  const dir = resolve(io.cwd, flags.out);
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  io.stdout(`wrote ${files.size} files to ${flags.out}${preview.ok ? '' : ' (the preview failed, so no golden test was written)'}\n`);
  return 0;
};
