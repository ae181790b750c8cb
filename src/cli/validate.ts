import { validateDesign } from '../model/validate';
import { loadDesignFile } from './files';
import type { CliCommand } from './io';

/** `streamwright validate <design.json>`: `file: node "name" (id) field: message` per diagnostic. */
export const runValidate: CliCommand = async (args, io) => {
  if (args.length !== 1) {
    io.stderr('usage: streamwright validate <design.json>\n');
    return 2;
  }
  const file = args[0];
  const doc = loadDesignFile(file, io.cwd);
  const diags = validateDesign(doc);
  for (const d of diags) {
    const n = doc.nodes.find((x) => x.id === d.nodeId);
    const where = n ? `node "${n.name}" (${n.id})` : d.edgeId ? `edge ${d.edgeId}` : 'design';
    io.stdout(`${file}: ${where}${d.field ? ` ${d.field}` : ''}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}\n`);
  }
  const errors = diags.filter((d) => d.severity === 'error').length;
  if (errors === 0) io.stdout(`${file}: valid (${doc.nodes.length} nodes, ${doc.edges.length} edges)\n`);
  return errors ? 1 : 0;
};
