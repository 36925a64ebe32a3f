// What users install is the .vsix: check that it holds what the extension needs and nothing it must not ship.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listZip } from './helpers/zip';

const ROOT = resolve(__dirname, '..', '..', '..');

function vsixPath(): string {
  const given = process.env.PROTON_VSIX;
  if (given && existsSync(given)) return given;
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, encoding: 'utf8' });
  return out.trim().split('\n').at(-1)!.replace(/ \(.*\)$/, '');
}

test('the .vsix holds the bundle, media, README, CHANGELOG, LICENSE and the manifest', () => {
  const names = listZip(vsixPath()).map((e) => e.name);
  for (const required of [
    'extension/package.json',
    'extension/dist/extension.js',
    'extension/dist/protonClient.js',
    'extension/dist/yaml.js',
    'extension/dist/specTools.js',
    'extension/dist/lazyCommands.js',
    'extension/dist/emulator.js',
    'extension/demo/seed.yaml',
    'extension/media/proton.svg',
    'extension/media/icon.png',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
    'extension.vsixmanifest',
  ]) {
    assert.ok(
      names.some((n) => n.toLowerCase() === required.toLowerCase()),
      `${required} is missing from the .vsix (has: ${names.join(', ')})`,
    );
  }
});

test('the .vsix ships no sources, tests, source maps or node_modules', () => {
  // The demo seed is the one file of demo/ that ships: "Start Local Emulator" runs the emulator with it.
  const names = listZip(vsixPath()).map((e) => e.name).filter((n) => n !== 'extension/demo/seed.yaml');
  const forbidden = names.filter(
    (n) =>
      /(^|\/)(src|test|out|bench|scripts|node_modules|demo)\//.test(n) ||
      n.endsWith('.map') ||
      n.endsWith('.ts') ||
      /(^|\/)(tsconfig\.json|esbuild\.mjs|eslint\.config\.mjs|package-lock\.json)$/.test(n),
  );
  assert.deepEqual(forbidden, []);
});

test('the packaged manifest activates on demand, never on startup', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    activationEvents: string[];
    engines: { vscode: string };
    main: string;
  };
  assert.ok(!pkg.activationEvents.includes('*'), 'activation on "*" loads the extension in every window');
  assert.ok(!pkg.activationEvents.includes('onStartupFinished'));
  assert.match(pkg.engines.vscode, /^\^1\.(\d+)\.0$/);
  assert.ok(Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]) <= 100, 'code-server 4.100.3 bundles Code 1.100.3');
  assert.equal(pkg.main, './dist/extension.js');
});

test('@types/vscode is the engine minimum, so the code cannot use API newer than VS Code it runs in', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    engines: { vscode: string };
    devDependencies: Record<string, string>;
  };
  assert.equal(pkg.devDependencies['@types/vscode'], pkg.engines.vscode.replace(/^\^/, ''));
});

test('settings that redirect requests or credentials are restricted in untrusted workspaces', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations: string[] } };
  };
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), [
    'proton.endpoint',
    'proton.profile',
    'proton.region',
  ]);
});
