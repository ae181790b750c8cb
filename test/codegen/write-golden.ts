// Regenerates test/golden from the examples: `npm run golden`. Review the diff before committing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GOLDEN_DIR, goldenProjects } from './golden';

for (const [name, files] of goldenProjects()) {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(GOLDEN_DIR, name, path)), { recursive: true });
    writeFileSync(join(GOLDEN_DIR, name, path), text);
  }
}
console.log(`wrote ${GOLDEN_DIR}`);
