/** "Did you mean": the closest of the valid names to a misspelt one, when one is close enough to be a typo. */

/** The closest choice within a typo's reach (about one edit in three characters), or null. */
export function didYouMean(input: string, choices: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const choice of choices) {
    const distance = editDistance(input.toLowerCase(), choice.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [choice, distance];
  }
  const reach = Math.max(2, Math.floor(input.length / 3));
  // A case-only difference (distance 0 once lowercased) is a typo too; the exact name is not.
  return best !== null && best !== input && bestDistance <= reach ? best : null;
}

/** ` (did you mean "x"?)` to follow a name in a message, or nothing. */
export function suggestion(input: string, choices: readonly string[]): string {
  const match = didYouMean(input, choices);
  return match ? ` (did you mean "${match}"?)` : '';
}

/**
 * The `count` choices nearest to the input, for a list too long to print whole (a model's class names):
 * those containing it first (case-insensitive), then by edit distance; ties keep the choices' order.
 */
export function nearest(input: string, choices: readonly string[], count: number): string[] {
  const lower = input.toLowerCase();
  return choices
    .map((choice, order) => {
      const other = choice.toLowerCase();
      return { choice, order, contains: other.includes(lower), distance: editDistance(lower, other) };
    })
    .sort((a, b) => Number(b.contains) - Number(a.contains) || a.distance - b.distance || a.order - b.order)
    .slice(0, count)
    .map((ranked) => ranked.choice);
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
