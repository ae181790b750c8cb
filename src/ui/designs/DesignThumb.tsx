/** A design's node layout in miniature (from the thumbnail stored with the design; no document is read). */
import { THUMB_H, THUMB_W, type Thumbnail } from '../../model/design-summary';

export function DesignThumb({ thumb }: { thumb: Thumbnail }) {
  const card = thumb.card;
  const centre = (i: number) => [thumb.nodes[i][0] + card.w / 2, thumb.nodes[i][1] + card.h / 2];
  return (
    <svg className="sw-design-thumb" viewBox={`-4 -4 ${THUMB_W + 8} ${THUMB_H + 8}`} aria-hidden="true">
      {thumb.edges.map(([a, b], i) => {
        const [x1, y1] = centre(a);
        const [x2, y2] = centre(b);
        return <line key={i} x1={x1} y1={y1} x2={x2} y2={y2} />;
      })}
      {thumb.nodes.map(([x, y], i) => (
        <rect key={i} x={x} y={y} width={card.w} height={card.h} rx={Math.min(2, card.h / 3)} />
      ))}
      {!thumb.nodes.length && (
        <text x={THUMB_W / 2} y={THUMB_H / 2 + 4} textAnchor="middle">
          empty
        </text>
      )}
    </svg>
  );
}
