// `npm test` and `npm start` set up a fresh clone by themselves: install the npm packages the lockfile names when
// node_modules is missing or was installed from another lockfile. The lockfile's content is compared (a hash kept
// in node_modules), not its date: a checkout or merge gives the file a new date without changing what it names,
// and an `npm ci` then would wipe node_modules for nothing. Uses only Node built-ins (it runs before them).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const lockHash = (root) => createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');

export function ensureDeps(root) {
  const marker = join(root, 'node_modules', '.vscode-proton-lock.sha256');
  const want = lockHash(root);
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === want) return;
  console.error('[setup] installing npm packages (npm ci)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error('[setup] npm ci failed: it needs the npm registry; run `npm ci` by hand to see why');
    process.exit(2);
  }
  writeFileSync(marker, `${want}\n`);
}
