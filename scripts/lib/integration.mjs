// Runs the Mocha integration suites inside code-server's real extension host (VS Code cannot be downloaded here; code-server bundles it): the workbench is
// opened in headless Chromium with a payload naming the extension under development and the tests' entry
// point; the suites write their results to a file, which this runner waits for (bounded) and reports.
import { existsSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startCodeServer, launchChromium } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.PROTON_INTEGRATION_TIMEOUT_MS || 180_000);

/** @returns {Promise<{passed: number, failed: number, pending: number, tests: any[]}>} */
export async function runIntegration({ bin, workspace = join(ROOT, 'test', 'fixtures', 'workspace'), log = console.log } = {}) {
  const resultsDir = mkdtempSync(join(tmpdir(), 'vscode-proton-it-'));
  const resultsFile = join(resultsDir, 'results.json');
  const cs = await startCodeServer({ bin, workspace, env: { PROTON_TEST_RESULTS: resultsFile } });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    const payload = [
      ['extensionDevelopmentPath', cs.remoteUri(ROOT)],
      ['extensionTestsPath', cs.remoteUri(join(ROOT, 'out', 'test', 'integration', 'index.js'))],
    ];
    await page.goto(cs.workbenchUrl(workspace, payload));
    const deadline = Date.now() + TIMEOUT_MS;
    while (!existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        const tail = cs.output.slice(-30).join('\n');
        throw new Error(`the integration suites wrote no results within ${TIMEOUT_MS} ms; code-server said:\n${tail}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    // The file is written in one call; a short settle guards against reading it mid-write.
    let results;
    for (let i = 0; ; i++) {
      try {
        results = JSON.parse(readFileSync(resultsFile, 'utf8'));
        break;
      } catch (err) {
        if (i > 20) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    for (const t of results.tests) {
      const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-';
      log(`  ${mark} ${t.title}${t.state === 'passed' ? ` (${t.durationMs} ms)` : ''}`);
      if (t.error) log(t.error.split('\n').map((l) => `      ${l}`).join('\n'));
    }
    return results;
  } finally {
    await browser?.close();
    await cs.stop();
    rmSync(resultsDir, { recursive: true, force: true });
  }
}
