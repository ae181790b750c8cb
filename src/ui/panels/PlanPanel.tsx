import { useApp } from '../../store/store';

/** The engine's describe() of the compiled topology, as Kafka's Topology#describe() prints it. */
export function PlanPanel() {
  const text = useApp((s) => s.result?.describe);
  return <pre className="sw-plan" data-testid="plan-text">{text ?? 'Run the preview to see the plan.'}</pre>;
}
