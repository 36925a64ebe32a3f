// "Did you mean ...?": the closest known word to a mistyped one, by edit distance. Used for directive keys and
// values and for unknown spec inputs, so every message proposes the same fix a quick fix applies.

/** Levenshtein distance, optimal-string-alignment variant (a swap of two neighbours counts 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/**
 * The candidate closest to `word` (case and `-`/`_` ignored; then a unique prefix), when it is close enough to be a typo: at most
 * a third of the word's length, and at least 1, apart. Undefined when nothing is that close or `word` is long.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 200) return undefined;
  const fold = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const exactFold = candidates.find((c) => fold(c) === fold(word));
  if (exactFold !== undefined) return exactFold;
  // "minor" for MINOR_VERSION: a unique candidate the word begins.
  const prefixed = word.length >= 3 ? candidates.filter((c) => fold(c).startsWith(fold(word))) : [];
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(fold(word), fold(c));
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
