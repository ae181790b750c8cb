import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { checkDesign } from '../../model/check';
import { importDescribe } from '../../model/describe/import';
import { layoutInput } from '../../model/layout-graph';
import { serializeDesign } from '../../model/load';
import type { TopologyDocument } from '../../model/types';
import { readText } from '../files';
import { parseFlags } from '../flags';
import type { CliCommand } from '../io';

/**
 * `streamwright import-describe <describe.txt> [-o design.json] [--name N]`: the text of a Kafka
 * Streams Topology#describe() as a design, laid out by elkjs like the designer's auto layout. The
 * design goes to the file (or stdout); what could not be carried over exactly goes to stderr, one
 * line per node. Exit 1 when the text cannot be read, 0 otherwise (placeholders are expected).
 */
export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { out: 'string', name: 'string' });
  if (positional.length !== 1) {
    io.stderr('usage: streamwright import-describe <describe.txt> [-o design.json] [--name <application>]\n');
    return 2;
  }
  const file = positional[0];
  const name = typeof flags.name === 'string' ? flags.name : basename(file).replace(/\.[^.]*$/, '');
  const r = importDescribe(readText(file, io.cwd), { name });
  if (!r.ok) {
    for (const p of r.problems) io.stderr(`${file}${p.line ? `:${p.line}` : ''}: ${p.message} [${p.code}]\n`);
    return 1;
  }
  await layOut(r.doc);
  const text = serializeDesign(r.doc);
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  if (out) writeFileSync(resolve(io.cwd, out), text);
  else io.stdout(text);
  for (const n of r.notes) io.stderr(`${file}: ${n.processor}: ${n.message} [${n.code}]\n`);
  const errors = checkDesign(r.doc).filter((d) => d.severity === 'error');
  for (const d of errors) io.stderr(`${file}: imported design: ${d.message} [${d.code}]\n`);
  if (out) io.stderr(`${out}: ${r.doc.nodes.length} nodes, ${r.notes.filter((n) => n.code === 'PLACEHOLDER').length} placeholders\n`);
  return 0;
};

/** The designer's auto layout (elkjs layered, left to right), in process. */
async function layOut(doc: TopologyDocument): Promise<void> {
  const { graph, positions } = layoutInput(doc);
  const pos = positions(await new ELK().layout(graph));
  for (const n of doc.nodes) n.position = pos[n.id] ?? n.position;
}
