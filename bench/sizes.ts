// What ships: the production bundles and the .vsix (scripts/package.mjs). Targets: dist/extension.js ≤ 1.2 MB,
// the .vsix ≤ 450 KB. The bundles loaded on first use (SDK, spec tooling, yaml) are reported for information.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/emulator';
import { report, runBenchmark } from './lib/report';
import { verdict } from './lib/stats';
import { packageVsix } from './lib/vsix';

const KB = 1000;
const MB = 1000 * 1000;

function main(): void {
  const vsix = packageVsix();
  const size = (f: string): number | null => (existsSync(join(ROOT, f)) ? statSync(join(ROOT, f)).size : null);
  const ext = size('dist/extension.js');
  report({ name: 'dist/extension.js', value: ext === null ? null : ext / KB, unit: 'KB', note: ext === null ? 'missing' : verdict(ext, 1.2 * MB, '1.2 MB') });
  // The bundles required later, reported for information: the SDK on the first request, the spec tooling and yaml
  // on the first YAML document or update, the other commands when one first runs.
  for (const [file, when] of [
    ['dist/protonClient.js', 'SDK, loaded on the first request'],
    ['dist/specTools.js', 'spec tooling, loaded on the first YAML document or update'],
    ['dist/yaml.js', 'the yaml library, loaded on the first parse'],
    ['dist/lazyCommands.js', 'instance menu, connection pickers and local emulator, loaded when one first runs'],
  ]) {
    const bytes = size(file);
    report({ name: `${file} (${when})`, value: bytes === null ? null : bytes / KB, unit: 'KB', note: bytes === null ? 'missing' : '' });
  }
  report({ name: '.vsix', value: vsix.bytes / KB, unit: 'KB', note: verdict(vsix.bytes, 450 * KB, '450 KB') });
}

runBenchmark(async () => main());
