// `npm start` as a person runs it: it prints a workbench URL that serves VS Code with the extension under
// development, the demo workspace and the emulator with the demo account; Ctrl+C stops everything it started.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, RESULTS_DIR, launchChromium } from './workbench';

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}

test('npm start serves the extension in VS Code with the demo account, and Ctrl+C stops it all', { timeout: 180_000 }, async () => {
  // Port 0 for code-server is not possible (the URL must be known), so let start pick a free one above 8080.
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PROTON_START_CODE_SERVER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    const found = await new Promise<{ url: string; endpoint: string }>((resolve, reject) => {
      let endpoint = '';
      const rl = createInterface({ input: child.stdout! });
      rl.on('line', (line) => {
        lines.push(line);
        const e = /emulator with the demo seed: (http:\/\/\S+)/.exec(line);
        if (e) endpoint = e[1];
        const m = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/.exec(line);
        if (m) resolve({ url: m[1], endpoint });
      });
      child.stderr!.on('data', (d) => lines.push(String(d)));
      void exited.then((code) => reject(new Error(`npm start exited (${code}) before printing a URL:\n${lines.join('\n')}`)));
    });
    assert.ok(found.endpoint, `it says where the emulator listens:\n${lines.join('\n')}`);

    // The emulator answers with the demo account, through Proton's own protocol.
    const res = await fetch(found.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AwsProton20200720.ListServices' },
      body: '{}',
    });
    const services = ((await res.json()) as { services: unknown[] }).services;
    assert.ok(services.length >= 12, `the demo account has a dozen services, got ${services.length}`);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(found.url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.activitybar .action-item a[aria-label^="Proton"]').click({ timeout: 30_000 });
      // With one view in the container VS Code hides the view's own header and titles the container instead.
      const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Service Instances' }) });
      await pane.waitFor({ timeout: 30_000 });
      await page.locator('.sidebar .composite.title', { hasText: /Proton/i }).waitFor({ timeout: 30_000 });
      // The extension activated and shows the demo account from npm start's emulator, which the status bar names.
      await pane.locator('.monaco-list-row', { hasText: 'checkout-api' }).waitFor({ timeout: 30_000 });
      await page.locator('.statusbar-item', { hasText: 'Proton emulator' }).waitFor({ timeout: 30_000 });
      // The window runs the extension from the repository, on the demo workspace.
      await page.locator('.window-title', { hasText: 'Extension Development Host' }).waitFor({ timeout: 30_000 });
      mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: join(RESULTS_DIR, 'npm-start.png') });
    } finally {
      await browser.close();
    }

    const workbenchOrigin = new URL(found.url).origin;
    child.kill('SIGINT');
    assert.equal(await exited, 0, 'Ctrl+C ends npm start cleanly');
    assert.ok(await refused(found.endpoint), 'the emulator is stopped');
    assert.ok(await refused(workbenchOrigin), 'code-server is stopped');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
