/**
 * "did you mean …?": a name written with a typo (a field, an event type, an app id) is refused
 * with the nearest known name, so the fix is one glance away.
 */

/** "did you mean …?" for a near miss, else the list of names allowed; empty when none are known. */
export function suggest(name: string, known: readonly string[]): string {
  const close = known.find((candidate) => editDistance(candidate.toLowerCase(), name.toLowerCase()) <= 2);
  if (close) return `did you mean "${close}"?`;
  return known.length > 0 ? `expected one of ${known.join(', ')}` : '';
}

/** Levenshtein distance: the fewest single-character edits from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
