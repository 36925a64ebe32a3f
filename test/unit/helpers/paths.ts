// Where the tests find the repository, the built emulator and the seed fixtures.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'vscode-proton') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no vscode-proton package.json above ${start}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const EMULATOR_JS = path.join(REPO_ROOT, 'dist', 'emulator.js');
export const SEEDS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'seeds');

/** Absolute path of a seed under test/fixtures/seeds. */
export function seedPath(name: string): string {
  return path.join(SEEDS_DIR, name);
}
