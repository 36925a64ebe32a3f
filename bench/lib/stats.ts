// Repeated measurements: each benchmark runs several times and reports the median with the spread, so that one
// noisy run on a shared machine does not decide a row.

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { runs: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { runs: n, median, min: sorted[0], max: sorted[n - 1] };
}

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/** "median of 7 runs (min 1.2, max 3.4)" plus an optional target verdict, for a row's note. */
export function spreadNote(s: Summary, unit: string, target?: { max: number; label?: string }): string {
  const spread = `median of ${s.runs} runs (min ${fmt(s.min)}, max ${fmt(s.max)} ${unit})`;
  if (!target) return spread;
  const verdict = s.median <= target.max ? 'met' : 'MISSED';
  return `${spread}; target ≤ ${target.label ?? `${fmt(target.max)} ${unit}`}: ${verdict}`;
}

/** A target verdict for a single value. */
export function verdict(value: number, max: number, label: string): string {
  return `target ≤ ${label}: ${value <= max ? 'met' : 'MISSED'}`;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the measured durations in ms. */
export async function timeRuns(runs: number, warmup: number, fn: (run: number) => Promise<void> | void): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
