// Entry point for the integration suites, loaded by VS Code's extension host (code-server's, via the payload
// URL, or @vscode/test-electron's). It runs Mocha with the real `vscode` API and writes the results to a JSON
// file, because code-server's extension host cannot hand a result back to the process that started it.
import Mocha from 'mocha';
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}

const RESULTS_FILE = process.env.PROTON_TEST_RESULTS ?? join(__dirname, 'results.json');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, reporter: 'spec' });
  const suiteDir = join(__dirname, 'suite');
  const grep = process.env.PROTON_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(suiteDir, f));
  }
  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, tests: [] };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        mkdirSync(dirname(RESULTS_FILE), { recursive: true });
        writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2));
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => {
        results.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 });
      });
      runner.on('fail', (t, err: Error) => {
        results.failed++;
        results.tests.push({
          title: t.fullTitle(),
          state: 'failed',
          durationMs: t.duration ?? 0,
          error: err?.stack ?? String(err),
        });
      });
      runner.on('pending', (t) => {
        results.pending++;
        results.tests.push({ title: t.fullTitle(), state: 'pending', durationMs: 0 });
      });
    } catch (err) {
      writeFileSync(RESULTS_FILE, JSON.stringify({ ...results, failed: 1, tests: [
        { title: 'load integration suites', state: 'failed', durationMs: 0, error: String((err as Error)?.stack ?? err) },
      ] }));
      reject(err);
    }
  });
}
