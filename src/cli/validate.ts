import { checkDesign, hasErrors } from '../model/check';
import { loadDesignFile } from './files';
import { parseFlags } from './flags';
import type { CliCommand } from './io';
import { printDiagnostics } from './report';

/** `streamwright validate <design.json> [--json]`: `file: node "name" param: message [CODE]` per diagnostic; exit 1 on any error. */
export const runValidate: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { json: 'boolean' });
  if (positional.length !== 1) {
    io.stderr('usage: streamwright validate <design.json> [--json]\n');
    return 2;
  }
  const file = positional[0];
  const doc = loadDesignFile(file, io.cwd);
  const diags = checkDesign(doc);
  if (flags.json) io.stdout(JSON.stringify(diags, null, 2) + '\n');
  else {
    printDiagnostics(io.stdout, file, doc, diags);
    if (!hasErrors(diags)) io.stdout(`${file}: valid (${doc.nodes.length} nodes, ${doc.edges.length} edges)\n`);
  }
  return hasErrors(diags) ? 1 : 0;
};
