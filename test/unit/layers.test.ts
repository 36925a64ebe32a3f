// The layer rules (eslint.config.mjs says why each exists) are enforced by ESLint: show that each forbidden import
// is reported, so a broken lint configuration cannot pass silently.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const cases: [file: string, code: string, forbidden: boolean][] = [
  ['src/core/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", true],
  ['src/core/x.ts', "import { ProtonClient } from '@aws-sdk/client-proton';\nexport const a = ProtonClient;\n", true],
  ['src/core/x.ts', "import * as http from 'node:http';\nexport const a = http;\n", true],
  ['src/core/x.ts', "import { parse } from 'yaml';\nexport const a = parse;\n", true],
  ['src/core/x.ts', "import type { Document } from 'yaml';\nexport type A = Document;\n", false],
  ['src/core/x.ts', "import { parse } from './yamlLibrary';\nexport const a = parse;\n", false],
  ['src/diagnostics/x.ts', "import { parseDocument } from 'yaml';\nexport const a = parseDocument;\n", true],
  ['src/emulator/x.ts', "import { parse } from 'yaml';\nexport const a = parse;\n", false],
  ['src/emulator/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", true],
  ['src/core/x.ts', "import type { ProtonGateway } from '../proton/api';\nexport type A = ProtonGateway;\n", true],
  ['src/core/x.ts', "import { startEmulator } from '../emulator/server';\nexport const a = startEmulator;\n", true],
  ['src/core/x.ts', "import { problem } from './problems';\nexport const a = problem;\n", false],
  ['src/emulator/x.ts', "import { SignatureV4 } from '@smithy/signature-v4';\nexport const a = SignatureV4;\n", false],
  ['src/emulator/x.ts', "import { HttpRequest } from '@smithy/protocol-http';\nexport const a = HttpRequest;\n", true],
  ['src/emulator/x.ts', "import { ProtonClient } from '@aws-sdk/client-proton';\nexport const a = ProtonClient;\n", true],
  ['src/emulator/x.ts', "import { resolveTarget } from '../core/deploymentTarget';\nexport const a = resolveTarget;\n", false],
  ['src/emulator/x.ts', "import * as http from 'node:http';\nexport const a = http;\n", false],
  ['src/cli/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", true],
  ['src/views/x.ts', "import { ProtonClient } from '@aws-sdk/client-proton';\nexport const a = ProtonClient;\n", true],
  ['src/views/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", false],
  ['src/proton/x.ts', "import { ProtonClient } from '@aws-sdk/client-proton';\nexport const a = ProtonClient;\n", false],
  ['src/proton/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", true],
  ['src/proton/x.ts', "import { startEmulator } from '../emulator/server';\nexport const a = startEmulator;\n", true],
  ['src/proton/x.ts', "import { startEmulatorProcess } from './emulatorProcess';\nexport const a = startEmulatorProcess;\n", false],
  ['src/cli/x.ts', "import { readSeed } from '../emulator/seed';\nexport const a = readSeed;\n", true],
  ['src/views/x.ts', "import { ProtonError } from '../emulator/errors';\nexport const a = ProtonError;\n", true],
  ['src/commands/x.ts', "import { startEmulatorCommand } from './emulator';\nexport const a = startEmulatorCommand;\n", false],
  ['src/extension.ts', "import { startEmulator } from './emulator/server';\nexport const a = startEmulator;\n", true],
  ['src/extension.ts', "import { ProtonClient } from '@aws-sdk/client-proton';\nexport const a = ProtonClient;\n", true],
];

for (const [file, code, forbidden] of cases) {
  const what = code.split('\n')[0];
  test(`${file}: ${what} is ${forbidden ? 'refused' : 'allowed'}`, async () => {
    const messages = await restrictedImports(file, code);
    if (forbidden) assert.equal(messages.length, 1, `expected one no-restricted-imports report, got ${JSON.stringify(messages)}`);
    else assert.deepEqual(messages, []);
  });
}
