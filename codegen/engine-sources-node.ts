/** Reads the engine's source files from disk (for the CLI and tests in Node). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function nodeEngineSources(engineDir = join(import.meta.dirname, '..', 'src', 'engine')): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.set(relative(engineDir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(engineDir);
  return out;
}
