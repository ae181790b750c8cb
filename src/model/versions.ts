/** Saved versions of a design: snapshots kept in the document itself (so IndexedDB and the design file keep them). */
import type { DesignVersion, TopologyDocument } from './types';

/** The design as it is now, without its versions (a version never holds other versions). */
export function snapshotOf(doc: TopologyDocument): DesignVersion['design'] {
  const { versions: _versions, ...design } = doc;
  return design;
}

export function saveVersion(doc: TopologyDocument, name: string, message: string, savedAt: string): { doc: TopologyDocument; versionId: string } {
  const versions = doc.versions ?? [];
  const taken = new Set(versions.map((v) => v.id));
  let i = versions.length + 1;
  while (taken.has(`v${i}`)) i++;
  const version: DesignVersion = { id: `v${i}`, name: name.trim() || `Version ${i}`, message, savedAt, design: snapshotOf(doc) };
  return { doc: { ...doc, versions: [...versions, version] }, versionId: version.id };
}

/** A version as a document of its own (to compare, or to open). */
export function versionDocument(doc: TopologyDocument, id: string): TopologyDocument | null {
  const v = doc.versions?.find((x) => x.id === id);
  return v ? { ...v.design } : null;
}

export function removeVersion(doc: TopologyDocument, id: string): TopologyDocument {
  const versions = (doc.versions ?? []).filter((v) => v.id !== id);
  if (versions.length) return { ...doc, versions };
  const { versions: _gone, ...rest } = doc;
  return rest;
}
