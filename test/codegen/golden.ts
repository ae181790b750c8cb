/** The example designs, and their golden generated projects: the small, readable files (not the vendored engine). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateProject } from '../../codegen/generate';
import { parseDesign } from '../../src/model/load';
import type { TopologyDocument } from '../../src/model/types';

export const GOLDEN_DIR = join(import.meta.dirname, '..', 'golden');
export const GOLDEN_FILES = ['package.json', 'README.md', 'src/topology.ts', 'src/settings.ts'];
const EXAMPLES = join(import.meta.dirname, '..', '..', 'public', 'examples');

/** public/examples/*.json as [name, design], sorted by name. */
export function exampleDesigns(): [string, TopologyDocument][] {
  return readdirSync(EXAMPLES)
    .filter((x) => x.endsWith('.json') && x !== 'index.json')
    .sort()
    .map((f) => {
      const r = parseDesign(readFileSync(join(EXAMPLES, f), 'utf8'));
      if (!r.ok) throw new Error(`${f}: ${r.errors[0].message}`);
      return [f.replace('.json', ''), r.doc];
    });
}

export function goldenProjects(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [name, doc] of exampleDesigns()) {
    const files = generateProject(doc, new Map());
    out.set(name, new Map(GOLDEN_FILES.map((p) => [p, files.get(p)!])));
  }
  return out;
}
