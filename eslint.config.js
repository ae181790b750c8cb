// Lint: TypeScript-aware recommended rules, plus the architecture's walls (docs/architecture-layers.md):
// each layer imports only the layers below it, and the pure core (model, compiler, engine, simulator
// core, conformance, codegen) never imports UI libraries or touches the DOM.
import tseslint from 'typescript-eslint';

const LAYERS_DOC = 'docs/architecture-layers.md';
const UI_LIBS = '^(?:(?:react|react-dom|zustand|monaco-editor)(?:/|$)|@xyflow/|@monaco-editor/)';

/** Each layer (a directory) and the layers it may import; it may always import itself. */
export const LAYERS = [
  { dir: 'src/engine', uses: [], core: true },
  { dir: 'src/model', uses: [], core: true },
  { dir: 'src/compiler', uses: ['src/model', 'src/engine'], core: true },
  { dir: 'src/conformance', uses: ['src/model', 'src/compiler', 'src/engine'], core: true },
  // The engine only through its public surface (src/engine/index.ts): the compiler tells the simulator
  // what each design node became.
  { dir: 'src/simulator', uses: ['src/model', 'src/compiler', 'src/engine'], core: true, enginePublicOnly: true },
  // The engine is vendored as text; codegen uses its public surface only for what the vendored runner
  // shares with it (topicFilePath: both name the same samples files) and its export names (never shadowed).
  { dir: 'codegen', uses: ['src/model', 'src/engine'], core: true, enginePublicOnly: true },
  { dir: 'src/cli', uses: ['src/model', 'src/compiler', 'src/engine', 'src/simulator', 'src/conformance', 'codegen'] },
  { dir: 'src/store', uses: ['src/model', 'src/compiler', 'src/simulator', 'codegen'] },
  { dir: 'src/ui', uses: ['src/model', 'src/compiler', 'src/simulator', 'codegen', 'src/store'] },
];

/** Deeper folders than this inside a layer are not checked (the deepest today is 1). */
const MAX_DEPTH = 6;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const up = (n) => '../'.repeat(n);

/** `from` -> `to` as a relative path (both repo-relative directories). */
function relative(from, to) {
  const a = from ? from.split('/') : [];
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return up(a.length - i) + b.slice(i).join('/');
}

/**
 * no-restricted-imports patterns for a file `depth` folders below its layer's directory. An import
 * leaves the layer when it climbs `depth + 1` folders; from there it must name an allowed layer.
 */
function layerPatterns(layer, depth) {
  const parent = layer.dir.split('/').slice(0, -1).join('/');
  const allowed = [layer.dir, ...layer.uses].map((d) => escape(relative(parent, d)));
  const leave = `^(?:\\.\\./){${depth + 1}}`;
  const what = layer.uses.length ? `may import only ${layer.uses.join(', ')}` : 'may import nothing outside itself';
  const patterns = [{ regex: `${leave}(?!(?:${allowed.join('|')})(?:/|$))`, message: `${layer.dir} ${what} (see ${LAYERS_DOC}).` }];
  if (layer.enginePublicOnly) {
    const engine = escape(relative(parent, 'src/engine'));
    patterns.push({ regex: `${leave}${engine}/(?!index$)`, message: `${layer.dir} uses the engine only through its public surface, src/engine/index.ts (see ${LAYERS_DOC}).` });
  }
  if (layer.core) patterns.push({ regex: UI_LIBS, message: `The pure core must not import UI libraries (see ${LAYERS_DOC}).` });
  return patterns;
}

/** The same patterns for `import(...)`, which no-restricted-imports does not look at. */
const dynamicImports = (patterns) => patterns.map((p) => ({ selector: `ImportExpression[source.value=/${p.regex.replace(/\//g, '\\/')}/]`, message: p.message }));

export const layerWalls = LAYERS.flatMap((layer) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const patterns = layerPatterns(layer, depth);
    return {
      files: [`${layer.dir}/${'*/'.repeat(depth)}*.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', { patterns }], 'no-restricted-syntax': ['error', ...dynamicImports(patterns)] },
    };
  }),
);

export const coreBoundary = {
  files: LAYERS.filter((l) => l.core).map((l) => `${l.dir}/**/*.{ts,tsx}`),
  ignores: ['src/simulator/client.ts'],
  rules: {
    'no-restricted-globals': ['error', ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator'].map((name) => ({ name, message: `The pure core must not touch the DOM (see ${LAYERS_DOC}).` }))],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'test/golden/**', 'test/.cache/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // The DSL types user records as any on purpose: user functions are typed from samples, not by the engine.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  ...layerWalls,
  coreBoundary,
);
