// Lint, and the layer rules of the design (§2): src/core is pure, only src/proton talks to the AWS SDK,
// the emulator and the CLI never need VS Code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'This layer must not depend on VS Code (design §2).' };
const noSdk = { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/proton talks to Proton (design §2).' };
const noNetwork = {
  group: ['node:http', 'node:https', 'node:net', 'http', 'https', 'net'],
  message: 'src/core is pure: no network.',
};

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
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noSdk, noNetwork] }] },
  },
  {
    files: ['src/emulator/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noSdk] }] },
  },
  {
    files: ['src/**'],
    ignores: ['src/proton/**', 'src/core/**', 'src/emulator/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSdk] }] },
  },
);
