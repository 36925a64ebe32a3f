// `npm run test:electron`: the same integration suites under @vscode/test-electron, which downloads VS Code
// (so it needs a machine that can reach update.code.visualstudio.com; this project's CI uses code-server).
// VSCODE_TEST_VERSION picks the build: `1.100.3` (the minimum we support, default), `stable` or `insiders`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/codeServer.mjs';
import { ensureDeps } from './lib/ensureDeps.mjs';

ensureDeps(ROOT);
if (spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs'), '--tests'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
  process.exit(1);
}
const { runTests } = await import('@vscode/test-electron');
const resultsFile = join(ROOT, 'out', 'test', 'integration', 'results.json');
try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION || '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [join(ROOT, 'test', 'fixtures', 'workspace'), '--disable-workspace-trust', '--disable-extensions'],
    extensionTestsEnv: { PROTON_TEST_RESULTS: resultsFile },
  });
} catch (err) {
  console.error(`test-electron: ${err.message}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(String(err.message))) {
    console.error("test-electron: VS Code cannot be downloaded here; run the same suites in code-server: npm run test:integration");
  }
}
let results;
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
