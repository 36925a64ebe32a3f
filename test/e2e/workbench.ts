// Drives the real VS Code workbench (code-server in Debian's Chromium) the way a person does, with the packaged
// .vsix installed, so that what users install is what is tested. Selectors are Code 1.100.3's own workbench classes.
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, Locator } from 'playwright-core';

/** The repository root, found from wherever this file is bundled (out/test/e2e/ for the UI tests, out/bench/). */
function findRoot(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'lib', 'codeServer.mjs'))) return dir;
  }
  return resolve(__dirname, '..', '..', '..');
}

export const ROOT = findRoot();
export const RESULTS_DIR = join(ROOT, 'test-results');

export interface CodeServer {
  url: string;
  extensionsDir: string;
  output: string[];
  workbenchUrl(folder: string, payload?: unknown): string;
  remoteUri(path: string): string;
  stop(): Promise<void>;
}
export interface CodeServerLib {
  ensureCodeServer(): string;
  startCodeServer(opts: Record<string, unknown>): Promise<CodeServer>;
  installVsix(bin: string, vsix: string, extensionsDir: string): void;
  launchChromium(): Promise<Browser>;
}

// A runtime import keeps the launcher shared with the scripts (esbuild leaves a computed import alone).
export async function codeServerLib(): Promise<CodeServerLib> {
  const href = pathToFileURL(join(ROOT, 'scripts', 'lib', 'codeServer.mjs')).href;
  return (await import(href)) as CodeServerLib;
}

/** Debian's Chromium with the flags this machine needs (the same launcher the scripts use). */
export async function launchChromium(): Promise<Browser> {
  return (await codeServerLib()).launchChromium();
}

export interface Workbench {
  page: Page;
  codeServer: CodeServer;
  screenshot(name: string): Promise<string>;
  runCommand(label: string): Promise<void>;
  pane(title: string): Locator;
  close(): Promise<void>;
}

export interface OpenOptions {
  workspace?: string;
  settings?: Record<string, unknown>;
  disableTrust?: boolean;
}

function vsixPath(): string {
  const vsix = process.env.PROTON_VSIX;
  if (!vsix || !existsSync(vsix)) {
    throw new Error('PROTON_VSIX must name the packaged extension (npm test packages it and sets it)');
  }
  return vsix;
}

export async function openWorkbench(opts: OpenOptions = {}): Promise<Workbench> {
  const lib = await codeServerLib();
  const bin = lib.ensureCodeServer();
  const workspace = opts.workspace ?? join(ROOT, 'test', 'fixtures', 'workspace');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const extensionsDir = mkdtempSync(join(tmpdir(), 'vscode-proton-ext-'));
  lib.installVsix(bin, vsixPath(), extensionsDir);
  const codeServer = await lib.startCodeServer({
    bin,
    workspace,
    extensionsDir,
    settings: opts.settings,
    disableTrust: opts.disableTrust ?? true,
  });
  const browser = await lib.launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(codeServer.workbenchUrl(workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  mkdirSync(RESULTS_DIR, { recursive: true });

  const wb: Workbench = {
    page,
    codeServer,
    async screenshot(name) {
      const file = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async runCommand(label) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor();
      await input.fill(`>${label}`);
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
      await row.waitFor();
      await page.keyboard.press('Enter');
    },
    pane(title) {
      return page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: title }) });
    },
    async close() {
      await browser.close();
      await codeServer.stop();
      const { rmSync } = await import('node:fs');
      rmSync(extensionsDir, { recursive: true, force: true });
    },
  };
  return wb;
}
