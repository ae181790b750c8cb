// @vitest-environment jsdom
/**
 * The broken-design table in the designer: every error is listed where the preview would be (the
 * preview does not run), at its node, and the inspector of that node shows it by its code; warnings
 * stop nothing. An engine refusal the checker missed (E_TOPOLOGY, from the worker's result) is listed too.
 */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDesign } from '../../src/model/commands';
import type { PreviewResult } from '../../src/simulator/types';
import { useApp } from '../../src/store/store';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { DesignProblems } from '../../src/ui/panels/DesignProblems';
import { brokenRows } from '../fixtures/broken-designs';
import { design, node } from '../fixtures/build';
import { useDomRoot } from './dom-root';

const dom = useDomRoot();
afterEach(() => useApp.getState().replaceDocument(emptyDesign()));

const listed = () => [...dom.container.querySelectorAll('[data-testid=preview-diagnostic]')].map((li) => ({ code: li.getAttribute('data-code'), nodeId: li.getAttribute('data-node-id') }));

describe('the broken-design table in the designer', () => {
  it.each(brokenRows())('%s', (_title, c) => {
    useApp.getState().replaceDocument(c.doc());
    dom.render(<DesignProblems />);
    if (c.code.startsWith('W_')) {
      expect(listed().map((x) => x.code)).not.toContain(c.code);
      return;
    }
    expect(listed()).toContainEqual({ code: c.code, nodeId: c.at.nodeId ?? null });
    if (!c.at.nodeId) return;
    act(() => useApp.getState().select([c.at.nodeId!]));
    dom.render(<Inspector />);
    expect(dom.container.querySelector(`[data-testid=inspector] [data-code=${c.code}]`), dom.container.querySelector('[data-testid=inspector]')?.textContent ?? 'no inspector').not.toBeNull();
  });

  it("lists the worker's E_TOPOLOGY for a design the checker passed", () => {
    useApp.getState().replaceDocument(design([node('s', 'stream', { topic: 'in' }), node('o', 'to', { topic: 'out' })], [['s', 'o']]));
    dom.render(<DesignProblems />);
    expect(listed()).toEqual([]);
    const refused = { code: 'E_TOPOLOGY', severity: 'error', nodeId: 'o', message: 'the engine refused it' } as const;
    act(() => useApp.setState({ result: { diagnostics: [refused] } as unknown as PreviewResult }));
    expect(listed()).toEqual([{ code: 'E_TOPOLOGY', nodeId: 'o' }]);
  });
});
