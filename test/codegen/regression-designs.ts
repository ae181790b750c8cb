/** Designs that once broke the generated code (issue 19), one per way; the fuzz batch also type-checks and runs them. */
import type { TopologyDocument } from '../../src/model/types';
import { design, node } from '../fixtures/build';

const records = (values: unknown[]) => values.map((value, i) => ({ key: `k${i % 2}`, value, timestamp: i + 1 }));

/** 1. A description (or app name) with a lone \r, U+2028 or U+2029 must stay a comment. */
export function descriptionInjection(): TopologyDocument {
  const doc = design([node('s', 'stream', { topic: 'in' }), node('f', 'filter', { predicate: '(k, v) => true' }), node('o', 'to', { topic: 'out' })], [['s', 'f'], ['f', 'o']], { in: records([1, 2]) });
  doc.name = 'app\rprocess.exit(81)';
  doc.description = 'about\u2028process.exit(82)';
  doc.nodes[0].description = 'one\rprocess.exit(86)';
  doc.nodes[1].description = 'two\u2028process.exit(87) */ process.exit(88)';
  doc.nodes[2].description = 'three\u2029process.exit(89)\r\n/* x */ process.exit(90)';
  return doc;
}

/** 2. Nodes named after globals the functions call, the file's own names, its engine imports and TypeScript type names. */
export const GLOBAL_NAMES = ['parseInt', 'Math', 'JSON', 'String', 'Number', 'console', 'require', 'globalThis', 'builder', 'undefined', 'Consumed', 'Produced'];
export function globalNames(): TopologyDocument {
  const fns = [
    '(v) => parseInt(String(v), 10) + Math.max(1, 2)',
    '(v) => JSON.stringify({ n: Number(v) }).length + String(v).length',
    "(v) => (typeof console.log === 'function' && typeof globalThis === 'object' ? v : -1)",
    '(v) => (undefined === void 0 ? v : 0)',
  ];
  const nodes = [node('n0', 'stream', { topic: 'in' }, GLOBAL_NAMES[0])];
  const edges: [string, string][] = [];
  for (let i = 1; i < GLOBAL_NAMES.length - 1; i++) {
    nodes.push(node(`n${i}`, 'mapValues', { mapper: fns[i % fns.length] }, GLOBAL_NAMES[i]));
    edges.push([`n${i - 1}`, `n${i}`]);
  }
  const last = GLOBAL_NAMES.length - 1;
  nodes.push(node(`n${last}`, 'to', { topic: 'out' }, GLOBAL_NAMES[last]));
  edges.push([`n${last - 1}`, `n${last}`]);
  return design(nodes, edges, { in: records(['7', '12']) });
}

/** 3. Multi-line template literals and strings keep every space when the function is indented. */
export const TEMPLATE_MAPPER = '(v) => `first line\n  second ${v}\n\tthird\n` + \'and a\\\n    continued string\'';
export function multiLineLiterals(): TopologyDocument {
  return design(
    [node('s', 'stream', { topic: 'in' }), node('m', 'mapValues', { mapper: TEMPLATE_MAPPER }, 'a node with a name long enough to print its call on a line of its own'), node('o', 'to', { topic: 'out' })],
    [['s', 'm'], ['m', 'o']],
    { in: records([1]) },
  );
}

/** 4. A function ending in a line comment (issue 19's word count). */
export function trailingComment(): TopologyDocument {
  return design(
    [node('s', 'stream', { topic: 'words' }), node('g', 'groupBy', { mapper: '(k, w) => w // by word' }), node('c', 'count', {}), node('t', 'toStream', {}), node('o', 'to', { topic: 'counts' })],
    [['s', 'g'], ['g', 'c'], ['c', 't'], ['t', 'o']],
    { words: records(['a', 'b', 'a']) },
  );
}

/** 6. Topics named after Object.prototype members. */
export function prototypeTopics(): TopologyDocument {
  return design([node('s', 'stream', { topic: '__proto__' }), node('o', 'to', { topic: 'constructor' })], [['s', 'o']], JSON.parse(`{"__proto__": ${JSON.stringify(records([1, 2]))}}`));
}

/**
 * 7. Processor API nodes print as suppliers that type-check: a processor with type annotations and
 * all three store types, and one written without parentheses around its object (the printer adds them).
 */
export function processorNodes(): TopologyDocument {
  const typed = `({
  init(ctx) {
    this.ctx = ctx;
    this.kv = ctx.getStateStore('kv-n');
    this.win = ctx.getStateStore<ProcessorWindowStore<string, number>>('win-n');
    this.sess = ctx.getStateStore<ProcessorSessionStore<string, number>>('sess-n');
  },
  process(record: { key: string; value: number; timestamp: number }) {
    const start = record.timestamp - (record.timestamp % 10);
    this.win.put(record.key, (this.win.fetch(record.key, start) ?? 0) + record.value, start);
    this.sess.put({ key: record.key, start: record.timestamp, end: record.timestamp }, record.value);
    const seen: number = this.kv.putIfAbsent(record.key, record.timestamp) ?? -1;
    this.ctx.forward({ key: record.key + '!', value: [seen, this.win.fetchRange(record.key, 0, start).length, this.sess.findSessions(record.key, 0, record.timestamp).length] });
  },
  close() {},
})`;
  const stores = [
    { name: 'kv-n', type: 'keyValue' },
    { name: 'win-n', type: 'window', retentionMs: 1000, windowSizeMs: 10 },
    { name: 'sess-n', type: 'session', retentionMs: 1000, logging: false },
  ];
  const bare = "{ init(ctx) { this.ctx = ctx; }, process(r) { this.ctx.forward({ key: 'ignored', value: String(r.value), timestamp: r.timestamp + 1 }); } }";
  return design(
    [node('s', 'stream', { topic: 'in' }), node('p', 'process', { processor: typed, stores }), node('v', 'processValues', { processor: bare }), node('o', 'to', { topic: 'out' })],
    [['s', 'p'], ['p', 'v'], ['v', 'o']],
    { in: records([1, 2, 3]) },
  );
}

export const REGRESSION_DESIGNS: [string, () => TopologyDocument][] = [
  ['processor-nodes', processorNodes],
  ['description-injection', descriptionInjection],
  ['global-names', globalNames],
  ['multi-line-literals', multiLineLiterals],
  ['trailing-comment', trailingComment],
  ['prototype-topics', prototypeTopics],
];
