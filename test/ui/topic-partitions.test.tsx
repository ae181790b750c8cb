// @vitest-environment jsdom
/** The inspector's partitions field of a source topic: edits the design's topics table, and a join of topics with different counts then shows E_NOT_COPARTITIONED. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDesign } from '../../src/model/check';
import { emptyDesign } from '../../src/model/commands';
import { useApp } from '../../src/store/store';
import { Inspector } from '../../src/ui/inspector/Inspector';
import { design, node } from '../fixtures/build';
import { useDomRoot } from './dom-root';

const dom = useDomRoot();
afterEach(() => useApp.getState().replaceDocument(emptyDesign()));

function setInput(el: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('topic partitions in the inspector', () => {
  it('a source node edits its topic count; emptied, the topic takes the design default again', () => {
    useApp.getState().replaceDocument(
      design([node('a', 'stream', { topic: 'orders' }), node('b', 'stream', { topic: 'payments' }), node('j', 'join', { windowSizeMs: 10 }), node('o', 'to', { topic: 'out' })], [['a', 'j', 'left'], ['b', 'j', 'right'], ['j', 'o']]),
    );
    act(() => useApp.getState().select(['a']));
    dom.render(<Inspector />);
    const field = () => dom.container.querySelector('[data-testid=topic-partitions]') as HTMLInputElement;
    expect(field().placeholder).toBe('1 (design default)');
    act(() => setInput(field(), '3'));
    expect(useApp.getState().doc.topics?.orders).toEqual({ partitions: 3 });
    expect(checkDesign(useApp.getState().doc).filter((d) => d.code === 'E_NOT_COPARTITIONED').map((d) => d.nodeId)).toEqual(['j']);
    act(() => setInput(field(), ''));
    expect(useApp.getState().doc.topics?.orders).toBeUndefined();
    expect(checkDesign(useApp.getState().doc).filter((d) => d.code === 'E_NOT_COPARTITIONED')).toEqual([]);
    // A sink has no such field (its count does not decide the tasks).
    act(() => useApp.getState().select(['o']));
    expect(field()).toBeNull();
  });
});
