/**
 * The palette, inspector and bottom panel sizes: dragged with separators (or arrow keys on them),
 * remembered in localStorage, kept within limits that leave the canvas usable.
 */
import { useCallback, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react';

export interface PanelSizes {
  palette: number;
  inspector: number;
  bottom: number;
}
type Panel = keyof PanelSizes;

const KEY = 'streamwright.panel-sizes';
export const DEFAULT_SIZES: PanelSizes = { palette: 220, inspector: 340, bottom: 300 };
const LIMITS: Record<Panel, [number, number]> = { palette: [140, 520], inspector: [240, 760], bottom: [120, 820] };

const clamp = (p: Panel, v: number) => Math.round(Math.min(LIMITS[p][1], Math.max(LIMITS[p][0], v)));

export function loadSizes(): PanelSizes {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<Panel, unknown>>;
    const pick = (p: Panel) => (typeof saved[p] === 'number' && Number.isFinite(saved[p]) ? clamp(p, saved[p]) : DEFAULT_SIZES[p]);
    return { palette: pick('palette'), inspector: pick('inspector'), bottom: pick('bottom') };
  } catch {
    return DEFAULT_SIZES;
  }
}

export function usePanelSizes(): [PanelSizes, (p: Panel, v: number, save?: boolean) => void] {
  const [sizes, setSizes] = useState(loadSizes);
  const resize = useCallback((p: Panel, v: number, save = false) => {
    setSizes((s) => {
      const next = { ...s, [p]: clamp(p, v) };
      if (save) localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [sizes, resize];
}

/** How a drag moves each panel's size: the palette grows to the right, the others towards the canvas. */
const GROWS: Record<Panel, { axis: 'x' | 'y'; sign: 1 | -1 }> = { palette: { axis: 'x', sign: 1 }, inspector: { axis: 'x', sign: -1 }, bottom: { axis: 'y', sign: -1 } };

export function Resizer({ panel, size, onResize, style }: { panel: Panel; size: number; onResize: (p: Panel, v: number, save?: boolean) => void; style: CSSProperties }) {
  const { axis, sign } = GROWS[panel];
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const start = axis === 'x' ? e.clientX : e.clientY;
    const at = (ev: PointerEvent) => size + sign * ((axis === 'x' ? ev.clientX : ev.clientY) - start);
    const move = (ev: PointerEvent) => onResize(panel, at(ev));
    const up = (ev: PointerEvent) => {
      onResize(panel, at(ev), true);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };
  const step = (d: number) => onResize(panel, size + d, true);
  return (
    <div
      className={`sw-resizer sw-resizer-${axis}`}
      style={style}
      role="separator"
      tabIndex={0}
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={`Resize the ${panel === 'bottom' ? 'bottom panel' : panel}`}
      aria-valuenow={size}
      data-testid={`resize-${panel}`}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        const keys: Record<string, number> = axis === 'x' ? { ArrowRight: 16 * sign, ArrowLeft: -16 * sign } : { ArrowUp: -16 * sign, ArrowDown: 16 * sign };
        const d = keys[e.key];
        if (d) {
          e.preventDefault();
          step(d);
        }
      }}
    />
  );
}
