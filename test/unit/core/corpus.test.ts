// The bad-input corpus (test/fixtures/spec-corpus/, plus a 10 MB file and a 51,201-character spec generated here):
// the checker never throws, finishes each file in bounded time and reports the problem a person needs to see.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSpecDocument, type CheckResult } from '../../../src/core/checker';
import { decodeSpecBytes } from '../../../src/core/specText';
import { SPEC_MAX_LENGTH } from '../../../src/core/protonModel';
import { accountFacts } from '../helpers/checkerAccount';
import { REPO_ROOT } from '../helpers/emulator';

const CORPUS = join(REPO_ROOT, 'test', 'fixtures', 'spec-corpus');
const facts = accountFacts();
/** Per file, generous for a 2-core machine shared by several test runs. */
const BOUND_MS = 3000;

/** The problem each file must produce (the directives target the test account's web/dev). */
const EXPECTED: Record<string, string> = {
  'alias-bomb.yaml': 'yaml-syntax',
  'alias-self.yaml': 'yaml-syntax',
  'alias-undefined.yaml': 'yaml-syntax',
  'binary.yaml': 'yaml-syntax',
  'control-chars.yaml': 'not-service-spec',
  'current-val-unknown.yaml': 'input-required',
  'deep-nesting-block.yaml': 'spec-too-large',
  'deep-nesting-flow.yaml': 'yaml-syntax',
  'directive-bad-type.yaml': 'directive-invalid',
  'directive-bad-version.yaml': 'directive-invalid',
  'directive-duplicate-key.yaml': 'directive-invalid',
  'directive-key-typo.yaml': 'directive-invalid',
  'directive-marker-typo.yaml': 'directive-invalid',
  'directive-missing-name.yaml': 'directive-invalid',
  'directive-no-equals.yaml': 'directive-invalid',
  'duplicate-instance.yaml': 'instance-duplicate',
  'empty.yaml': 'not-service-spec',
  'entry-empty-environment.yaml': 'spec-structure',
  'entry-no-name.yaml': 'spec-structure',
  'entry-spec-list.yaml': 'spec-structure',
  'inputs-null.yaml': 'input-type',
  'instances-map.yaml': 'spec-structure',
  'instances-missing.yaml': 'spec-structure',
  'instances-scalar-items.yaml': 'spec-structure',
  'invalid-utf8.yaml': 'yaml-syntax',
  'list-top.yaml': 'not-service-spec',
  'merge-keys.yaml': 'spec-structure',
  'multi-document.yaml': 'yaml-syntax',
  'name-invalid.yaml': 'name-invalid',
  'name-number.yaml': 'name-invalid',
  'name-too-long.yaml': 'name-invalid',
  'number-overflow.yaml': 'input-type',
  'only-comments.yaml': 'not-service-spec',
  'proton-missing.yaml': 'not-service-spec',
  'proton-number.yaml': 'not-service-spec',
  'proton-wrong-value.yaml': 'not-service-spec',
  'prototype-keys.yaml': 'input-unknown',
  'scalar-top.yaml': 'not-service-spec',
  'syntax-bad-indent.yaml': 'yaml-syntax',
  'syntax-duplicate-key.yaml': 'yaml-syntax',
  'syntax-long-implicit-key.yaml': 'yaml-syntax',
  'syntax-mixed-crlf-tabs.yaml': 'yaml-syntax',
  'syntax-stray-colon.yaml': 'yaml-syntax',
  'syntax-tabs.yaml': 'yaml-syntax',
  'syntax-unclosed-flow.yaml': 'yaml-syntax',
  'syntax-unclosed-quote.yaml': 'yaml-syntax',
  'target-not-in-spec.yaml': 'target-not-in-spec',
  'target-unknown.yaml': 'target-not-found',
  'utf16-bom.yaml': 'yaml-syntax',
  'utf8-bom.yaml': 'not-service-spec',
  'version-combination.yaml': 'version-major-mismatch',
  'version-not-allowed.yaml': 'version-not-allowed',
  'wrong-types-everywhere.yaml': 'input-type',
};

function checkBytes(bytes: Uint8Array): { result: CheckResult; ms: number } {
  const t0 = performance.now();
  const { text, problem } = decodeSpecBytes(bytes);
  const result = checkSpecDocument(text, { facts, force: true, encodingProblem: problem });
  return { result, ms: performance.now() - t0 };
}

function assertUseful(name: string, result: CheckResult, code: string): void {
  const codes = result.problems.map((p) => p.code);
  assert.ok(codes.includes(code as never), `${name}: expected ${code}, got ${codes.join(', ') || 'nothing'}`);
  for (const p of result.problems) {
    assert.ok(p.message.length > 10, `${name}: a message that says something`);
    assert.ok(p.range.start.line >= 0 && p.range.end.line >= p.range.start.line, `${name}: a valid range`);
  }
}

describe('bad-input corpus', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort();

  test('has 40+ files, each with an expectation', () => {
    assert.ok(files.length >= 40, `${files.length} files`);
    assert.deepEqual(files.filter((f) => !(f in EXPECTED)), []);
  });

  for (const name of files) {
    test(name, () => {
      const { result, ms } = checkBytes(readFileSync(join(CORPUS, name)));
      assert.ok(ms < BOUND_MS, `${name} took ${ms.toFixed(0)} ms`);
      assertUseful(name, result, EXPECTED[name]);
    });
  }

  test('a 10 MB file is refused unparsed, quickly', () => {
    const line = 'proton: ServiceSpec\ninstances:\n' + '  - {name: a, environment: dev, spec: {image: "x"}}\n'.repeat(10);
    const big = Buffer.from(line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)));
    const { result, ms } = checkBytes(big);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
    assert.deepEqual(result.problems.map((p) => p.code), ['spec-too-large']);
  });

  test('51,200 characters pass; 51,201 (counted in code points) are too large', () => {
    const head = '# proton-update: serviceName=web name=dev\nproton: ServiceSpec\ninstances:\n  - name: dev\n    environment: dev\n    spec:\n      image: app\n#';
    const fit = head + 'é'.repeat(SPEC_MAX_LENGTH - head.length - 1) + '\n';
    assert.equal([...fit].length, SPEC_MAX_LENGTH);
    assert.deepEqual(checkBytes(Buffer.from(fit)).result.problems.filter((p) => p.code === 'spec-too-large'), []);
    const over = fit + 'x';
    const { result } = checkBytes(Buffer.from(over));
    assertUseful('51,201', result, 'spec-too-large');
    assert.match(result.problems.find((p) => p.code === 'spec-too-large')?.message ?? '', /51,201 characters; Proton accepts at most 51,200/);
  });
});
