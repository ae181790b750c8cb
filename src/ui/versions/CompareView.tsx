/**
 * Two versions side by side: canvas changes, upgrade-safety flags (computed here: a compile, no run)
 * and the behavioural diff per sink, which runs both versions, so it is asked of the preview's worker
 * like every other run (an endless function there does not freeze the page).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { upgradeFlags } from '../../compiler/upgrade-safety';
import { hasErrors } from '../../model/check';
import { diffDesigns } from '../../model/design-diff';
import type { TopologyDocument } from '../../model/types';
import type { BehaviourRun } from '../../simulator/behaviour-diff';
import { useApp } from '../../store/store';
import { fmt } from '../panels/format';
import { queryRun } from '../preview/use-live-preview';
import { analysisOf } from '../use-analysis';

function compareStatic(before: TopologyDocument, after: TopologyDocument) {
  const runnable = !hasErrors(analysisOf(before).diagnostics) && !hasErrors(analysisOf(after).diagnostics);
  return { canvas: diffDesigns(before, after), upgrade: runnable ? upgradeFlags(before, after) : null };
}

type Behaviour = { state: 'running' } | { state: 'done'; runs: BehaviourRun[] } | { state: 'unavailable' };

/** The behavioural diff from the worker, once a preview run exists (asking names a run of that worker). */
function useBehaviour(before: TopologyDocument, after: TopologyDocument, runnable: boolean): Behaviour | null {
  const runId = useApp((s) => s.result?.runId ?? null);
  const hasRun = runId !== null;
  const latestRun = useRef(runId);
  latestRun.current = runId;
  const [behaviour, setBehaviour] = useState<Behaviour | null>(null);
  // Asked once per compare (new preview runs after edits do not ask again); a later compare's answer wins.
  useEffect(() => {
    if (!runnable || !hasRun) return;
    let live = true;
    setBehaviour({ state: 'running' });
    void queryRun(latestRun.current!, { kind: 'behaviour', before, after }).then((runs) => live && setBehaviour(runs ? { state: 'done', runs } : { state: 'unavailable' }));
    return () => {
      live = false;
    };
  }, [before, after, runnable, hasRun]);
  return runnable ? behaviour : null;
}

export function CompareView({ before, after, label }: { before: TopologyDocument; after: TopologyDocument; label: string }) {
  const { canvas, upgrade } = useMemo(() => compareStatic(before, after), [before, after]);
  const behaviour = useBehaviour(before, after, upgrade !== null);
  return (
    <section data-testid="compare-result" aria-label={`Compare ${label}`} style={{ marginTop: 8 }}>
      <h4 style={{ margin: '4px 0' }}>{label}</h4>
      <div className="sw-muted">Canvas</div>
      <ul data-testid="canvas-changes" style={{ margin: '2px 0', paddingLeft: 18 }}>
        {canvas.nodes.map((n) => (
          <li key={n.nodeId} data-change={n.change}>
            {n.change} {n.kind} &quot;{n.name}&quot;{n.renamedFrom ? ` (was "${n.renamedFrom}")` : ''}
            {n.fields ? `: ${n.fields.join(', ')}` : ''}
          </li>
        ))}
        {canvas.settings.map((k) => (
          <li key={k} data-change="settings">changed {k}</li>
        ))}
        {canvas.nodes.length + canvas.settings.length + canvas.edgesAdded.length + canvas.edgesRemoved.length === 0 && <li>no change (moved nodes do not count)</li>}
        {canvas.edgesAdded.length + canvas.edgesRemoved.length > 0 && <li>connections: {canvas.edgesAdded.length} added, {canvas.edgesRemoved.length} removed</li>}
      </ul>
      {upgrade === null ? (
        <div className="sw-banner sw-error">A version has errors: it cannot run, so only the canvas is compared.</div>
      ) : (
        <>
          <div className="sw-muted">Upgrade safety</div>
          {upgrade.length === 0 && <p data-testid="upgrade-safe">Deploying it keeps the state of the running version.</p>}
          {upgrade.map((f, i) => (
            <div key={i} className="sw-banner sw-warn" data-testid="upgrade-flag" data-code={f.code}>
              <strong>{f.message}</strong>
              <div>On deploy: {f.onDeploy}.</div>
              <div>To avoid: {f.avoid}.</div>
            </div>
          ))}
          <div className="sw-muted">Behaviour</div>
          {behaviour?.state !== 'done' && <p data-testid="behaviour-pending">{behaviour?.state === 'unavailable' ? 'The preview worker did not answer (it was restarted): compare again.' : 'Running both versions in the preview worker…'}</p>}
          {behaviour?.state === 'done' && behaviour.runs.map((r) => (
            <div key={r.label} data-testid="behaviour-run">
              {r.label}: {r.sinks.length === 0 && !r.errors.before && !r.errors.after ? 'same records' : `${r.sinks.length} sink(s) differ`}
              {r.sinks.map((sink) => (
                <div key={sink.topic} style={{ marginLeft: 12 }} data-testid={`behaviour-${sink.topic}`}>
                  {sink.topic}: {sink.added.length} added, {sink.removed.length} removed, {sink.changed.length} changed
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {sink.removed.map((x, i) => <li key={`r${i}`}>− {fmt(x.key)} {fmt(x.value)}</li>)}
                    {sink.added.map((x, i) => <li key={`a${i}`}>+ {fmt(x.key)} {fmt(x.value)}</li>)}
                    {sink.changed.map((x, i) => <li key={`c${i}`}>~ {fmt(x.before.key)} {fmt(x.before.value)} → {fmt(x.after.value)}</li>)}
                  </ul>
                </div>
              ))}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
