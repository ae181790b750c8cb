/**
 * Reads the text of Kafka Streams' Topology#describe() (TopologyDescription#toString, 2.x to 4.x) into
 * plain data: sub-topologies (global-store ones marked), and per node its kind, topics or stores and
 * its successors and predecessors as printed. Pure text work: what the nodes mean is import.ts's job.
 */

export type DescribedNodeType = 'source' | 'processor' | 'sink';

export interface DescribedNode {
  type: DescribedNodeType;
  name: string;
  /** Sources: the topics read (empty when the source reads a pattern). */
  topics: string[];
  /** Sources reading a topic pattern: the regex as printed. */
  pattern?: string;
  /** Sinks: the topic written (absent with a topic name extractor). */
  topic?: string;
  /** Sinks with a TopicNameExtractor: the extractor as printed. */
  extractor?: string;
  stores: string[];
  successors: string[];
  predecessors: string[];
  /** Index of the sub-topology (or global store) it is printed in. */
  group: number;
  /** 1-based line of its header in the text. */
  line: number;
}

export interface DescribedGroup {
  id: number;
  /** A global store's sub-topology (Kafka prints "for global store (will not generate tasks)"). */
  global: boolean;
  nodes: DescribedNode[];
}

export interface Description {
  /** A named topology's name ("Topology: name:"), when printed. */
  topologyName?: string;
  groups: DescribedGroup[];
}

/** What stops a text from being read, as data (docs/describe-import.md lists the codes). */
export interface DescribeProblem {
  code: 'DESCRIBE_EMPTY' | 'DESCRIBE_SYNTAX' | 'DESCRIBE_DUPLICATE' | 'DESCRIBE_DANGLING';
  line?: number;
  message: string;
}

export type ParseResult = { ok: true; description: Description } | { ok: false; problems: DescribeProblem[] };

const list = (s: string): string[] => (s.trim() === 'none' || s.trim() === '' ? [] : s.split(',').map((x) => x.trim()).filter(Boolean));
const bracketed = (s: string): string[] | null => (/^\[.*\]$/.test(s.trim()) ? list(s.trim().slice(1, -1)) : null);

const SOURCE = /^Source:\s+(.+?)\s+\((topics|topic pattern|topicPattern):\s*(.*)\)$/;
const PROCESSOR = /^Processor:\s+(.+?)\s+\(stores:\s*\[(.*)\]\)$/;
const SINK = /^Sink:\s+(.+?)\s+\((topic|extractor class):\s*(.*)\)$/;
const SUBTOPOLOGY = /^Sub-topology:\s*(\d+)(.*)$/;
const GLOBAL_STORE = /^Global\s*Store\b/i;

/** One node header line as a node without links, or null when the line is not a node header. */
function nodeHeader(text: string, group: number, line: number): DescribedNode | null {
  const base = { stores: [], successors: [], predecessors: [], topics: [], group, line };
  let m = SOURCE.exec(text);
  if (m) {
    const topics = m[2] === 'topics' ? bracketed(m[3]) : null;
    return topics ? { ...base, type: 'source', name: m[1], topics } : { ...base, type: 'source', name: m[1], pattern: m[3].trim() };
  }
  m = PROCESSOR.exec(text);
  if (m) return { ...base, type: 'processor', name: m[1], stores: list(m[2]) };
  m = SINK.exec(text);
  if (m) return m[2] === 'topic' ? { ...base, type: 'sink', name: m[1], topic: m[3].trim() } : { ...base, type: 'sink', name: m[1], extractor: m[3].trim() };
  return null;
}

export function parseDescribe(text: string): ParseResult {
  const problems: DescribeProblem[] = [];
  const groups: DescribedGroup[] = [];
  let topologyName: string | undefined;
  let current: DescribedNode | null = null;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (!t || t === 'Topologies:') return;
    const named = /^Topology:\s*(.+?):$/.exec(t);
    if (named) return void (topologyName = named[1]);
    const sub = SUBTOPOLOGY.exec(t);
    if (sub || GLOBAL_STORE.test(t)) {
      const global = !sub || /global store/i.test(sub[2]);
      groups.push({ id: sub ? Number(sub[1]) : groups.length, global, nodes: [] });
      current = null;
      return;
    }
    const arrow = /^(-->|<--)\s*(.*)$/.exec(t);
    if (arrow) {
      if (!current) return void problems.push({ code: 'DESCRIBE_SYNTAX', line, message: `"${arrow[1]}" without a node before it` });
      if (arrow[1] === '-->') current.successors = list(arrow[2]);
      else current.predecessors = list(arrow[2]);
      return;
    }
    const node = nodeHeader(t, Math.max(groups.length - 1, 0), line);
    if (!node) return void problems.push({ code: 'DESCRIBE_SYNTAX', line, message: `not a line of Topology#describe(): ${JSON.stringify(t.slice(0, 80))}` });
    if (!groups.length) groups.push({ id: 0, global: false, nodes: [] });
    groups[groups.length - 1].nodes.push(node);
    current = node;
  });
  if (!problems.length) problems.push(...linkProblems(groups));
  if (!problems.length && !groups.some((g) => g.nodes.length)) problems.push({ code: 'DESCRIBE_EMPTY', message: 'the text describes no node (paste the output of topology.describe())' });
  return problems.length ? { ok: false, problems } : { ok: true, description: { ...(topologyName ? { topologyName } : {}), groups } };
}

/**
 * Names are unique in a topology, and every successor and predecessor printed is a node of the text.
 * Kafka prints each link from both ends: a link printed from one end only is completed from the other.
 */
function linkProblems(groups: DescribedGroup[]): DescribeProblem[] {
  const problems: DescribeProblem[] = [];
  const byName = new Map<string, DescribedNode>();
  for (const n of groups.flatMap((g) => g.nodes)) {
    if (byName.has(n.name)) problems.push({ code: 'DESCRIBE_DUPLICATE', line: n.line, message: `node "${n.name}" is printed twice` });
    byName.set(n.name, n);
  }
  for (const n of byName.values()) {
    for (const s of n.successors) {
      const child = byName.get(s);
      if (!child) problems.push({ code: 'DESCRIBE_DANGLING', line: n.line, message: `"${n.name}" leads to "${s}", which the text does not describe` });
      else if (!child.predecessors.includes(n.name)) child.predecessors.push(n.name);
    }
    for (const p of n.predecessors) {
      const parent = byName.get(p);
      if (!parent) problems.push({ code: 'DESCRIBE_DANGLING', line: n.line, message: `"${n.name}" is fed by "${p}", which the text does not describe` });
      else if (!parent.successors.includes(n.name)) parent.successors.push(n.name);
    }
  }
  return problems;
}
