/** Tabs under the canvas: preview, samples, plan (describe()), generated code. */
import { lazy, Suspense } from 'react';
import { useApp } from '../../store/store';
import type { BottomTab } from '../../store/ui-slice';
import { PlanPanel } from './PlanPanel';
import { PreviewPanel } from './PreviewPanel';
import { SamplesPanel } from './SamplesPanel';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { FaultsPanel } from '../faults/FaultsPanel';
import { TestsBadge } from '../tests/TestsBadge';
import { TestsPanel } from '../tests/TestsPanel';
import { VersionsPanel } from '../versions/VersionsPanel';

const CodePanel = lazy(() => import('./CodePanel'));

const TABS: [BottomTab, string][] = [
  ['preview', 'Preview'],
  ['timeline', 'Timeline'],
  ['faults', 'Faults'],
  ['samples', 'Samples'],
  ['tests', 'Tests'],
  ['versions', 'Versions'],
  ['plan', 'Plan'],
  ['code', 'Code'],
];

export function BottomPanel() {
  const tab = useApp((s) => s.bottomTab);
  const running = useApp((s) => s.running);
  const stopped = useApp((s) => s.stopped !== null);
  const failed = useApp((s) => !!s.result?.error);
  const took = useApp((s) => s.result?.durationMs);
  const latency = useApp((s) => s.latencyMs);
  return (
    <section className="sw-bottom" aria-label="Preview and data">
      <div className="sw-tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} onClick={() => useApp.getState().setBottomTab(id)} data-testid={`tab-${id}`}>
            {label}
            {id === 'tests' && <TestsBadge />}
          </button>
        ))}
        <span className="sw-muted" style={{ marginLeft: 'auto', padding: '4px 8px' }} title="state of the live preview" data-testid="preview-status">
          {running ? 'running…' : stopped ? 'stopped' : failed ? 'failed' : 'up to date'}
        </span>
        {took !== undefined && (
          <span className="sw-muted" style={{ padding: '4px 8px' }} data-testid="preview-duration" data-latency={latency === null ? undefined : Math.round(latency)} title={`simulation in the worker; ${latency === null ? '' : `${Math.round(latency)} ms from the last edit to this result`}`}>
            {Math.round(took)} ms
          </span>
        )}
      </div>
      <div className="sw-tab-body" role="tabpanel" tabIndex={0}>
        {tab === 'preview' && <PreviewPanel />}
        {tab === 'timeline' && <TimelinePanel />}
        {tab === 'faults' && <FaultsPanel />}
        {tab === 'samples' && <SamplesPanel />}
        {tab === 'tests' && <TestsPanel />}
        {tab === 'versions' && <VersionsPanel />}
        {tab === 'plan' && <PlanPanel />}
        {tab === 'code' && (
          <Suspense fallback={<p className="sw-muted">Loading…</p>}>
            <CodePanel />
          </Suspense>
        )}
      </div>
    </section>
  );
}
