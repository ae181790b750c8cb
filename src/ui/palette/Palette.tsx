/** Every operator, grouped by category, with search. Drag an item onto the canvas (or double-click it). */
import { useMemo, useState } from 'react';
import { OPERATOR_CATEGORIES } from '../../model/descriptor';
import { operatorsByCategory } from '../../model/registry';
import { addNodeAfterSelection } from '../canvas/add-node';

export const DRAG_MIME = 'application/x-streamwright-operator';

export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => operatorsByCategory(), []);
  const q = query.trim().toLowerCase();
  const matching = (cat: (typeof OPERATOR_CATEGORIES)[number]) => (groups.get(cat) ?? []).filter((d) => !q || d.kind.toLowerCase().includes(q) || d.help.toLowerCase().includes(q));
  // Enter in the search box adds the first operator listed (an exact name first): type "count", Enter.
  const addFirst = () => {
    const all = OPERATOR_CATEGORIES.flatMap(matching);
    const first = all.find((d) => d.kind.toLowerCase() === q) ?? all[0];
    if (q && first) addNodeAfterSelection(first.kind);
  };
  return (
    <aside className="sw-palette" aria-label="Operator palette">
      <input placeholder="Search operators…" aria-label="Search operators" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addFirst()} data-testid="palette-search" />
      {OPERATOR_CATEGORIES.map((cat) => {
        const items = matching(cat);
        if (!items.length) return null;
        return (
          <section key={cat} aria-label={cat}>
            <h3>{cat}</h3>
            {items.map((d) => (
              <div
                key={d.kind}
                className="sw-palette-item"
                draggable
                role="button"
                tabIndex={0}
                title={d.help}
                data-testid={`palette-${d.kind}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_MIME, d.kind);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDoubleClick={() => addNodeAfterSelection(d.kind)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  addNodeAfterSelection(d.kind);
                }}
              >
                {d.label}
                <small>{d.help.split('. ')[0]}</small>
              </div>
            ))}
          </section>
        );
      })}
    </aside>
  );
}
