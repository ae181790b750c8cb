// Lint: TypeScript-aware recommended rules, plus the architecture's one hard rule: the pure core
// (model, compiler, engine, simulator core, codegen) never imports UI libraries or touches the DOM.
import tseslint from 'typescript-eslint';

const UI_LIBS = ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/*', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/*'];

export const coreBoundary = {
  files: ['src/model/**/*.ts', 'src/compiler/**/*.ts', 'src/engine/**/*.ts', 'src/simulator/**/*.ts', 'src/conformance/**/*.ts', 'codegen/**/*.ts'],
  ignores: ['src/simulator/client.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: UI_LIBS, message: 'The pure core must not import UI libraries (see ARCHITECTURE.md).' }] }],
    'no-restricted-globals': ['error', ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator'].map((name) => ({ name, message: 'The pure core must not touch the DOM.' }))],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/golden/**', 'test/.cache/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // The DSL types user records as any on purpose: user functions are typed from samples, not by the engine.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  coreBoundary,
);
