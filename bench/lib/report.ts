// The contract between a benchmark module and scripts/bench.mjs (see bench/README.md): a benchmark is a script
// `bench/<name>.ts`, compiled to `out/bench/<name>.js`, that prints each result as one JSON line on stdout and
// everything else (progress, diagnostics) on stderr. It exits 0 when it measured what it could; a benchmark never
// fails a test run, so the harness only records a failure, it does not propagate it.

/** One measured value. `name` is unique within its benchmark; `unit` is e.g. "req/s", "ms", "bytes". */
export interface BenchRow {
  name: string;
  value: number | null;
  unit: string;
  note?: string;
}

/** Prints one result row for the harness (a JSON line on stdout). */
export function report(row: BenchRow): void {
  const out: BenchRow = { name: row.name, value: row.value === null ? null : round(row.value), unit: row.unit };
  if (row.note) out.note = row.note;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** Progress for a human watching the run: on stderr, so it never mixes with the result rows. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Three significant decimals at most: enough for a table, stable in JSON. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  const digits = Math.abs(n) >= 100 ? 1 : 3;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Runs a benchmark's main function, reporting an unexpected error on stderr and as the exit code. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      log(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exit(1);
    },
  );
}
