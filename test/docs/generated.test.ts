/** Generated docs are current: the shipped files are exactly what their generators write today. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operatorsMarkdown } from '../../docs/operators-markdown';
import { topologySchemaJson } from '../../docs/topology-schema';

const shipped = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');

describe('generated docs', () => {
  it('docs/operators.md matches the operator descriptors (run `npm run docs:operators`)', () => {
    expect(shipped('operators.md')).toBe(operatorsMarkdown());
  });
  it('docs/topology.schema.json matches the zod schema (run `npm run schema`)', () => {
    const text = shipped('topology.schema.json');
    expect(text).toBe(topologySchemaJson());
    expect(JSON.parse(text)).toMatchObject({ $id: 'https://streamwright.dev/topology.schema.json', title: 'Streamwright topology document' });
  });
});
