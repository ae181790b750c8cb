/** A timestamp cell of the preview tables: one line (it never wraps), the raw epoch milliseconds on hover. */
import { fmtTime } from './format';

export function TimeCell({ ts }: { ts: number | undefined }) {
  if (ts === undefined) return <td />;
  const { text, title } = fmtTime(ts);
  return (
    <td className="sw-time" title={title} data-testid="time-cell">
      {text}
    </td>
  );
}
