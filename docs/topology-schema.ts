// docs/topology.schema.json as text, from the zod schema (written by docs/write-schema.ts, checked by test/docs).
import { z } from 'zod';
import { documentSchema } from '../src/model/schema';

export function topologySchemaJson(): string {
  const schema = { $id: 'https://streamwright.dev/topology.schema.json', title: 'Streamwright topology document', ...z.toJSONSchema(documentSchema, { io: 'input' }) };
  return JSON.stringify(schema, null, 2) + '\n';
}
