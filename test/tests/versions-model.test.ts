/** Saved versions live in the design: saved, read back from a file (each version's design checked as a document), removed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '../../src/model/load';
import type { TopologyDocument } from '../../src/model/types';
import { removeVersion, saveVersion, versionDocument } from '../../src/model/versions';

const doc = (): TopologyDocument => JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'examples', 'word-count.json'), 'utf8'));

describe('versions', () => {
  it('a saved version is a snapshot without versions, kept through a save and a load', () => {
    const first = saveVersion(doc(), 'v1', 'as deployed', '2026-01-01T00:00:00.000Z');
    const edited = { ...first.doc, nodes: first.doc.nodes.map((n) => (n.kind === 'groupBy' ? { ...n, name: 'by-the-word' } : n)) };
    const second = saveVersion(edited, '', 'renamed', '2026-01-02T00:00:00.000Z');
    expect(second.doc.versions!.map((v) => [v.id, v.name])).toEqual([['v1', 'v1'], ['v2', 'Version 2']]);
    expect('versions' in second.doc.versions![1].design).toBe(false);
    const again = parseDesign(serializeDesign(second.doc));
    expect(again.ok).toBe(true);
    const loaded = again.ok ? again.doc : second.doc;
    expect(versionDocument(loaded, 'v1')!.nodes.find((n) => n.kind === 'groupBy')!.name).toBe('by-word');
    expect(versionDocument(loaded, 'v2')!.nodes.find((n) => n.kind === 'groupBy')!.name).toBe('by-the-word');
    expect(removeVersion(removeVersion(loaded, 'v1'), 'v2').versions).toBeUndefined();
  });

  it("a broken version's design is refused with its path", () => {
    const saved = saveVersion(doc(), 'v1', '', '2026-01-01T00:00:00.000Z').doc;
    const raw = JSON.parse(serializeDesign(saved));
    raw.versions[0].design.nodes[0].position.x = 'left';
    const r = parseDesign(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['$.versions[0].design.nodes[0].position.x']);
  });
});
