// `npm test` and `npm start` set up a fresh clone by themselves: install the npm packages the lockfile names
// when node_modules is missing or older than the lockfile. Uses only Node built-ins (it runs before them).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDeps(root) {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.error('[setup] installing npm packages (npm ci)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error('[setup] npm ci failed: it needs the npm registry; run `npm ci` by hand to see why');
    process.exit(2);
  }
}
