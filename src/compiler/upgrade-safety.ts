/**
 * Whether deploying a new version of a design over a running one keeps its state, by Kafka Streams'
 * compatibility rules: state lives in stores named by the topology (and their changelog topics,
 * `<application.id>-<store>-changelog`), records in flight in repartition topics
 * (`<application.id>-<name>-repartition`), all under the application id; stored bytes are read back
 * with the serdes and window layout they were written with. Each flag says what happens on deploy
 * and how to avoid it. Both designs must compile without errors.
 */
import { getOperator } from '../model/registry';
import type { TopologyDocument } from '../model/types';
import { compileDesign, type CompiledDesign } from './compile';

export type UpgradeCode = 'U_APP_ID' | 'U_STORE_REMOVED' | 'U_STORE_RENAMED' | 'U_REPARTITION_TOPIC' | 'U_REPARTITION_PARTITIONS' | 'U_STORE_SERDE' | 'U_WINDOW';

export interface UpgradeFlag {
  code: UpgradeCode;
  /** The node of the new version (or of the old one, when removed) the flag is about. */
  nodeId?: string;
  /** The store or topic concerned. */
  subject: string;
  /** What changed. */
  message: string;
  /** What happens when the new version is deployed over the old one's state. */
  onDeploy: string;
  /** How to avoid it. */
  avoid: string;
}

/** The params of a window a store was laid out with (a changed one reads old windows wrongly). */
const WINDOW_PARAMS = ['type', 'sizeMs', 'advanceMs', 'gapMs', 'graceMs', 'timeDifferenceMs', 'beforeMs', 'afterMs'];

interface Facts {
  doc: TopologyDocument;
  compiled: CompiledDesign;
  /** store -> owning design node id */
  storeOwner: Map<string, string>;
}

function factsOf(doc: TopologyDocument): Facts {
  const compiled = compileDesign(doc);
  const storeOwner = new Map<string, string>();
  for (const [nodeId, p] of compiled.nodeProcessors) for (const s of p.stores) storeOwner.set(s, nodeId);
  return { doc, compiled, storeOwner };
}

export function upgradeFlags(before: TopologyDocument, after: TopologyDocument): UpgradeFlag[] {
  const a = factsOf(before);
  const b = factsOf(after);
  const flags: UpgradeFlag[] = [];
  if (before.name !== after.name)
    flags.push({ code: 'U_APP_ID', subject: after.name, message: `the application id changes from "${before.name}" to "${after.name}"`, onDeploy: 'the new application starts as a new consumer group with empty stores: committed offsets, state stores, changelog and repartition topics of the old one are abandoned (it reprocesses its inputs from the earliest offset)', avoid: `keep the design name "${before.name}" (APPLICATION_ID), or migrate deliberately` });
  storeFlags(a, b, flags);
  topicFlags(a, b, flags);
  serdeFlags(a, b, flags);
  windowFlags(a, b, flags);
  return flags;
}

const nodeName = (f: Facts, id: string | undefined) => f.doc.nodes.find((n) => n.id === id)?.name ?? id ?? '?';

function storeFlags(a: Facts, b: Facts, flags: UpgradeFlag[]) {
  for (const [store, owner] of a.storeOwner) {
    if (b.storeOwner.has(store)) continue;
    const logged = a.compiled.topology.spec.stores.get(store)?.logging ?? false;
    const changelog = logged ? ` and its changelog topic "${a.doc.name}-${store}-changelog"` : '';
    const renamedTo = [...b.storeOwner].find(([s, o]) => o === owner && !a.storeOwner.has(s))?.[0];
    if (renamedTo)
      flags.push({ code: 'U_STORE_RENAMED', nodeId: owner, subject: store, message: `"${nodeName(b, owner)}" keeps its state in "${renamedTo}" instead of "${store}"`, onDeploy: `the store starts empty: what "${store}"${changelog} holds is not restored into "${renamedTo}" (counts and aggregates start again from zero)`, avoid: `give the store the old name (store name "${store}"), or name stores explicitly so that renaming a node does not rename them` });
    else
      flags.push({ code: 'U_STORE_REMOVED', nodeId: owner, subject: store, message: `the store "${store}" of "${nodeName(a, owner)}" is gone`, onDeploy: `its state is dropped${changelog ? `;${changelog.replace(' and', '')} is left behind` : ''}`, avoid: 'keep the stateful node (or accept losing its state)' });
  }
}

