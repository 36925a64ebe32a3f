// Starts code-server (a real VS Code: workbench in the browser, extension host in Node) for the tests and
// `npm start`, and opens its workbench in Debian's Chromium. It is installed offline by scripts/install-code-server.sh.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

/** Runs the idempotent installer; returns the code-server binary. Progress goes to stderr. */
export function ensureCodeServer() {
  const r = spawnSync('bash', [join(ROOT, 'scripts', 'install-code-server.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error('code-server is not available (see the installer message above)');
  return r.stdout.trim().split('\n').at(-1);
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'window.commandCenter': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Starts code-server on a free loopback port with throw-away user data and extensions folders.
 * @param {{workspace: string, bin?: string, port?: number, settings?: object, extensionsDir?: string,
 *          disableTrust?: boolean, env?: object, keep?: boolean, log?: (line: string) => void}} opts
 */
export async function startCodeServer(opts) {
  const bin = opts.bin ?? ensureCodeServer();
  const port = opts.port ?? (await freePort());
  const home = mkdtempSync(join(tmpdir(), 'vscode-proton-cs-'));
  const userDataDir = join(home, 'user-data');
  const extensionsDir = opts.extensionsDir ?? join(home, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(opts.settings ?? {}) }, null, 2),
  );
  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    ...(opts.disableTrust === false ? [] : ['--disable-workspace-trust']),
    opts.workspace,
  ];
  const child = spawn(bin, args, {
    env: { ...process.env, ...(opts.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stop() ends code-server's helpers (file watcher, extension host) with it.
    detached: true,
  });
  const output = [];
  const collect = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      output.push(line);
      opts.log?.(line);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 60_000, child, output);
  return {
    url,
    port,
    userDataDir,
    extensionsDir,
    output,
    /** The workbench URL for a folder, optionally with a payload (extension development and tests). */
    workbenchUrl(folder, payload) {
      let u = `${url}/?folder=${encodeURIComponent(folder)}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    /** A path on this machine as code-server's remote URI (what payload entries want). */
    remoteUri(path) {
      return `vscode-remote://127.0.0.1:${port}${path}`;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        const signalGroup = (sig) => {
          try {
            process.kill(-child.pid, sig);
          } catch {
            child.kill(sig);
          }
        };
        signalGroup('SIGTERM');
        const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
        // Helpers that outlive the main process still belong to the group.
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the group is already gone
        }
      }
      if (!opts.keep) rmSync(home, { recursive: true, force: true });
    },
  };
}

async function waitForHttp(url, timeoutMs, child, output) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited (${child.exitCode}) before it served:\n${output.slice(-20).join('\n')}`);
    }
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (works offline). */
export function installVsix(bin, vsix, extensionsDir) {
  const r = spawnSync(bin, ['--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Launches Debian's Chromium headless through playwright-core. */
export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
}
