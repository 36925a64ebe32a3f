// Spec diagnostics as a person sees them, with the packaged .vsix installed and the emulator (demo seed) as the
// endpoint: the Problems panel lists the version-combination error of a directive that asks for MINOR_VERSION
// with another major; the quick fix chosen from the light bulb (Ctrl+.) clears it. Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorProcess } from '../../src/proton/emulatorProcess';
import { openWorkbench, ROOT, type Workbench } from './workbench';

let wb: Workbench;
let emulator: EmulatorProcess;
let workspace: string;

const DIRECTIVE = '# proton-update: serviceName=nightly-reports name=prod deploymentType=MINOR_VERSION templateMajorVersion=2';

before(async () => {
  emulator = await startEmulatorProcess({ script: join(ROOT, 'dist', 'emulator.js'), args: ['--port', '0', '--seed', join(ROOT, 'demo', 'seed.yaml')] });
  workspace = mkdtempSync(join(tmpdir(), 'proton-ui-diag-'));
  const demo = readFileSync(join(ROOT, 'demo', 'workspace', 'services', 'nightly-reports', 'prod.yaml'), 'utf8');
  writeFileSync(join(workspace, 'nightly-prod.yaml'), demo.replace(/^# proton-update:.*$/m, DIRECTIVE));
  wb = await openWorkbench({ workspace, settings: { 'proton.endpoint': emulator.url, 'workbench.colorTheme': 'Default Light Modern' } });
});

after(async () => {
  await wb?.close();
  await emulator?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const problemRow = () => wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'keeps the major version 1' });

test('the Problems panel lists the version-combination error of the directive', async () => {
  const { page } = wb;
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill('nightly-prod.yaml');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'nightly-prod.yaml' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'proton-update' }).waitFor({ timeout: 30_000 });
  await wb.runCommand('Problems: Focus on Problems View');
  const row = problemRow();
  await row.waitFor({ timeout: 60_000 });
  const text = await row.innerText();
  assert.match(text, /deploymentType MINOR_VERSION keeps the major version 1; templateMajorVersion 2 needs MAJOR_VERSION/);
  assert.match(text, /version-major-mismatch/);
  assert.match(text, /Proton/);
  await page.mouse.move(700, 300);
  await wb.screenshot('diagnostics-problems');
});

test('the quick fix from the light bulb (Ctrl+.) sets the current major and clears the error', async () => {
  const { page } = wb;
  // Enter on the row puts the cursor on the problem in the editor, as a person does before Ctrl+.
  await problemRow().click();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor.focused').waitFor({ timeout: 10_000 });
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Set templateMajorVersion to 1, the current major version' });
  await fix.waitFor({ timeout: 15_000 });
  // The preferred fix is the one the menu focuses: Enter applies it.
  assert.match(await page.locator('.action-widget .monaco-list-row.focused').innerText(), /Set templateMajorVersion to 1/);
  await wb.screenshot('diagnostics-quickfix');
  await page.keyboard.press('Enter');
  await problemRow().waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: 'templateMajorVersion=1' }).waitFor({ timeout: 10_000 });
  await page.mouse.move(700, 300);
  await wb.screenshot('diagnostics-fixed');
});
