/** A card's mark when the last order-dependence search found that this node's result depends on arrival order. */
import { useApp } from '../../store/store';

export function OrderBadge({ id }: { id: string }) {
  const marked = useApp((s) => !!s.orders && s.orders.runId === s.result?.runId && s.orders.report.nodes.includes(id));
  if (!marked) return null;
  return (
    <span className="sw-badge sw-dropped" data-testid="order-badge" title="its result depends on the order records arrive in across topics (Timeline tab: arrival orders)">
      order-dependent
    </span>
  );
}
