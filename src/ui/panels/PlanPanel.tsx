import { useApp } from '../../store/store';

/** The engine's describe() of the compiled topology, as Kafka's Topology#describe() prints it. */
export function PlanPanel() {
  const text = useApp((s) => s.result?.describe);
  return <pre className="sw-plan" data-testid="plan-text" tabIndex={0} aria-label="Topology plan (describe)">{text ?? 'Run the preview to see the plan.'}</pre>;
}
