/**
 * Fits a left-to-right layout to the viewport's shape. A Kafka Streams topology is mostly long
 * chains: laid out in one row, the word count fills a wide canvas at half zoom with 7 px text and
 * leaves most of it empty. Like text in a page, the layered layout is cut into rows at vertical gaps
 * between its columns (never through a card), the rows stacked top to bottom; the number of rows is
 * the one that shows the design largest once fitted. Pure (no DOM), shared by the page and tests.
 */
import { NODE_BOX, type Positions } from './layout-graph';

/** How "fit view" frames a design: the same numbers choose the rows here. */
export const FIT = { minZoom: 0.1, maxZoom: 1.25, padding: 0.1 };

/** At this zoom cards show their text at its designed size: more rows are not worth wrapping edges for. */
export const READABLE_ZOOM = 1;

/**
 * Below this zoom a card's name (14 px) drops under 11 px. A design too big to show whole at it is
 * laid out in rows as wide as the viewport at this zoom, and shown from its start (fit-design.ts):
 * readable, and only the cards on screen are rendered.
 */
export const MIN_READABLE_ZOOM = 0.8;

/** Space between two rows: room for the edges that run from a row's end back to the next row's start. */
export const ROW_GAP = 90;

export interface Size {
  width: number;
  height: number;
}

/** The zoom at which "fit view" shows a box of this size in the viewport (as React Flow's getViewportForBounds). */
export function fitZoom(box: Size, viewport: Size): number {
  const zoom = Math.min(viewport.width / (box.width * (1 + FIT.padding)), viewport.height / (box.height * (1 + FIT.padding)));
  return Math.max(FIT.minZoom, Math.min(FIT.maxZoom, zoom));
}

interface Column {
  x0: number;
  x1: number;
  ids: string[];
}

/** The layout's columns: runs of nodes with a clear vertical gap between one run and the next. */
function columnsOf(pos: Positions): Column[] {
  const ids = Object.keys(pos).sort((a, b) => pos[a].x - pos[b].x);
  const cols: Column[] = [];
  for (const id of ids) {
    const x = pos[id].x;
    const last = cols[cols.length - 1];
    if (last && x < last.x1) {
      last.ids.push(id);
      last.x1 = Math.max(last.x1, x + NODE_BOX.width);
    } else cols.push({ x0: x, x1: x + NODE_BOX.width, ids: [id] });
  }
  return cols;
}

/** Columns into rows no wider than `width` (a column wider than that gets a row of its own). */
function rowsOf(cols: Column[], width: number): Column[][] {
  const rows: Column[][] = [];
  let row: Column[] = [];
  for (const c of cols) {
    if (row.length && c.x1 - row[0].x0 > width) {
      rows.push(row);
      row = [];
    }
    row.push(c);
  }
  if (row.length) rows.push(row);
  return rows;
}

/** Where each node goes when the columns are cut into these rows, and the size of the result. */
function stack(rows: Column[][], pos: Positions): { positions: Positions; size: Size } {
  const positions: Positions = {};
  let top = 0;
  let width = 0;
  for (const row of rows) {
    const ids = row.flatMap((c) => c.ids);
    const y0 = Math.min(...ids.map((id) => pos[id].y));
    const y1 = Math.max(...ids.map((id) => pos[id].y + NODE_BOX.height));
    const x0 = row[0].x0;
    for (const id of ids) positions[id] = { x: pos[id].x - x0, y: pos[id].y - y0 + top };
    width = Math.max(width, row[row.length - 1].x1 - x0);
    top += y1 - y0 + ROW_GAP;
  }
  return { positions, size: { width, height: top - ROW_GAP } };
}

/**
 * The positions of a left-to-right layout cut into rows for the viewport: the fewest rows that show
 * it at full size (READABLE_ZOOM), or else the row count that shows it largest. Fewer rows mean
 * fewer edges wrapping around from one row's end to the next row's start. A wide design that no row
 * count shows at MIN_READABLE_ZOOM gets rows as wide as the viewport at that zoom.
 */
export function wrapToViewport(pos: Positions, viewport: Size): Positions {
  const cols = columnsOf(pos);
  if (cols.length < 2 || viewport.width <= 0 || viewport.height <= 0) return pos;
  const oneRow = stack([cols], pos).size;
  let best: ReturnType<typeof stack> | null = null;
  let bestZoom = fitZoom(oneRow, viewport);
  let lastRowCount = 1;
  for (let k = 2; k <= cols.length && bestZoom < READABLE_ZOOM; k++) {
    const rows = rowsOf(cols, oneRow.width / k);
    if (rows.length === lastRowCount) continue;
    lastRowCount = rows.length;
    const candidate = stack(rows, pos);
    const zoom = fitZoom(candidate.size, viewport);
    if (zoom > bestZoom * 1.01) {
      best = candidate;
      bestZoom = zoom;
    }
    // Taller than the viewport's shape already: more rows only shrink it.
    if (candidate.size.height / candidate.size.width > viewport.height / viewport.width) break;
  }
  const wide = oneRow.width / viewport.width > oneRow.height / viewport.height;
  if (bestZoom < MIN_READABLE_ZOOM && wide) return stack(rowsOf(cols, viewport.width / ((1 + FIT.padding) * MIN_READABLE_ZOOM)), pos).positions;
  // One row shows it largest: the layout as it came.
  return best?.positions ?? pos;
}
