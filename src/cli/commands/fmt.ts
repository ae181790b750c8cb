import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serializeDesign } from '../../model/load';
import { loadDesignFile, readText } from '../files';
import { parseFlags } from '../flags';
import type { CliCommand } from '../io';

/**
 * `streamwright fmt <design.json>... [--check]`: writes each design in the form the designer saves
 * (fields in schema order, two-space indent, a newline at the end), so that files in git diff by
 * what changed. --check writes nothing and exits 1 when a file is not in that form (for CI).
 */
export const run: CliCommand = async (args, io) => {
  const { positional, flags } = parseFlags(args, { check: 'boolean' });
  if (positional.length === 0) {
    io.stderr('usage: streamwright fmt <design.json>... [--check]\n');
    return 2;
  }
  let unformatted = 0;
  for (const file of positional) {
    const text = readText(file, io.cwd);
    const formatted = serializeDesign(loadDesignFile(file, io.cwd));
    if (formatted === text) continue;
    unformatted++;
    if (flags.check) io.stdout(`${file}: not formatted (run streamwright fmt ${file})\n`);
    else {
      writeFileSync(resolve(io.cwd, file), formatted);
      io.stdout(`${file}: formatted\n`);
    }
  }
  return flags.check && unformatted > 0 ? 1 : 0;
};
