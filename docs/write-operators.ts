// Regenerates docs/operators.md from the operator registry: `npm run docs:operators`.
import { writeFileSync } from 'node:fs';
import { operatorsMarkdown } from './operators-markdown';

writeFileSync(new URL('./operators.md', import.meta.url), operatorsMarkdown());
