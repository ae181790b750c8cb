// Regenerates docs/topology.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { documentSchema } from '../src/model/schema';

const schema = { $id: 'https://streamwright.dev/topology.schema.json', title: 'Streamwright topology document', ...z.toJSONSchema(documentSchema, { io: 'input' }) };
writeFileSync(new URL('./topology.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