function topicFlags(a: Facts, b: Facts, flags: UpgradeFlag[]) {
  const before = a.compiled.topology.spec.internalTopics;
  const after = b.compiled.topology.spec.internalTopics;
  const added = [...after.keys()].filter((t) => !before.has(t));
  for (const [topic, partitions] of before) {
    if (!after.has(topic)) {
      flags.push({ code: 'U_REPARTITION_TOPIC', subject: topic, message: `the repartition topic "${topic}" ${added.length ? `is replaced by "${added.join('", "')}"` : 'is gone'}`, onDeploy: `records written to "${a.doc.name}-${topic}" by the old version and not yet read are never processed`, avoid: 'stop the producers and let the old version drain its repartition topics before deploying, or keep the names (repartition topics are named from node names, or from the repartition name of a repartition: keep them)' });
      continue;
    }
    const now = after.get(topic) ?? null;
    const was = partitions ?? a.doc.settings.partitions;
    const will = now ?? b.doc.settings.partitions;
    if (was !== will)
      flags.push({ code: 'U_REPARTITION_PARTITIONS', subject: topic, message: `the repartition topic "${topic}" goes from ${was} to ${will} partition(s)`, onDeploy: 'the existing topic keeps its partition count (Kafka Streams fails on the mismatch), and keys would move to other tasks, away from their state', avoid: 'keep the partition count, or deploy under a new application id and reprocess' });
  }
}

/** A store's serdes: its owner's explicit keySerde/valueSerde, else the design's defaults. */
function storeSerdes(f: Facts, owner: string): string {
  const n = f.doc.nodes.find((x) => x.id === owner);
  const p = n?.params ?? {};
  return `${String(p.keySerde || f.doc.settings.defaultKeySerde)}/${String(p.valueSerde || f.doc.settings.defaultValueSerde)}`;
}

function serdeFlags(a: Facts, b: Facts, flags: UpgradeFlag[]) {
  for (const [store, owner] of a.storeOwner) {
    if (b.storeOwner.get(store) !== owner) continue;
    const kinds = [a, b].map((f) => f.doc.nodes.find((n) => n.id === owner)?.kind);
    if (kinds[0] !== kinds[1]) {
      flags.push({ code: 'U_STORE_SERDE', nodeId: owner, subject: store, message: `the store "${store}" is written by a ${kinds[1]} instead of a ${kinds[0]}: its entries have another format`, onDeploy: `the entries the ${kinds[0]} wrote are restored and read as the ${kinds[1]}'s (wrong values, or deserialization errors)`, avoid: 'give the new operator its own store name so that it starts empty' });
      continue;
    }
    const was = storeSerdes(a, owner);
    const will = storeSerdes(b, owner);
    if (was !== will)
      flags.push({ code: 'U_STORE_SERDE', nodeId: owner, subject: store, message: `the store "${store}" of "${nodeName(b, owner)}" changes its key/value serdes from ${was} to ${will}`, onDeploy: 'the entries restored from its changelog were written with the old serdes: they fail to deserialize or are read as other data', avoid: 'keep the serdes of stored data; to change them, write into a new store (a new store name) and let it rebuild' });
  }
}

/** Stores whose layout follows a node's window: its own, or those of the nodes it feeds (windowedBy -> aggregate). */
function windowStores(f: Facts, nodeId: string): string[] {
  const fed = f.doc.edges.filter((e) => e.source === nodeId).map((e) => e.target);
  return [nodeId, ...fed].flatMap((id) => f.compiled.nodeProcessors.get(id)?.stores ?? []).filter((s) => (f.compiled.topology.spec.stores.get(s)?.kind ?? 'keyValue') !== 'keyValue');
}

function windowFlags(a: Facts, b: Facts, flags: UpgradeFlag[]) {
  for (const n of b.doc.nodes) {
    const was = a.doc.nodes.find((x) => x.id === n.id);
    const d = getOperator(n.kind);
    if (!was || !d || was.kind !== n.kind) continue;
    const value = (params: Record<string, unknown>, k: string) => params[k] ?? (d.defaults as Record<string, unknown>)[k];
    const changed = WINDOW_PARAMS.filter((k) => JSON.stringify(value(was.params, k)) !== JSON.stringify(value(n.params, k)));
    const stores = windowStores(a, n.id).filter((s) => windowStores(b, n.id).includes(s));
    if (!changed.length || !stores.length) continue;
    const what = changed.map((k) => `${k} ${JSON.stringify(value(was.params, k))} -> ${JSON.stringify(value(n.params, k))}`).join(', ');
    flags.push({ code: 'U_WINDOW', nodeId: n.id, subject: stores.join(', '), message: `the window of "${n.name}" changes (${what}) while its store(s) ${stores.map((s) => `"${s}"`).join(', ')} keep their names`, onDeploy: 'windows restored from the changelog were laid out with the old size and grace: they are read as windows of the new layout (wrong bounds, wrong retention) or expire at once', avoid: 'give the windowed store a new name so that it starts empty, or deploy under a new application id and reprocess' });
  }
}
