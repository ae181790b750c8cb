/**
 * Issue 19's code generator points, each on the smallest design that broke it. The fuzz batch
 * (fuzz.test.ts) also type-checks these designs' projects and runs them against the preview.
 */
import globals from 'globals';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../codegen/generate';
import { NameAllocator, RESERVED_NAMES } from '../../codegen/names';
import { checkProjectPath } from '../../codegen/project-paths';
import { printTopology } from '../../codegen/topology-file';
import { zipProject } from '../../codegen/zip';
import { unzipSync } from 'fflate';
import { topicFileName, topicFilePath } from '../../src/engine/topic-files';
import { design, node } from '../fixtures/build';
import { descriptionInjection, GLOBAL_NAMES, globalNames, multiLineLiterals, TEMPLATE_MAPPER, trailingComment } from './regression-designs';

/** What TypeScript makes of the code: syntax errors, and the identifiers outside comments and literals. */
function scan(code: string): { errors: string[]; identifiers: string[] } {
  const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  const identifiers: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) identifiers.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(ts.createSourceFile('topology.ts', code, ts.ScriptTarget.ES2022, true));
  return { errors: (out.diagnostics ?? []).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`), identifiers };
}

describe('comments carry user text safely', () => {
  it('a description or app name with \\r, U+2028, U+2029 or */ never becomes code', () => {
    const { errors, identifiers } = scan(printTopology(descriptionInjection()));
    expect(errors).toEqual([]);
    expect(identifiers).not.toContain('process');
  });
});

describe('generated names never shadow what functions use', () => {
  it('no identifier is a keyword, an ECMAScript or Node global, or a name the file imports', () => {
    const names = new NameAllocator();
    const risky = [...Object.keys(globals.builtin), ...Object.keys(globals.node), 'builder', 'buildTopology', 'APPLICATION_ID', 'class', 'await', 'type'];
    for (const name of risky) expect(RESERVED_NAMES.has(names.allocate(name)), name).toBe(false);
    // printTopology adds the file's engine imports to the reserved names.
    const withImports = new NameAllocator(new Set([...RESERVED_NAMES, 'consumed']));
    expect(withImports.allocate('consumed')).toBe('consumedNode');
  });
  it('nodes named parseInt, Math, JSON... do not declare those names', () => {
    const code = printTopology(globalNames());
    for (const name of GLOBAL_NAMES) expect(code).not.toMatch(new RegExp(`const ${name} =`));
    expect(code).toContain('parseInt(String(v), 10)');
  });
  it('names without ASCII letters fall back to the operator kind; digits never lead', () => {
    const names = new NameAllocator();
    expect([names.allocate('注文', 'filter'), names.allocate('🚀', 'filter'), names.allocate('2nd', 'map')]).toEqual(['filter', 'filter2', 'map_2nd']);
  });
});

describe("function text is placed without changing it", () => {
  it('multi-line template literals and continued strings keep their exact text', () => {
    const code = printTopology(multiLineLiterals());
    expect(code).toContain(TEMPLATE_MAPPER);
    expect(scan(code).errors).toEqual([]);
  });
  it('a function ending in a // comment does not swallow the code after it', () => {
    const code = printTopology(trailingComment());
    expect(scan(code).errors).toEqual([]);
    expect(code).toContain('(k, w) => w // by word\n');
  });
});

describe('file names built from topic names stay inside the project', () => {
  const HOSTILE_TOPICS = ['../../x', 'a/b', '..', '.', '.hidden', 'a\\b', 'C:evil', '%2F', '注文', '\uD800', 'plain-topic.v1', ''];
  it('topicFileName encodes every topic into one plain, distinct file name', () => {
    const files = HOSTILE_TOPICS.map(topicFileName);
    for (const f of files.slice(0, -1)) expect(f).toMatch(/^[A-Za-z0-9_%-][A-Za-z0-9._%-]*\.jsonl$/);
    expect(new Set(files).size).toBe(HOSTILE_TOPICS.length);
    expect(topicFileName('plain-topic.v1')).toBe('plain-topic.v1.jsonl');
    expect(topicFilePath('out', 'a/b')).toBe('out/a%2Fb.jsonl');
  });
  it('the longest legal topics still make file names the file system takes (at most 255 bytes), distinct', () => {
    const longest = ['.' + 'x'.repeat(248), '.' + 'x'.repeat(247) + 'y', 'x'.repeat(249), '.'.repeat(3) + '-'.repeat(246)];
    const files = longest.map(topicFileName);
    for (const f of files) expect(Buffer.byteLength(f), f).toBeLessThanOrEqual(255);
    expect(new Set(files).size).toBe(longest.length);
    expect(files[2]).toBe(`${'x'.repeat(249)}.jsonl`);
  });
  it('checkProjectPath refuses anything that could leave the project folder', () => {
    for (const bad of ['../x', 'samples/../../x', '/etc/passwd', 'a//b', './a', 'a\\..\\b', 'C:x']) expect(() => checkProjectPath(bad), bad).toThrow(/would not stay inside/);
    expect(checkProjectPath('samples/a%2Fb.jsonl')).toBe('samples/a%2Fb.jsonl');
  });
  it('the zip download keeps every file under one safe folder, whatever the app is called', () => {
    const entries = Object.keys(unzipSync(zipProject('../../Evil App', new Map([['src/topology.ts', 'x']]))));
    expect(entries).toEqual(['app-.-..-evil-app/src/topology.ts']);
    expect(() => zipProject('ok', new Map([['../x', '']]))).toThrow(/would not stay inside/);
  });
  it('generateProject names samples files by topicFilePath, never by the raw topic', () => {
    const doc = design([node('s', 'stream', { topic: 'in' }), node('o', 'to', { topic: 'out' })], [['s', 'o']], { in: [] });
    // The checker may refuse such topics (Kafka's rules); the file names must be safe either way.
    doc.nodes[0].params.topic = '../../x';
    let files: Map<string, string>;
    try {
      files = generateProject(doc, new Map());
    } catch (e) {
      expect(String(e)).toMatch(/topic/);
      return;
    }
    expect([...files.keys()].filter((p) => p.startsWith('samples/'))).toEqual(['samples/%2E.%2F..%2Fx.jsonl']);
  });
});
