/**
 * "Import describe()": paste the text of a Kafka Streams Topology#describe() and get a new design
 * beside the others (docs/describe-import.md), laid out by the auto layout. What the import could
 * not carry over stays listed here, each with the node it became, until the dialog is closed.
 */
import { useStoreApi } from '@xyflow/react';
import { useState } from 'react';
import { importDescribe, type ImportNote } from '../../model/describe/import';
import type { DescribeProblem } from '../../model/describe/parse';
import { addDesign } from '../../store/designs';
import { useApp } from '../../store/store';
import { autoLayout } from '../canvas/auto-layout';
import { useFitDesign } from '../canvas/fit-design';

type Outcome = { problems: DescribeProblem[] } | { nodes: number; notes: ImportNote[] };

export function ImportDescribe() {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const flow = useStoreApi();
  const fitDesign = useFitDesign();
  const run = async () => {
    const r = importDescribe(text);
    if (!r.ok) return setOutcome({ problems: r.problems });
    await addDesign(r.doc);
    setOutcome({ nodes: r.doc.nodes.length, notes: r.notes });
    await autoLayout({ width: flow.getState().width, height: flow.getState().height }).catch((e: Error) => useApp.getState().notify(`Auto layout failed: ${e.message}`, 'error'));
    fitDesign(0, { readable: true });
  };
  return (
    <>
      <h2>Import describe()</h2>
      <p className="sw-muted">Paste what <code>topology.describe()</code> prints (Kafka Streams 2.x to 4.x). Operators come from the processor names; functions become TODO stubs; unknown processors become placeholders.</p>
      <textarea className="sw-describe-text" data-testid="describe-text" aria-label="describe() text" value={text} onChange={(e) => setText(e.target.value)} rows={12} spellCheck={false} placeholder={'Topologies:\n   Sub-topology: 0\n    Source: ...'} />
      <div style={{ marginTop: 8 }}>
        <button onClick={() => void run()} disabled={!text.trim()} data-testid="describe-import">Import as new design</button>
      </div>
      {outcome && 'problems' in outcome && (
        <div className="sw-banner sw-error" data-testid="describe-problems">
          {outcome.problems.map((p, i) => (
            <div key={i} data-code={p.code}>{p.line ? `line ${p.line}: ` : ''}{p.message}</div>
          ))}
        </div>
      )}
      {outcome && 'notes' in outcome && (
        <div data-testid="describe-imported">
          <p>Imported {outcome.nodes} nodes{outcome.notes.length ? '; check these:' : ', all exactly.'}</p>
          <ul data-testid="describe-notes" style={{ margin: 0, paddingLeft: 18 }}>
            {outcome.notes.map((n, i) => (
              <li key={i} data-code={n.code}>
                <strong>{n.code === 'PLACEHOLDER' ? 'placeholder' : 'not exact'}</strong> {n.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
