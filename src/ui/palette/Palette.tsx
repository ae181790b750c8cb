/** Every operator, grouped by category, with search. Drag an item onto the canvas (or double-click it). */
import { useMemo, useState } from 'react';
import { OPERATOR_CATEGORIES } from '../../model/descriptor';
import { operatorsByCategory } from '../../model/registry';
import { addNodeAtCenter } from '../canvas/add-node';

export const DRAG_MIME = 'application/x-streamwright-operator';

export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => operatorsByCategory(), []);
  const q = query.trim().toLowerCase();
  return (
    <aside className="sw-palette" aria-label="Operator palette">
      <input placeholder="Search operators…" aria-label="Search operators" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="palette-search" />
      {OPERATOR_CATEGORIES.map((cat) => {
        const items = (groups.get(cat) ?? []).filter((d) => !q || d.kind.toLowerCase().includes(q) || d.help.toLowerCase().includes(q));
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
                aria-label={`Add ${d.label}`}
                title={d.help}
                data-testid={`palette-${d.kind}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_MIME, d.kind);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDoubleClick={() => addNodeAtCenter(d.kind)}
                onKeyDown={(e) => e.key === 'Enter' && addNodeAtCenter(d.kind)}
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
