// Bundles the extension, the emulator and the CLI (and, with --tests, the test suites) with esbuild.
// Usage: node esbuild.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
  // The SDK is bundled into the chunk that needs it; `vscode` is provided by the extension host.
  external: ['vscode'],
};

/** Entry points that exist so far: the design names these three bundles. */
const products = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/emulator/main.ts', out: 'emulator', banner: '#!/usr/bin/env node' },
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  // The SDK side of the extension: required by dist/extension.js on first use, so activation loads no SDK code.
  { in: 'src/proton/gatewayFactory.ts', out: 'protonClient' },
  // For scripts/start.mjs (plain JavaScript), so that it starts the emulator the way the extension does. Not
  // packaged: .vscodeignore lets in only the extension's bundles.
  { in: 'src/proton/emulatorProcess.ts', out: 'emulatorProcess' },
].filter((p) => existsSync(p.in));

function walk(dir, pick) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, pick) : pick(path) ? [path] : [];
  });
}

const builds = products.map((p) => ({
  ...common,
  // extension.js requires the SDK bundle at run time instead of inlining it.
  external: p.out === 'extension' ? [...common.external, './protonClient.js'] : common.external,
  entryPoints: [{ in: p.in, out: p.out }],
  outdir: 'dist',
  banner: p.banner ? { js: p.banner } : undefined,
  metafile: true,
}));

if (tests) {
  rmSync('out', { recursive: true, force: true });
  // Unit tests, benchmarks and integration suites compile file by file; their imports of src/ are bundled in,
  // packages stay external (resolved from node_modules at run time).
  const entries = [
    ...walk('test', (f) => f.endsWith('.ts')),
    ...walk('bench', (f) => f.endsWith('.ts')),
  ];
  builds.push({
    ...common,
    minify: false,
    sourcemap: 'inline',
    entryPoints: entries,
    outbase: '.',
    outdir: 'out',
    packages: 'external',
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] build started; watching for changes');
  // Dispose the contexts so esbuild's service process ends with us (npm start stops this with SIGTERM).
  const stop = async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  if (process.argv.includes('--sizes')) {
    for (const r of results) {
      for (const [file, info] of Object.entries(r.metafile?.outputs ?? {})) {
        if (file.endsWith('.js')) console.log(`${file}\t${info.bytes}`);
      }
    }
  }
}
