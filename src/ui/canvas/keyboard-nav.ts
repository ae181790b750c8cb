/**
 * Moving between cards with the arrow keys: the spatial neighbour in that direction, as a person
 * would point at it (the nearest card whose centre lies within 45 degrees of the direction, a card
 * straight ahead preferred over one off to the side). Pure.
 */
import type { Position } from '../../model/types';

export type Direction = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

const AXES: Record<Direction, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function isDirection(key: string): key is Direction {
  return key in AXES;
}

/** The id of the card to move to from `fromId` (centres given), or null when there is none that way. */
export function spatialNeighbour(centres: ReadonlyMap<string, Position>, fromId: string, dir: Direction): string | null {
  const from = centres.get(fromId);
  if (!from) return null;
  const [ax, ay] = AXES[dir];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, c] of centres) {
    if (id === fromId) continue;
    const ahead = (c.x - from.x) * ax + (c.y - from.y) * ay;
    const aside = Math.abs((c.x - from.x) * ay - (c.y - from.y) * ax);
    if (ahead <= 0 || aside > ahead) continue;
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
