/** Suggestions for typos: the known values nearest to what was written. */

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Up to `limit` candidates close to `value`: within a third of its length in edits, or
 * sharing a word with it (`nazari` finds `ali-maisam-nazary`, `milley` finds `mark-milley`).
 */
export function closest(value: string, candidates: Iterable<string>, limit = 3): string[] {
  const words = new Set(value.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 2));
  const threshold = Math.max(2, Math.ceil(value.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    const sharesWord = candidate.split('-').some((word) => words.has(word) || [...words].some((w) => editDistance(w, word) <= 1 && word.length > 3));
    if (distance <= threshold || sharesWord) scored.push({ candidate, score: distance - (sharesWord ? 100 : 0) });
  }
  return scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate)).slice(0, limit).map((s) => s.candidate);
}

/** "did you mean "x" or "y"?" or undefined when nothing is close. */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const near = closest(value, candidates);
  if (!near.length) return undefined;
  return `did you mean ${near.map((c) => `"${c}"`).join(' or ')}?`;
}

/** The `limit` candidates with the fewest edits from `value`, however far they are. */
export function nearest(value: string, candidates: Iterable<string>, limit = 3): string[] {
  return [...candidates]
    .map((candidate) => ({ candidate, distance: editDistance(value, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((scored) => scored.candidate);
}
