/** The document: schema round trip, migration of a version-0 file, load errors with places. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '../../src/model/load';

const examples = join(__dirname, '..', '..', 'public', 'examples');
const fixtures = join(__dirname, '..', 'fixtures', 'designs');

describe('topology document', () => {
  it.each(['word-count', 'orders-payments-join', 'split-branches'])('round-trips %s (save -> load -> equal)', (name) => {
    const first = parseDesign(readFileSync(join(examples, `${name}.json`), 'utf8'));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parseDesign(serializeDesign(first.doc));
    expect(again.ok && again.doc).toEqual(first.doc);
  });

  it('migrates a version-0 design (type/config/"from:port" edges) to version 1', () => {
    const r = parseDesign(readFileSync(join(fixtures, 'v0-word-count.json'), 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(0);
    expect(r.doc.format).toBe('streamwright/topology');
    expect(r.doc.version).toBe(1);
    expect(r.doc.nodes.map((n) => n.kind)).toEqual(['stream', 'flatMapValues', 'groupBy', 'count', 'toStream', 'to']);
    expect(r.doc.nodes[1].params.mapper).toContain('split');
    expect(r.doc.edges[0]).toEqual({ id: 'e1', source: 'src', target: 'words', targetPort: 'in' });
  });

  it('reports invalid JSON with line and column', () => {
    const r = parseDesign('{\n  "format": "streamwright/topology",\n  "nodes": [,]\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].line).toBe(3);
    expect(r.errors[0].column).toBeGreaterThan(1);
    expect(r.errors[0].message).toMatch(/invalid JSON/);
  });

  it('reports schema errors with the JSON path', () => {
    const r = parseDesign(JSON.stringify({ format: 'streamwright/topology', version: 1, name: 'x', nodes: [{ id: 'a', kind: 'stream', name: 'a', params: {}, position: { x: 'left', y: 0 } }], edges: [] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe('$.nodes[0].position.x');
  });

  it('refuses a newer version than it understands', () => {
    const r = parseDesign(JSON.stringify({ format: 'streamwright/topology', version: 9, name: 'x', nodes: [], edges: [] }));
    expect(r.ok).toBe(false);
  });
});
