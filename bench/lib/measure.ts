// Closed-loop load generation: `concurrency` workers each issue one request at a time for a fixed duration.

export interface LoadResult {
  concurrency: number;
  /** Completed requests (successes and failures). */
  count: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  /** Latency of every successful request, in ms, sorted ascending. */
  latencies: number[];
}

/**
 * Calls `op(worker, seq)` in `concurrency` parallel loops until `durationMs` has passed; each loop starts its next
 * call when the previous one settles. Returns counts and the sorted latencies of the successful calls.
 */
export async function runLoad(
  concurrency: number,
  durationMs: number,
  op: (worker: number, seq: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let count = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const end = start + durationMs;
  const worker = async (w: number) => {
    for (let seq = 0; performance.now() < end; seq++) {
      const t0 = performance.now();
      try {
        await op(w, seq);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors++;
        firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsedMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const result: LoadResult = { concurrency, count, errors, elapsedMs, latencies };
  if (firstError !== undefined) result.firstError = firstError;
  return result;
}

/** The p-th percentile (0–100) of ascending `sorted` values, nearest-rank; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Successful requests per second. */
export function throughput(r: LoadResult): number {
  return (r.latencies.length / r.elapsedMs) * 1000;
}
