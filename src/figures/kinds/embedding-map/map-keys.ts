/**
 * The map's keys. One point at a time is the map's tab stop; arrow keys move to the nearest point in that
 * direction, so a keyboard reader walks the map as it is laid out. Page Up and Page Down step through the
 * points in the data's order: arrows alone may strand a point (one on top of another, say), those never do.
 */

/** What a key does on the map, or undefined when the key is not the map's (Tab, letters: left alone). */
export type KeyAction =
  | { kind: 'move'; direction: readonly [number, number] }
  | { kind: 'step'; by: 1 | -1 }
  | { kind: 'zoom'; factor: number }
  | { kind: 'reset' }
  | { kind: 'reader' };

const DIRECTIONS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function keyAction(event: KeyboardEvent): KeyAction | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const direction = DIRECTIONS[event.key];
  if (direction) return { kind: 'move', direction };
  if (event.key === 'PageDown' || event.key === 'PageUp')
    return { kind: 'step', by: event.key === 'PageDown' ? 1 : -1 };
  if (event.key === '+' || event.key === '=') return { kind: 'zoom', factor: 2 };
  if (event.key === '-' || event.key === '_') return { kind: 'zoom', factor: 0.5 };
  if (event.key === '0') return { kind: 'reset' };
  if (event.key === 'Home') return { kind: 'reader' };
  return undefined;
}

/**
 * The index of the position nearest to positions[from] in a direction, or undefined at the map's edge.
 * Sideways distance counts double, so Right picks the point beside this one over a nearer one above it.
 * Zoom scales the layout uniformly, so ranking in layout coordinates gives what the reader sees.
 */
export function nearestInDirection(
  positions: readonly (readonly [number, number])[],
  from: number,
  [dx, dy]: readonly [number, number],
): number | undefined {
  const origin = positions[from];
  if (!origin) return undefined;
  let best: number | undefined;
  let bestScore = Infinity;
  positions.forEach(([x, y], i) => {
    const along = (x - origin[0]) * dx + (y - origin[1]) * dy;
    const across = Math.abs((x - origin[0]) * dy - (y - origin[1]) * dx);
    const score = along + 2 * across;
    if (i !== from && along > 0 && score < bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** The index of the position nearest to a spot (where the reader's point was, the map's centre). */
export function nearestTo(
  positions: readonly (readonly [number, number])[],
  [x, y]: readonly [number, number],
): number {
  let best = 0;
  positions.forEach(([px, py], i) => {
    const [bx, by] = positions[best]!;
    if ((px - x) ** 2 + (py - y) ** 2 < (bx - x) ** 2 + (by - y) ** 2) best = i;
  });
  return best;
}
