// Every problem code's help link lands on a README anchor that exists, and every code is explained.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES } from '../../../src/core/problems';
import { problemHelpUri, PROBLEM_SUMMARY } from '../../../src/core/problemHelp';
import { REPO_ROOT } from '../helpers/emulator';

test('the README has an anchor and a row for every problem code the diagnostics link to', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  for (const code of PROBLEM_CODES) {
    assert.equal(problemHelpUri(code), `https://github.com/vscode-proton/vscode-proton#${code}`);
    assert.ok(readme.includes(`<a id="${code}"></a>\`${code}\``), `README anchor for ${code}`);
    assert.ok(PROBLEM_SUMMARY[code].length > 10, `summary of ${code}`);
  }
});
