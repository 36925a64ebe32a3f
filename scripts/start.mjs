// `npm start`: build, start the local Proton emulator with the demo seed, and open the extension in a real
// VS Code on the demo workspace: the desktop `code --extensionDevelopmentPath` when a `code` command is on the
// PATH, else code-server in the browser (its URL is printed). esbuild keeps rebuilding on change (reload the
// window to pick it up). Ctrl+C stops everything this started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, startCodeServer, freePort } from './lib/codeServer.mjs';
import { ensureDeps } from './lib/ensureDeps.mjs';

const WORKSPACE = join(ROOT, 'demo', 'workspace');
const children = [];
const cleanups = [];
let stopping = false;

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

async function portFree(port) {
  const { createServer } = await import('node:net');
  return new Promise((res) => {
    const s = createServer().once('error', () => res(false)).listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

/** Starts dist/emulator.js (with the helper the extension uses, built into dist/) and resolves with its URL. */
async function startEmulator() {
  const require = createRequire(import.meta.url);
  const { startEmulatorProcess } = require(join(ROOT, 'dist', 'emulatorProcess.js'));
  const port = (await portFree(4566)) ? 4566 : 0;
  const emulator = await startEmulatorProcess({
    script: join(ROOT, 'dist', 'emulator.js'),
    args: ['--port', String(port)],
    cwd: ROOT,
    onLine: (line, stream) => (stream === 'stdout' ? console.log : console.error)(`[emulator] ${line}`),
  });
  cleanups.push(() => emulator.stop());
  return emulator.url;
}

ensureDeps(ROOT);
console.log('building…');
if (spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
  process.exit(1);
}
children.push(spawn(process.execPath, [join(ROOT, 'esbuild.mjs'), '--watch'], { cwd: ROOT, stdio: 'ignore' }));

let endpoint = '';
if (existsSync(join(ROOT, 'dist', 'emulator.js'))) {
  try {
    endpoint = await startEmulator();
    console.log(`local Proton emulator with the demo seed: ${endpoint}`);
  } catch (err) {
    console.error(err.message);
    await stopAll(1);
  }
}

// The demo talks to the emulator: point the extension at it. The emulator accepts any credentials, but the SDK
// signs every request, so give it throw-away ones (never real keys) for this session only.
const settings = endpoint ? { 'proton.endpoint': endpoint, 'proton.region': 'us-east-1' } : {};
const env = endpoint
  ? { AWS_ACCESS_KEY_ID: 'demo', AWS_SECRET_ACCESS_KEY: 'demo', AWS_REGION: 'us-east-1' }
  : {};

if (onPath('code') && !process.env.PROTON_START_CODE_SERVER) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'vscode-proton-start-'));
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  cleanups.push(async () => rmSync(userDataDir, { recursive: true, force: true }));
  const code = spawn('code', ['--new-window', '--wait', `--user-data-dir=${userDataDir}`,
    `--extensionDevelopmentPath=${ROOT}`, WORKSPACE], { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(code);
  console.log('opened VS Code with the extension; close its window or press Ctrl+C to stop');
  code.on('exit', () => stopAll(0));
} else {
  const port = Number(process.env.PORT) || ((await portFree(8080)) ? 8080 : await freePort());
  const cs = await startCodeServer({ workspace: WORKSPACE, port, settings, env });
  cleanups.push(() => cs.stop());
  const url = cs.workbenchUrl(WORKSPACE, [['extensionDevelopmentPath', cs.remoteUri(ROOT)]]);
  console.log('\nVS Code (code-server) with the extension is ready. Open:\n');
  console.log(`  ${url}\n`);
  console.log('Press Ctrl+C to stop the emulator and code-server.');
}
