/** The engine's own source files, bundled as text, so the exported project vendors exactly what the preview runs. */
const raw = import.meta.glob('/src/engine/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function browserEngineSources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of Object.entries(raw)) out.set(path.replace(/^\/src\/engine\//, ''), text);
  return out;
}
