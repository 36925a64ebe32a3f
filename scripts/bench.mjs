// `npm run bench`: builds, runs every benchmark module, merges their results into bench/results.json and prints
// a table. Benchmarks report; they never fail a test run: a benchmark that crashes is recorded as failed and the
// others still run.
//
// Usage: node scripts/bench.mjs [--no-build] [--list] [--timeout SECONDS] [NAME...]
//   NAME        run only the benchmarks whose module name contains NAME (others keep their previous results)
//   --no-build  use the existing dist/ and out/bench/
//   --list      print the benchmark modules and exit
//   --timeout   per-benchmark time limit (default 600 s)
//
// A benchmark module is `bench/<name>.ts`, compiled by `node esbuild.mjs --tests` to `out/bench/<name>.js`
// (helpers live in bench/lib/ and are bundled into each module). It prints each result as one JSON line on stdout,
// `{"name": "...", "value": 12.3, "unit": "ms", "note": "..."}`, and anything else on stderr (bench/lib/report.ts
// has the helpers; bench/README.md the contract).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, platform, arch, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'out', 'bench');
const RESULTS = join(ROOT, 'bench', 'results.json');

const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return false;
  argv.splice(i, 1);
  return true;
};
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const noBuild = flag('--no-build');
const listOnly = flag('--list');
const timeoutSec = Number(option('--timeout', '600'));
const filters = argv.filter((a) => !a.startsWith('--'));

function build() {
  console.log('building (node esbuild.mjs --tests)…');
  const r = spawnSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status === 0) return true;
  console.error(`build failed (exit ${r.status}); benchmarks not run`);
  return false;
}

/** Every benchmark module in out/bench (top level only: bench/lib/ holds helpers). */
function allModules() {
  if (!existsSync(OUT_DIR)) return [];
  return readdirSync(OUT_DIR)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .sort();
}

function discover() {
  return allModules().filter((name) => filters.length === 0 || filters.some((p) => name.includes(p)));
}

/** A result row as the contract defines it, or undefined for any other stdout line. */
function parseRow(line) {
  const t = line.trim();
  if (!t.startsWith('{')) return undefined;
  try {
    const o = JSON.parse(t);
    if (typeof o?.name !== 'string' || typeof o.unit !== 'string') return undefined;
    if (o.value !== null && typeof o.value !== 'number') return undefined;
    const row = { name: o.name, value: o.value, unit: o.unit };
    if (typeof o.note === 'string' && o.note) row.note = o.note;
    return row;
  } catch {
    return undefined;
  }
}

/** Runs one benchmark module in its own Node process; resolves with its rows and how it ended. */
function runOne(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--enable-source-maps', join(OUT_DIR, `${name}.js`)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH: '1' },
    });
    const rows = [];
    let buf = '';
    let stderrTail = '';
    child.stdout.on('data', (chunk) => {
      buf += chunk.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const row = parseRow(line);
        if (row) rows.push(row);
        else if (line.trim()) process.stderr.write(`  [${name}] ${line}\n`);
      }
    });
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString();
      stderrTail = (stderrTail + text).slice(-2000);
      for (const line of text.split('\n')) if (line.trim()) process.stderr.write(`  [${name}] ${line}\n`);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, timeoutSec * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const row = parseRow(buf);
      if (row) rows.push(row);
      const entry = { date: new Date(started).toISOString(), durationMs: Date.now() - started, machine: machine(), status: 'ok', rows };
      if (timedOut) {
        entry.status = 'failed';
        entry.error = `timed out after ${timeoutSec} s`;
      } else if (code !== 0) {
        entry.status = 'failed';
        const last = stderrTail.trim().split('\n').slice(-3).join(' | ');
        entry.error = `exit ${signal ?? code}${last ? `: ${last}` : ''}`;
      }
      resolve(entry);
    });
  });
}

function machine() {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model?.trim() ?? 'unknown',
    memoryMB: Math.round(totalmem() / 2 ** 20),
    platform: `${platform()} ${release()} ${arch()}`,
    node: process.version,
  };
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  return r.stdout.trim() + (dirty ? '+dirty' : '');
}

function readPrevious() {
  try {
    const prev = JSON.parse(readFileSync(RESULTS, 'utf8'));
    return prev && typeof prev.benchmarks === 'object' ? prev : undefined;
  } catch {
    return undefined;
  }
}

function formatValue(v) {
  if (v === null || v === undefined) return '—';
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function printTable(benchmarks, ran) {
  const lines = [['benchmark', 'metric', 'value', 'unit', 'note']];
  for (const [name, entry] of Object.entries(benchmarks)) {
    const mark = ran.includes(name) ? name : `${name} (earlier run)`;
    if (entry.status !== 'ok') lines.push([mark, 'FAILED', '', '', entry.error ?? '']);
    for (const r of entry.rows) lines.push([mark, r.name, formatValue(r.value), r.unit, r.note ?? '']);
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => l[i].length)));
  const fmt = (l) =>
    [l[0].padEnd(widths[0]), l[1].padEnd(widths[1]), l[2].padStart(widths[2]), l[3].padEnd(widths[3]), l[4]]
      .join('  ')
      .trimEnd();
  console.log('');
  console.log(fmt(lines[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  ') + '  ----');
  for (const l of lines.slice(1)) console.log(fmt(l));
}

async function main() {
  if (!noBuild && !listOnly && !build()) {
    process.exitCode = 1;
    return;
  }
  const names = discover();
  if (listOnly) {
    console.log(names.join('\n') || '(no benchmark modules in out/bench; build with node esbuild.mjs --tests)');
    return;
  }
  if (names.length === 0) {
    console.error(`no benchmark modules${filters.length ? ` matching ${filters.join(', ')}` : ''} in ${OUT_DIR}`);
    process.exitCode = 1;
    return;
  }
  const previous = readPrevious();
  // Earlier results of modules that were not run this time are kept, unless the module is gone.
  const existing = new Set(allModules());
  const benchmarks = Object.fromEntries(Object.entries(previous?.benchmarks ?? {}).filter(([name]) => existing.has(name)));
  for (const name of names) {
    console.log(`\n▶ ${name}`);
    benchmarks[name] = await runOne(name);
    const e = benchmarks[name];
    console.log(`  ${e.status === 'ok' ? 'done' : `FAILED (${e.error})`}: ${e.rows.length} results in ${(e.durationMs / 1000).toFixed(1)} s`);
  }
  const results = { date: new Date().toISOString(), commit: gitCommit(), machine: machine(), benchmarks };
  if (!results.commit) delete results.commit;
  const tmp = `${RESULTS}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(tmp, RESULTS);
  printTable(benchmarks, names);
  console.log(`\nwrote ${RESULTS.slice(ROOT.length + 1)} (${results.machine.cpus} CPUs, ${results.machine.cpuModel}, Node ${results.machine.node})`);
}

await main();
