// The layer rules of the design (§2) are enforced by ESLint: show that each forbidden import is reported, so a
// broken lint configuration cannot pass silently.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: [file: string, code: string, forbidden: boolean][] = [
  ['src/core/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", true],
  ['src/core/x.ts', "import { ProtonClient } from '@aws-sdk/client-proton';\nexport const a = ProtonClient;\n", true],
  ['src/core/x.ts', "import * as http from 'node:http';\nexport const a = http;\n", true],
  ['src/core/x.ts', "import { parse } from 'yaml';\nexport const a = parse;\n", false],
  ['src/emulator/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", true],
  ['src/emulator/x.ts', "import { SignatureV4 } from '@smithy/signature-v4';\nexport const a = SignatureV4;\n", true],
  ['src/emulator/x.ts', "import * as http from 'node:http';\nexport const a = http;\n", false],
  ['src/cli/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", true],
  ['src/views/x.ts', "import { ProtonClient } from '@aws-sdk/client-proton';\nexport const a = ProtonClient;\n", true],
  ['src/views/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n", false],
  ['src/proton/x.ts', "import { ProtonClient } from '@aws-sdk/client-proton';\nexport const a = ProtonClient;\n", false],
];

for (const [file, code, forbidden] of cases) {
  const what = code.split('\n')[0];
  test(`${file}: ${what} is ${forbidden ? 'refused' : 'allowed'}`, async () => {
    const messages = await restrictedImports(file, code);
    if (forbidden) assert.equal(messages.length, 1, `expected one no-restricted-imports report, got ${JSON.stringify(messages)}`);
    else assert.deepEqual(messages, []);
  });
}
