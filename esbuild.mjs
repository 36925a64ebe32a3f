// Bundles the extension, the emulator and the CLI (and, with --tests, the test suites) with esbuild.
// Usage: node esbuild.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, existsSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
  // Packages' ES module builds first: esbuild can drop what is not used from them, not from CommonJS. The SDK
  // bundle shrinks from 597 to 325 KB and the emulator's from 431 to 302 KB (the .vsix target is 450 KB).
  mainFields: ['module', 'main'],
};

/** Entry points that exist so far: the design names the first three bundles. */
const products = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/emulator/main.ts', out: 'emulator', banner: '#!/usr/bin/env node' },
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  // The SDK side of the extension: required by dist/extension.js on first use, so activation loads no SDK code.
  { in: 'src/proton/gatewayFactory.ts', out: 'protonClient' },
  // The spec tooling (checker, editor help, update flow): required by dist/extension.js on the first YAML document
  // or update, so a window that shows only the tree compiles half as much at activation.
  { in: 'src/specTools.ts', out: 'specTools' },
  // The commands nobody has run yet in this window (instance menu, connection pickers, local emulator): required by
  // dist/extension.js when one first runs.
  { in: 'src/lazyCommands.ts', out: 'lazyCommands' },
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

/**
 * esbuild turns every `import * as vscode from 'vscode'` into its own ES-module copy of the whole vscode API object
 * (`__toESM(require("vscode"))`): some 30 copies made while dist/extension.js loads, which took about 200 ms of the
 * extension host at activation (measured with bench/host/activationProbe.ts), and even one copy defines a getter
 * for each of its 400-odd names (2–7 ms in activation profiles) and puts a getter call on every `vscode.x`. The
 * sources only use namespace imports (`vscode.x`), which the API object itself answers: this rewrites those calls
 * into one shared `require("vscode")`. It needs `write: false`, so it writes the output files itself.
 */
const shareVscodeNamespace = {
  name: 'share-vscode-namespace',
  setup(build) {
    build.onEnd((result) => {
      for (const file of result.outputFiles ?? []) {
        let text = file.text;
        if (file.path.endsWith('.js')) {
          text = text.replace(/\b[A-Za-z_$][\w$]*\(require\("vscode"\)\)/g, '(__vscodeNs ??= require("vscode"))');
          text = text.replace(/^((?:#!.*\n)?(?:"use strict";)?)/, '$1var __vscodeNs;');
        }
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, text);
      }
    });
  },
};

/**
 * The CLI's `import('../proton/gatewayFactory.js')` becomes a require of dist/protonClient.js, the SDK bundle the
 * extension loads too, so the SDK ships once (the .vsix target is 450 KB).
 */
const sharedProtonClient = {
  name: 'shared-proton-client',
  setup(build) {
    build.onResolve({ filter: /\/proton\/gatewayFactory(\.js)?$/ }, () => ({ path: './protonClient.js', external: true }));
  },
};

/**
 * The `yaml` library is its own bundle, dist/yaml.js, which the extension, the CLI and the emulator require at run
 * time. For the extension this is about activation: V8 compiles the whole of a file when it is required, and the
 * library was nearly half of dist/extension.js; src/core/yamlLibrary.ts requires it on the first parse instead.
 */
const sharedYaml = {
  name: 'shared-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};
const usesSharedYaml = new Set(['extension', 'specTools', 'lazyCommands', 'cli', 'emulator']);
/** The bundles the extension host loads: they share one vscode namespace object each. */
const hostBundles = new Set(['extension', 'specTools', 'lazyCommands']);

const builds = products.map((p) => ({
  ...common,
  // extension.js requires the SDK bundle at run time instead of inlining it.
  external: p.out === 'extension' ? [...common.external, './protonClient.js'] : common.external,
  entryPoints: [{ in: p.in, out: p.out }],
  outdir: 'dist',
  banner: p.banner ? { js: p.banner } : undefined,
  metafile: true,
  ...(hostBundles.has(p.out) ? { write: false } : {}),
  plugins: [
    ...(hostBundles.has(p.out) ? [shareVscodeNamespace] : []),
    ...(p.out === 'cli' ? [sharedProtonClient] : []),
    ...(usesSharedYaml.has(p.out) ? [sharedYaml] : []),
  ],
}));
builds.push({
  ...common,
  stdin: { contents: "module.exports = require('yaml');", resolveDir: '.', sourcefile: 'yaml-bundle.js' },
  outfile: 'dist/yaml.js',
  metafile: true,
});

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
