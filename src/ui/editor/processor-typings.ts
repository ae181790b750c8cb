/**
 * The Processor API types (src/engine/processor-api.ts, bundled as text) declared globally for
 * Monaco, so a processor typed by the editor's header line gets completion for ctx and the stores.
 * The engine file is the one the generated project type-checks processors against.
 */
const raw = import.meta.glob('/src/engine/processor-api.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The API as global declarations (the module's `export` keywords dropped). */
export function processorTypings(): string {
  const text = Object.values(raw)[0] ?? '';
  return text.replace(/^export (interface|type) /gm, '$1 ');
}

/** The header line of a processor editor: the object's type, with the record types the node receives. */
export function processorHeader(types: { key: string; value: string } | null, fixedKey: boolean): string {
  const k = types?.key ?? 'any';
  const v = types?.value ?? 'any';
  return `const processor: UserProcessor<${k}, ${v}, ${fixedKey ? k : 'any'}, any> =`;
}
