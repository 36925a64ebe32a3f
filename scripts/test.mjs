// `npm test`: typecheck, lint, build + package, unit tests (node:test), integration suites inside code-server's
// real extension host, and UI tests driving the real workbench with the packaged .vsix installed.
// Usage: node scripts/test.mjs [static|unit|integration|ui ...]  (no argument: all of them)
// Ends with one line `N passed, N failed`; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureCodeServer } from './lib/codeServer.mjs';
import { ensureDeps } from './lib/ensureDeps.mjs';
import { runIntegration } from './lib/integration.mjs';
import { packageVsix } from './package.mjs';

const LEVELS = ['static', 'unit', 'integration', 'ui'];
const asked = process.argv.slice(2);
for (const a of asked) {
  if (!LEVELS.includes(a)) {
    console.error(`unknown test level: ${a} (choose from ${LEVELS.join(', ')})`);
    process.exit(2);
  }
}
const want = (level) => asked.length === 0 || asked.includes(level);
const summary = [];
let passed = 0;
let failed = 0;

function heading(text) {
  console.log(`\n━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  return r.status === 0;
}

function record(level, p, f, note = '') {
  passed += p;
  failed += f;
  summary.push(`${level.padEnd(12)} ${String(p).padStart(4)} passed, ${String(f).padStart(3)} failed${note ? `  ${note}` : ''}`);
}

function walk(dir, pick) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, pick) : pick(p) ? [p] : [];
  });
}

/** Runs node's test runner over compiled test files; returns the counts from its TAP summary. */
function nodeTests(level, dir, env = {}) {
  const files = walk(join(ROOT, 'out', 'test', dir), (f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) {
    record(level, 0, 1, `no test files under out/test/${dir}`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'vscode-proton-tap-'));
  const tap = join(tmp, 'results.tap');
  const ok = run(process.execPath, [
    '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files,
  ], { env: { ...process.env, ...env } });
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  rmSync(tmp, { recursive: true, force: true });
  const count = (k) => Number((new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text) ?? [])[1] ?? 0);
  const p = count('pass');
  const f = count('fail') + count('cancelled');
  // A crashed runner can exit non-zero with no failing test counted: still a failure.
  record(level, p, f === 0 && !ok ? 1 : f, `(${files.length} files)`);
}

ensureDeps(ROOT);
const started = Date.now();
let built = true;

if (want('static')) {
  heading('typecheck (tsc --noEmit)');
  const typecheck = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.']);
  heading('lint (eslint, with the layer import rules)');
  const lint = run(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
  record('typecheck', typecheck ? 1 : 0, typecheck ? 0 : 1);
  record('lint', lint ? 1 : 0, lint ? 0 : 1);
}

let vsix = process.env.PROTON_VSIX;
if (want('unit') || want('integration') || want('ui')) {
  heading('build (esbuild) and package (.vsix)');
  built = run(process.execPath, [join(ROOT, 'esbuild.mjs'), '--tests']);
  if (built && (want('unit') || want('ui'))) {
    try {
      const p = packageVsix({ quiet: true });
      vsix = p.path;
      console.log(`packaged ${p.path} (${(p.bytes / 1024).toFixed(1)} KiB)`);
    } catch (err) {
      console.error(`packaging failed: ${err.message}`);
      built = false;
    }
  }
  if (!built) record('build', 0, 1);
}

if (built && want('unit')) {
  heading('unit (node --test)');
  nodeTests('unit', 'unit', { PROTON_VSIX: vsix });
}

let codeServer;
if (built && (want('integration') || want('ui'))) {
  heading('code-server (installs once, then cached)');
  try {
    codeServer = ensureCodeServer();
  } catch (err) {
    console.error(err.message);
    record('code-server', 0, 1);
  }
}

if (built && codeServer && want('integration')) {
  heading('integration (Mocha in the real extension host)');
  try {
    const r = await runIntegration({ bin: codeServer });
    record('integration', r.passed, r.failed);
  } catch (err) {
    console.error(err.message);
    record('integration', 0, 1, 'the suites did not run');
  }
}

if (built && codeServer && want('ui')) {
  heading('ui (Playwright driving the workbench, packaged .vsix installed)');
  nodeTests('ui', 'e2e', { PROTON_VSIX: vsix });
}

heading(`summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
