// Packages the extension as users get it (scripts/package.mjs: the production build, then vsce) for the
// benchmarks that measure what ships: its sizes and its activation.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './emulator';

export function packageVsix(): { path: string; bytes: number } {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const path = join(ROOT, `${name}-${version}.vsix`);
  return { path, bytes: statSync(path).size };
}
