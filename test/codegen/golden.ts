/** Golden generated projects of the examples: the small, readable files (not the vendored engine). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateProject } from '../../codegen/generate';
import { parseDesign } from '../../src/model/load';

export const GOLDEN_DIR = join(import.meta.dirname, '..', 'golden');
export const GOLDEN_FILES = ['package.json', 'README.md', 'src/topology.ts', 'src/settings.ts'];
const EXAMPLES = join(import.meta.dirname, '..', '..', 'public', 'examples');

export function goldenProjects(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const f of readdirSync(EXAMPLES).filter((x) => x.endsWith('.json') && x !== 'index.json').sort()) {
    const r = parseDesign(readFileSync(join(EXAMPLES, f), 'utf8'));
    if (!r.ok) throw new Error(f);
    const files = generateProject(r.doc, new Map());
    out.set(f.replace('.json', ''), new Map(GOLDEN_FILES.map((p) => [p, files.get(p)!])));
  }
  return out;
}
