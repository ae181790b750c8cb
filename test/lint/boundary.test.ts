/** The lint rules that keep the layers apart (docs/architecture-layers.md) really fail. */
import { existsSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function messages(code: string, filePath: string) {
  const [r] = await eslint.lintText(code, { filePath });
  return r.messages;
}
async function lint(code: string, filePath: string) {
  return (await messages(code, filePath)).map((m) => m.ruleId);
}
const importing = (from: string) => `import * as x from '${from}';\nexport const y = x;\n`;

describe('core boundary lint rule', () => {
  it('rejects react in the engine', async () => {
    expect(await lint("import { useState } from 'react';\nexport const x = useState;\n", 'src/engine/fixture-bad.ts')).toContain('no-restricted-imports');
  });
  it('rejects @xyflow and monaco in the model and codegen', async () => {
    expect(await lint("import { ReactFlow } from '@xyflow/react';\nexport const x = ReactFlow;\n", 'src/model/fixture-bad.ts')).toContain('no-restricted-imports');
    expect(await lint("import * as m from 'monaco-editor';\nexport const x = m;\n", 'codegen/fixture-bad.ts')).toContain('no-restricted-imports');
  });
  it('rejects DOM globals in the compiler', async () => {
    expect(await lint('export const x = () => document.title;\n', 'src/compiler/fixture-bad.ts')).toContain('no-restricted-globals');
  });
  it('accepts the same import in UI code, and clean core code', async () => {
    expect(await lint("import { useState } from 'react';\nexport const x = useState;\n", 'src/ui/fixture-ok.tsx')).not.toContain('no-restricted-imports');
    expect(await lint('export const add = (a: number, b: number) => a + b;\n', 'src/engine/fixture-ok.ts')).toEqual([]);
  });
});

describe('layer walls', () => {
  it.each([
    ['an engine file importing the store', 'src/engine/fixture-bad.ts', '../store/store'],
    ['a model .tsx importing react', 'src/model/fixture-bad.tsx', 'react'],
    ['a compiler file importing from src/ui', 'src/compiler/fixture-bad.ts', '../ui/App'],
    ['an engine file two folders down importing the model', 'src/engine/dsl/fixture-bad.ts', '../../model/types'],
    ['the model importing the compiler', 'src/model/operators/fixture-bad.ts', '../../compiler/compile'],
    ['the simulator importing an engine private', 'src/simulator/fixture-bad.ts', '../engine/dsl/kstream'],
    ['the store importing the UI', 'src/store/fixture-bad.ts', '../ui/App'],
    ['codegen importing the simulator', 'codegen/fixture-bad.ts', '../src/simulator/simulate'],
    ['codegen importing an engine private', 'codegen/fixture-bad.ts', '../src/engine/dsl/kstream'],
    ['the UI importing the CLI', 'src/ui/canvas/fixture-bad.tsx', '../../cli/main'],
  ])('rejects %s', async (_what, file, from) => {
    const found = (await messages(importing(from), file)).filter((m) => m.ruleId === 'no-restricted-imports');
    expect(found).toHaveLength(1);
    // The message names the document that explains the walls, and that document exists.
    const doc = /see (\S+?)\)/.exec(found[0].message)?.[1];
    expect(doc).toBeDefined();
    expect(existsSync(root + doc)).toBe(true);
  });

  it.each([
    ['the store', 'src/engine/fixture-bad.ts', '../store/store'],
    ['react', 'src/compiler/fixture-bad.ts', 'react'],
    ['the UI', 'src/simulator/fixture-bad.ts', '../ui/App'],
  ])('rejects a core file loading %s with import()', async (_what, file, from) => {
    expect(await lint(`export const load = () => import('${from}');\n`, file)).toContain('no-restricted-syntax');
  });

  it.each([
    ['the engine importing itself from a sub-folder', 'src/engine/dsl/fixture-ok.ts', '../stores/kv-store'],
    ['the compiler importing the engine and the model', 'src/compiler/fixture-ok.ts', '../model/types'],
    ['the simulator importing the engine public surface', 'src/simulator/fixture-ok.ts', '../engine'],
    ['codegen importing the model', 'codegen/fixture-ok.ts', '../src/model/types'],
    ['codegen importing the engine public surface', 'codegen/fixture-ok.ts', '../src/engine'],
    ['the CLI importing codegen', 'src/cli/commands/fixture-ok.ts', '../../../codegen/generate'],
    ['the UI importing the store', 'src/ui/canvas/fixture-ok.tsx', '../../store/store'],
  ])('accepts %s', async (_what, file, from) => {
    expect(await lint(importing(from), file)).not.toContain('no-restricted-imports');
    expect(await lint(`export const load = () => import('${from}');\n`, file)).not.toContain('no-restricted-syntax');
  });

  it('the simulator as it is imports nothing private from the engine', async () => {
    const results = await eslint.lintFiles(['src/simulator']);
    expect(results.length).toBeGreaterThan(5);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });
});
