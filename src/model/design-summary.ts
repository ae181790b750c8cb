/**
 * What the Designs list shows about a design without loading it: node count, the topics it reads
 * and writes, and a thumbnail of its node layout (a few hundred bytes, stored beside the design).
 * Also the one rule for application names (the Kafka application.id).
 */
import { designTopics } from './commands';
import type { TopologyDocument } from './types';

/** Node boxes (top left corners, and one size for all) and edges scaled into a THUMB_W x THUMB_H box, for a small SVG. */
export interface Thumbnail {
  nodes: [number, number][];
  edges: [number, number][];
  card: { w: number; h: number };
}

export const THUMB_W = 120;
export const THUMB_H = 72;
/** Node box size inside the thumbnail (the canvas cards are ~200 x 70 px). */
const CARD_W = 200;
const CARD_H = 70;

export interface DesignSummary {
  nodes: number;
  reads: string[];
  writes: string[];
  thumb: Thumbnail;
}

export function summarizeDesign(doc: TopologyDocument): DesignSummary {
  return { nodes: doc.nodes.length, reads: designTopics(doc, 'reads'), writes: designTopics(doc, 'writes'), thumb: thumbnail(doc) };
}

export function thumbnail(doc: TopologyDocument): Thumbnail {
  if (!doc.nodes.length) return { nodes: [], edges: [], card: { w: 0, h: 0 } };
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const w = Math.max(...xs) - minX + CARD_W;
  const h = Math.max(...ys) - minY + CARD_H;
  // One scale for both axes keeps the layout's shape; the drawing is centred in the box.
  const scale = Math.min(THUMB_W / w, THUMB_H / h);
  const dx = (THUMB_W - w * scale) / 2;
  const dy = (THUMB_H - h * scale) / 2;
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  // Never thinner than a line, so a huge design still shows its boxes.
  const card = { w: Math.max(2, Math.round(CARD_W * scale * 10) / 10), h: Math.max(1.5, Math.round(CARD_H * scale * 10) / 10) };
  return {
    card,
    nodes: doc.nodes.map((n) => [Math.round(dx + (n.position.x - minX) * scale), Math.round(dy + (n.position.y - minY) * scale)]),
    edges: doc.edges.flatMap((e) => {
      const a = index.get(e.source);
      const b = index.get(e.target);
      return a === undefined || b === undefined ? [] : [[a, b] as [number, number]];
    }),
  };
}

/** An application name from free text: the characters Kafka's application.id allows, others become "-". */
export function toAppName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** `base`, or `base-2`, `base-3`, ... : the first name no other design has. */
export function uniqueDesignName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  const stem = base.replace(/-\d+$/, '');
  let i = 2;
  while (names.has(`${stem}-${i}`)) i++;
  return `${stem}-${i}`;
}

/** "just now", "12 s ago", "3 min ago", "2 h ago", "4 days ago". */
export function timeAgo(then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 2) return 'just now';
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} days ago`;
}

/** "6 nodes · text-input → word-counts" (topics only when the design has some). */
export function summaryLine(s: Pick<DesignSummary, 'nodes' | 'reads' | 'writes'>): string {
  const parts = [s.nodes === 1 ? '1 node' : `${s.nodes} nodes`];
  const topics = (ts: string[]) => (ts.length > 2 ? `${ts.slice(0, 2).join(', ')} +${ts.length - 2}` : ts.join(', '));
  if (s.reads.length || s.writes.length) parts.push(`${topics(s.reads) || '…'} → ${topics(s.writes) || '…'}`);
  return parts.join(' · ');
}
