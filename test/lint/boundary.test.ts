/** The lint rule that keeps the pure core free of UI libraries and the DOM really fails. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function lint(code: string, filePath: string) {
  const [r] = await eslint.lintText(code, { filePath });
  return r.messages.map((m) => m.ruleId);
}

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
