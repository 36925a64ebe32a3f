// Lint, and the layer rules: src/core is pure (so the extension, the CLI and the emulator can share it, and it
// tests without VS Code or a network); only src/proton talks to the AWS SDK (the emulator may use the SDK's
// signer to verify signatures); nothing but VS Code adapters needs VS Code; and the emulator runs as a child
// process (dist/emulator.js), so no other code imports it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'This layer must not depend on VS Code: it runs outside the extension host too.' };
const noSdk = { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/proton talks to Proton.' };
const signerOnly = {
  group: ['@aws-sdk/*', '@smithy/*', '!@smithy/signature-v4'],
  message: 'The emulator may use the SDK\'s signer (@smithy/signature-v4) to verify signatures, and nothing else of the SDK.',
};
const noNetwork = {
  group: ['node:http', 'node:https', 'node:net', 'http', 'https', 'net'],
  message: 'src/core is pure: no network.',
};
const noOtherLayer = { regex: '^\\.\\.(/|$)', message: 'src/core imports nothing from the other layers: they build on it.' };
const emulatorMessage = 'The emulator runs as a child process (dist/emulator.js): start it with src/proton/emulatorProcess.';
const noEmulatorFromLayer = { regex: '^(\\.\\./)+emulator(/|$)', message: emulatorMessage };
const noEmulatorFromTop = { regex: '^\\./emulator(/|$)', message: emulatorMessage };
// Activation must not evaluate the `yaml` library (most of the bundle's load time): its functions come through
// src/core/yamlLibrary, which requires it on first use. Type imports cost nothing and stay allowed.
const lazyYaml = {
  name: 'yaml',
  allowTypeImports: true,
  message: 'Import YAML functions from src/core/yamlLibrary: it loads the library on first use, not at activation.',
};
const restricted = '@typescript-eslint/no-restricted-imports';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly',
        AbortController: 'readonly', AbortSignal: 'readonly', fetch: 'readonly', TextEncoder: 'readonly',
        TextDecoder: 'readonly', setImmediate: 'readonly', structuredClone: 'readonly', performance: 'readonly',
        __dirname: 'readonly', require: 'readonly', module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**'],
    rules: { [restricted]: ['error', { paths: [noVscode, lazyYaml], patterns: [noSdk, noNetwork, noOtherLayer] }] },
  },
  {
    files: ['src/emulator/**'],
    rules: { [restricted]: ['error', { paths: [noVscode], patterns: [signerOnly] }] },
  },
  {
    files: ['src/cli/**'],
    rules: { [restricted]: ['error', { paths: [noVscode, lazyYaml], patterns: [noSdk, noEmulatorFromLayer] }] },
  },
  {
    files: ['src/proton/**'],
    rules: { [restricted]: ['error', { paths: [noVscode, lazyYaml], patterns: [noEmulatorFromLayer] }] },
  },
  {
    files: ['src/*/**'],
    ignores: ['src/proton/**', 'src/core/**', 'src/emulator/**', 'src/cli/**'],
    rules: { [restricted]: ['error', { paths: [lazyYaml], patterns: [noSdk, noEmulatorFromLayer] }] },
  },
  {
    files: ['src/*.ts'],
    rules: { [restricted]: ['error', { paths: [lazyYaml], patterns: [noSdk, noEmulatorFromTop] }] },
  },
);
