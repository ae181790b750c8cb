/** Every class the app's stylesheet names is the app's own (sw-) or a React Flow class it themes on purpose. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The app's stylesheet and the stylesheets components import next to them (e.g. designs/designs.css).
const UI = join(import.meta.dirname, '../../src/ui');
const css = readdirSync(UI, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.css'))
  .map((f) => readFileSync(join(UI, f), 'utf8'))
  .join('\n');

/** The selector text of every rule (comments and declaration blocks removed). */
function selectors(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\{[^}]*\}/g, '\n')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

describe('the app\'s CSS files', () => {
  it('names only sw- classes, and library classes only to exclude or theme them', () => {
    const classes = selectors(css).flatMap((s) => [...s.matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]));
    expect(classes.length).toBeGreaterThan(40);
    // connectingto and valid: React Flow's state classes of a handle under a dragged connection, themed on our own handles.
    const foreign = classes.filter((c) => !c.startsWith('sw-') && !['react-flow', 'react-flow__panel', 'monaco-editor', 'connectingto', 'valid'].includes(c));
    expect(foreign).toEqual([]);
  });

  it('scopes element rules to the app, outside React Flow panels', () => {
    const bare = selectors(css).filter((s) => /^(\*|button|input|select|textarea)(?![.\w-])/.test(s));
    expect(bare).toEqual([]);
  });
});
