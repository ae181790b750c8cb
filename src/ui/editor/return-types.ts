/**
 * Return types of user functions, asked of Monaco's TypeScript worker: the function is written into
 * a hidden model as `(source) satisfies (params) => unknown` (so its parameters get the upstream
 * types), and the quick info of a constant typed by the query's expression over `F` is the answer.
 * Also installs the schema typings as an extra lib. Imports Monaco: load it lazily.
 */
import { monaco } from './monaco-setup';
import type { ReturnQuery } from '../schemas/type-flow';

type TsWorker = { getQuickInfoAtPosition(file: string, offset: number): Promise<{ displayParts?: { text: string }[] } | undefined> };
type TsApi = {
  typescriptDefaults: { addExtraLib(src: string, path: string): { dispose(): void } };
  getTypeScriptWorker(): Promise<(...uris: unknown[]) => Promise<TsWorker>>;
};
const ts = ((monaco as unknown as { typescript?: TsApi }).typescript ?? (monaco.languages as unknown as { typescript?: TsApi }).typescript) as TsApi | undefined;

let lib: { text: string; handle: { dispose(): void } } | null = null;
/** Bumped when the typings change: cached answers about older typings are not reused. */
let libVersion = 0;

/** Declares the topics' schema types for every TypeScript model (replacing the previous ones). */
export function setSchemaTypings(text: string): void {
  if (!ts || lib?.text === text) return;
  lib?.handle.dispose();
  libVersion++;
  lib = { text, handle: ts.typescriptDefaults.addExtraLib(text, 'file:///streamwright/topic-schemas.d.ts') };
}

const cache = new Map<string, string | undefined>();
const MARK = '__streamwright_result';

/** The type the query's expression names, or undefined when TypeScript says any/unknown or fails. */
export async function resolveReturnType(q: ReturnQuery): Promise<string | undefined> {
  if (!ts) return undefined;
  const params = q.params.map((p) => `${p.name}: ${p.type}`).join(', ');
  const text = `const __fn = (\n${q.source}\n) satisfies (${params}) => unknown;\ntype F = typeof __fn;\ndeclare const ${MARK}: ${q.expr};\n`;
  const key = `${libVersion}\0${text}`;
  if (cache.has(key)) return cache.get(key);
  const uri = monaco.Uri.parse(`file:///streamwright-types/${encodeURIComponent(q.nodeId)}-${q.param.replace(/\W/g, '_')}.ts`);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel('', 'typescript', uri);
  model.setValue(text);
  let answer: string | undefined;
  try {
    const worker = await (await ts.getTypeScriptWorker())(uri);
    const info = await worker.getQuickInfoAtPosition(uri.toString(), text.lastIndexOf(MARK) + 1);
    const shown = (info?.displayParts ?? []).map((p) => p.text).join('');
    const type = shown.slice(shown.indexOf(':') + 1).trim();
    answer = !type || type === 'any' || type === 'unknown' || type === 'never' ? undefined : type.replace(/\s+/g, ' ');
  } catch {
    answer = undefined;
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, answer);
  return answer;
}
