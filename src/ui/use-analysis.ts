/** Graph analysis and diagnostics of the current design, memoized per document. */
import { analyzeDesign, type DesignAnalysis } from '../model/graph';
import type { Diagnostic, TopologyDocument } from '../model/types';
import { validateDesign } from '../model/validate';
import { useApp } from '../store/store';

let cache: { doc: TopologyDocument; analysis: DesignAnalysis; diagnostics: Diagnostic[] } | null = null;

export function analysisOf(doc: TopologyDocument) {
  if (cache?.doc !== doc) {
    const analysis = analyzeDesign(doc);
    cache = { doc, analysis, diagnostics: validateDesign(doc, analysis) };
  }
  return cache;
}

export function useAnalysis(): { analysis: DesignAnalysis; diagnostics: Diagnostic[] } {
  const doc = useApp((s) => s.doc);
  return analysisOf(doc);
}
