// Builds the production bundles and packages the extension as a .vsix with @vscode/vsce (offline).
// Prints the .vsix path as its last line.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/codeServer.mjs';

export function packageVsix({ quiet = false } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const out = join(ROOT, `${name}-${version}.vsix`);
  // vsce runs `vscode:prepublish` (the production build) first; dependencies are bundled, so none are packed.
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository',
      '--skip-license', '--no-rewrite-relative-links', '--out', out],
    { cwd: ROOT, stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'] },
  );
  return { path: out, bytes: statSync(out).size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { path, bytes } = packageVsix();
  console.log(`${path} (${(bytes / 1024).toFixed(1)} KiB)`);
}
