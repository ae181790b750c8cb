/** Which test case the preview runs on: the chosen one's samples replace the design's. */
import type { DesignTestCase, TopologyDocument } from '../../model/types';
import type { AppState } from '../../store/store';

export function activeTestOf(s: Pick<AppState, 'doc' | 'activeTestId'>): DesignTestCase | null {
  return s.activeTestId === null ? null : (s.doc.tests?.find((t) => t.id === s.activeTestId) ?? null);
}

let last: { doc: TopologyDocument; test: DesignTestCase | null; out: TopologyDocument } | null = null;

/** The document the preview runs: the chosen case's samples instead of the design's (same object while neither changes). */
export function previewDocument(s: Pick<AppState, 'doc' | 'activeTestId'>): TopologyDocument {
  const test = activeTestOf(s);
  if (last && last.doc === s.doc && last.test === test) return last.out;
  const out = test ? { ...s.doc, samples: test.samples } : s.doc;
  last = { doc: s.doc, test, out };
  return out;
}

