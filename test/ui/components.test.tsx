// @vitest-environment jsdom
/** Components rendered in jsdom: the palette lists every operator by category and filters; the inspector edits params through model commands. */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addNode } from '../../src/model/commands';
import { OPERATORS } from '../../src/model/registry';
import { emptyDesign } from '../../src/model/commands';
import { useApp } from '../../src/store/store';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { Palette } from '../../src/ui/palette/Palette';
import { useDomRoot } from './dom-root';

const dom = useDomRoot();
beforeEach(() => useApp.getState().replaceDocument(emptyDesign()));

function setInput(el: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('Palette', () => {
  it('lists every operator under its category, and search filters', () => {
    dom.render(<Palette />);
    expect(dom.container.querySelectorAll('[data-testid^=palette-]:not([data-testid=palette-search])').length).toBe(OPERATORS.length);
    expect([...dom.container.querySelectorAll('section h3')].map((h) => h.textContent)).toEqual(['Sources', 'Stateless', 'Grouping & windows', 'Aggregations', 'Joins', 'Tables', 'Processor API', 'Sinks', 'Connectors']);
    act(() => setInput(dom.container.querySelector('[data-testid=palette-search]') as HTMLInputElement, 'join'));
    const shown = [...dom.container.querySelectorAll('[data-testid^=palette-]:not([data-testid=palette-search])')].map((e) => e.getAttribute('data-testid'));
    expect(shown).toEqual(expect.arrayContaining(['palette-join', 'palette-leftJoin', 'palette-outerJoin']));
    expect(shown).not.toContain('palette-filter');
    expect(shown.length).toBeLessThan(OPERATORS.length / 2);
  });
  it('adds a node on double click', () => {
    dom.render(<Palette />);
    act(() => (dom.container.querySelector('[data-testid=palette-filter]') as HTMLElement).dispatchEvent(new MouseEvent('dblclick', { bubbles: true })));
    expect(useApp.getState().doc.nodes.map((n) => n.kind)).toEqual(['filter']);
    expect(useApp.getState().selectedNodeIds).toEqual(['n1']);
  });
});

describe('Inspector', () => {
  it('edits the selected node through model commands (unique names, durations in units)', () => {
    useApp.getState().edit((d) => addNode(addNode(d, 'stream', { x: 0, y: 0 }).doc, 'windowedBy', { x: 0, y: 0 }).doc);
    useApp.getState().select(['n2']);
    dom.render(<Inspector />);
    const name = dom.container.querySelector('[data-testid=node-name]') as HTMLInputElement;
    act(() => setInput(name, 'stream'));
    expect(useApp.getState().doc.nodes[1].name).toBe('stream-2');
    const size = dom.container.querySelector('#param-sizeMs') as HTMLInputElement;
    expect(size.value).toBe('1');
    const unit = dom.container.querySelector('select[aria-label="Size unit"]') as HTMLSelectElement;
    expect(unit.value).toBe('60000');
    act(() => setInput(size, '5'));
    expect(useApp.getState().doc.nodes[1].params.sizeMs).toBe(300_000);
  });
});
