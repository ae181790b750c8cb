/**
 * Migrations of older documents to the current version. Version 0 (the prototype format) had no
 * "format" field, nodes with `type` instead of `kind` and `config` instead of `params`, and edges as
 * `{ from: "node:port", to: "node:port" }` strings. Each step is a pure function.
 */
import { CURRENT_VERSION, DOCUMENT_FORMAT } from './types';

type Json = Record<string, unknown>;

function migrate0to1(doc: Json): Json {
  const nodes = ((doc.nodes as Json[]) ?? []).map((n) => ({
    id: n.id,
    kind: n.kind ?? n.type,
    name: n.name ?? n.id,
    description: n.description,
    params: n.params ?? n.config ?? {},
    position: n.position ?? { x: Number(n.x ?? 0), y: Number(n.y ?? 0) },
  }));
  const edges = ((doc.edges as Json[]) ?? []).map((e, i) => {
    const [source, sourcePort] = String(e.from ?? e.source).split(':');
    const [target, targetPort] = String(e.to ?? e.target).split(':');
    return { id: (e.id as string) ?? `e${i + 1}`, source, ...(sourcePort && sourcePort !== 'out' ? { sourcePort } : {}), target, targetPort: targetPort ?? 'in' };
  });
  return {
    format: DOCUMENT_FORMAT,
    version: 1,
    name: doc.name ?? doc.applicationId ?? 'streams-app',
    description: doc.description,
    nodes,
    edges,
    samples: doc.samples ?? {},
    settings: doc.settings ?? { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 },
  };
}

const STEPS: Record<number, (d: Json) => Json> = { 0: migrate0to1 };

/** Brings a parsed document to the current version; unknown future versions are reported. */
export function migrateDocument(raw: unknown): { ok: true; doc: unknown; from: number } | { ok: false; message: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'a design must be a JSON object' };
  let doc = raw as Json;
  const from = typeof doc.version === 'number' ? doc.version : 0;
  if (from > CURRENT_VERSION) return { ok: false, message: `version ${from} is newer than this Streamwright understands (${CURRENT_VERSION})` };
  for (let v = from; v < CURRENT_VERSION; v++) doc = STEPS[v](doc);
  return { ok: true, doc, from };
}
