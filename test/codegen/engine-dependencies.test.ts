/**
 * The generated project vendors src/engine, so its package.json must list every npm package the
 * engine imports, at the version this repository pins (one truth: the repo's package.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEngineSources } from '../../codegen/engine-sources-node';
import { ENGINE_DEPENDENCIES } from '../../codegen/project-files';

const ROOT = join(import.meta.dirname, '..', '..');
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies?: Record<string, string> };

/** Bare module specifiers imported by a source file (not relative, not node: builtins). */
function npmImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^'./][^']*)'/gm)) {
    const spec = m[1];
    if (spec.startsWith('node:')) continue;
    out.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return out;
}

describe('generated project dependencies', () => {
  it('lists every npm package the vendored engine imports, at the version the repo pins', () => {
    const imported = new Set<string>();
    for (const [path, text] of nodeEngineSources()) if (!path.endsWith('.d.ts')) for (const p of npmImports(text)) imported.add(p);
    expect(imported.has('kafkajs')).toBe(true);
    for (const p of imported) {
      expect(ENGINE_DEPENDENCIES[p], `${p} is imported by src/engine but not in the generated package.json`).toBeDefined();
      expect(ENGINE_DEPENDENCIES[p], p).toBe(rootPkg.dependencies[p] ?? rootPkg.devDependencies?.[p]);
    }
  });
});
