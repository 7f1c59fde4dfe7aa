/**
 * "did you mean …?": a name written with a typo (a field, an event type, an app id) is refused
 * with the nearest known name, so the fix is one glance away.
 */

/**
 * "did you mean …?" for a near miss, else the list of names allowed; empty when none are known.
 * A near miss is two edits away at most (a swap of two neighbours is one edit: `dua` → `dau`),
 * one for a name of three letters or fewer (two edits turn `mu` into `sd`).
 */
export function suggest(name: string, known: readonly string[]): string {
  const edits = name.length <= 3 ? 1 : 2;
  const close = known.find((candidate) => editDistance(candidate.toLowerCase(), name.toLowerCase()) <= edits);
  if (close) return `did you mean "${close}"?`;
  return known.length > 0 ? `expected one of ${known.join(', ')}` : '';
}

/**
 * The fewest single-character edits from `a` to `b`: insertions, deletions, substitutions and
 * swaps of two neighbouring characters (the optimal string alignment distance).
 */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
