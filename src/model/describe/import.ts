/**
 * Topology#describe() text -> a design. Each described node is built by the first rule that takes
 * it (joins and cogroups first, as they span several processors; the placeholder last), once the
 * nodes feeding it are built. Nodes are named after the processors, so the engine prints the same
 * names back (docs/describe-import.md: the mapping, the placeholders and what the text cannot say).
 */
import { CURRENT_VERSION, DOCUMENT_FORMAT, type TopologyDocument } from '../types';
import { nameTable } from '../name-table';
import { DesignBuilder, type ImportNote } from './design-builder';
import { DescribedGraph } from './graph';
import { cogroupAggregate, foreignKeyJoin, streamStreamJoin, streamTableJoin, tableTableJoin } from './join-rules';
import { layeredPositions } from './layered-positions';
import { parseDescribe, type DescribeProblem, type DescribedNode } from './parse';
import { aggregation, forcePlaceholder, groupBy, merge, repartition, repartitionFilter, single, sink, source, split, type Rule } from './rules';

export type { ImportNote } from './design-builder';

export type DescribeImport = { ok: true; doc: TopologyDocument; notes: ImportNote[] } | { ok: false; problems: DescribeProblem[] };

const RULES: Rule[] = [source, repartitionFilter, streamStreamJoin, tableTableJoin, foreignKeyJoin, cogroupAggregate, groupBy, repartition, sink, split, merge, streamTableJoin, aggregation, single];

export function importDescribe(text: string, options: { name?: string } = {}): DescribeImport {
  const parsed = parseDescribe(text);
  if (!parsed.ok) return parsed;
  const g = new DescribedGraph(parsed.description);
  const b = new DesignBuilder([...g.byName.keys(), ...g.nodes.flatMap((n) => n.stores)]);
  for (;;) {
    let progress = false;
    for (const n of g.nodes) if (!b.consumed.has(n.name) && apply(n, g, b)) progress = true;
    // Stuck (a join waiting for a table that waits for it): the first processor whose input is built becomes a placeholder.
    if (!progress && !g.nodes.some((n) => !b.consumed.has(n.name) && forcePlaceholder(n, g, b))) break;
  }
  for (const n of g.nodes) if (!b.consumed.has(n.name)) b.note('INEXACT', n.name, unbuiltReason(n, g));
  const doc: TopologyDocument = {
    format: DOCUMENT_FORMAT,
    version: CURRENT_VERSION,
    name: options.name ?? parsed.description.topologyName ?? 'imported-topology',
    description: 'Imported from the text of Topology#describe(). Functions are TODO stubs; see each node’s description.',
    nodes: b.nodes,
    edges: b.edges,
    samples: nameTable(),
    settings: { defaultKeySerde: 'string', defaultValueSerde: 'json', partitions: 1 },
  };
  const positions = layeredPositions(doc);
  for (const n of doc.nodes) n.position = positions[n.id] ?? n.position;
  return { ok: true, doc, notes: b.notes };
}

/** The first rule that does not pass on the node decides: it built it, or it waits for its inputs. */
function apply(n: DescribedNode, g: DescribedGraph, b: DesignBuilder): boolean {
  for (const rule of RULES) {
    const r = rule(n, g, b);
    if (r !== false) return r === true;
  }
  return false;
}

/** Why a described node has no design node: nothing feeds it that was built (a cycle, or an input that was not). */
function unbuiltReason(n: DescribedNode, g: DescribedGraph): string {
  if (g.isInternalSource(n)) return `"${n.name}" reads an internal topic whose writer was not imported`;
  return `"${n.name}" was not imported: the nodes feeding it (${n.predecessors.join(', ') || 'none'}) were not`;
}
