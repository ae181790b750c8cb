// Regenerates docs/topology.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { topologySchemaJson } from './topology-schema';

writeFileSync(new URL('./topology.schema.json', import.meta.url), topologySchemaJson());
