// Quick fixes: each fix's edit on the text, and that the fixed text no longer has the problem.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkSpecDocument } from '../../../src/core/checker';
import { parseSpecDocument } from '../../../src/core/specDocument';
import { applyEdits, fixesFor, type SpecFix } from '../../../src/core/specFixes';
import type { ProblemCode } from '../../../src/core/problems';
import { accountFacts } from '../helpers/checkerAccount';

const facts = accountFacts();

function fixes(text: string, code: ProblemCode): SpecFix[] {
  const sd = parseSpecDocument(text);
  const p = checkSpecDocument(sd, { facts }).problems.find((x) => x.code === code);
  assert.ok(p, `expected a ${code} problem`);
  return fixesFor(sd, p);
}

/** Applies the fix titled `title` and returns the new text; asserts the problem is gone afterwards. */
function apply(text: string, code: ProblemCode, title: string | RegExp): string {
  const all = fixes(text, code);
  const fix = all.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  assert.ok(fix, `no fix ${title} among ${all.map((f) => f.title).join(' | ')}`);
  const out = applyEdits(text, fix.edits);
  const left = checkSpecDocument(out, { facts }).problems.filter((p) => p.code === code);
  assert.deepEqual(left.map((p) => p.message), [], 'the fix leaves the problem');
  return out;
}

const body = (inputs: string, name = 'dev', env = 'dev') =>
  `proton: ServiceSpec\ninstances:\n  - name: ${name}\n    environment: ${env}\n    spec:\n${inputs}`;
const OK = '      image: app\n';

describe('version fixes on the directive', () => {
  test('version-not-allowed: remove the versions', () => {
    const text = `# proton-update: serviceName=web name=dev deploymentType=NONE templateMajorVersion=1 templateMinorVersion=0\n${body(OK)}`;
    const out = apply(text, 'version-not-allowed', 'Remove templateMajorVersion and templateMinorVersion');
    assert.equal(out.split('\n')[0], '# proton-update: serviceName=web name=dev deploymentType=NONE');
    assert.equal(fixes(text, 'version-not-allowed')[0].preferred, true);
  });

  test('version-major-mismatch: set the major to the current one (preferred), or use the recommended version', () => {
    const text = `# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION templateMajorVersion=2\n${body(OK)}`;
    const all = fixes(text, 'version-major-mismatch');
    assert.deepEqual(all.map((f) => [f.title, Boolean(f.preferred)]), [
      ['Set templateMajorVersion to 1, the current major version', true],
      ['Use the recommended version 1.1', false],
    ]);
    assert.equal(apply(text, 'version-major-mismatch', /^Set/).split('\n')[0], '# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION templateMajorVersion=1');
    assert.equal(
      apply(text, 'version-major-mismatch', /^Use/).split('\n')[0],
      '# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION templateMajorVersion=1 templateMinorVersion=1',
    );
  });

  test('version-not-found / not-published / major-not-higher / minor-without-major: use the recommended version', () => {
    const line = (f: string) => `# proton-update: serviceName=web name=dev ${f}\n${body(OK)}`;
    assert.equal(apply(line('deploymentType=MINOR_VERSION templateMinorVersion=9'), 'version-not-found', 'Use the recommended version 1.1').split('\n')[0],
      '# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION templateMinorVersion=1');
    assert.equal(apply(line('deploymentType=MINOR_VERSION templateMinorVersion=2'), 'version-not-published', /recommended/).split('\n')[0],
      '# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION templateMinorVersion=1');
    assert.equal(apply(line('deploymentType=MAJOR_VERSION templateMajorVersion=1'), 'version-major-not-higher', 'Use the recommended version 2.0').split('\n')[0],
      '# proton-update: serviceName=web name=dev deploymentType=MAJOR_VERSION templateMajorVersion=2 templateMinorVersion=0');
    assert.equal(apply(line('deploymentType=MAJOR_VERSION templateMinorVersion=0'), 'version-minor-without-major', 'Remove templateMinorVersion').split('\n')[0],
      '# proton-update: serviceName=web name=dev deploymentType=MAJOR_VERSION');
  });
});

describe('input fixes in the spec', () => {
  const dir = '# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION\n';

  test('input-required: add the input with a typed placeholder, in block and flow mappings', () => {
    const text = `${dir}${body('      size: small\n')}`;
    const out = apply(text, 'input-required', 'Add the required input "image"');
    assert.equal(out, `${dir}${body('      size: small\n      image: ""\n')}`);
    const flow = `${dir}${body('      image: app\n      health: {path: /x}\n')}`;
    assert.equal(apply(flow, 'input-required', /interval/), `${dir}${body('      image: app\n      health: {path: /x, interval: 0}\n')}`);
  });

  test('input-required under an empty mapping value', () => {
    const text = `${dir}pipeline:\n  # none yet\n${body(OK)}`;
    assert.equal(apply(text, 'input-required', /dockerfile/), `${dir}pipeline:\n  dockerfile: ""\n  # none yet\n${body(OK)}`);
  });

  test('input-enum: one fix per allowed value, keeping the quotes', () => {
    const text = `${dir}${body('      image: app\n      size: "larg"\n')}`;
    const all = fixes(text, 'input-enum');
    assert.deepEqual(all.map((f) => [f.title, Boolean(f.preferred)]), [
      ['Change to small', false], ['Change to medium', false], ['Change to large', true],
    ]);
    assert.equal(apply(text, 'input-enum', 'Change to medium'), `${dir}${body('      image: app\n      size: "medium"\n')}`);
  });

  test('input-unknown: rename a near miss (preferred) or remove the line', () => {
    const text = `${dir}${body('      image: app\n      sizee: small   # typo\n      count: 2\n')}`;
    assert.deepEqual(fixes(text, 'input-unknown').map((f) => [f.title, Boolean(f.preferred)]), [
      ['Rename to "size"', true], ['Remove the unknown input "sizee"', false],
    ]);
    assert.equal(apply(text, 'input-unknown', /^Rename/), `${dir}${body('      image: app\n      size: small   # typo\n      count: 2\n')}`);
    assert.equal(apply(text, 'input-unknown', /^Remove/), `${dir}${body('      image: app\n      count: 2\n')}`);
    const flow = `${dir}${body('      {image: app, zzz: 1, count: 2}\n')}`.replace('spec:\n      {', 'spec: {').replace('}\n', '}\n');
    assert.equal(apply(flow, 'input-unknown', /^Remove/), flow.replace('zzz: 1, ', ''));
  });

  test('input-unknown spanning a nested block is removed whole', () => {
    const text = `${dir}${body('      image: app\n      extra:\n        a: 1\n        b: 2\n      count: 2\n')}`;
    assert.equal(apply(text, 'input-unknown', /^Remove/), `${dir}${body('      image: app\n      count: 2\n')}`);
  });
});

describe('directive fixes', () => {
  test('directive-invalid: fix a key typo, a deploymentType typo and the marker', () => {
    const text = `# proton-update: serviceName=web nmae=dev\n${body(OK)}`;
    assert.equal(apply(text, 'directive-invalid', 'Change to "name"').split('\n')[0], '# proton-update: serviceName=web name=dev');
    const type = `# proton-update: serviceName=web name=dev deploymentType=minor_version\n${body(OK)}`;
    assert.equal(apply(type, 'directive-invalid', 'Change to "MINOR_VERSION"').split('\n')[0], '# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION');
    const marker = `# proton_updte: serviceName=web name=dev\n${body(OK)}`;
    assert.equal(apply(marker, 'directive-invalid', 'Change to "proton-update"').split('\n')[0], '# proton-update: serviceName=web name=dev');
  });

  test('target-not-found: a near miss of a known instance', () => {
    const text = `# proton-update: serviceName=web name=dve\n${body(OK)}`;
    const out = applyEdits(text, fixes(text, 'target-not-found')[0].edits);
    assert.equal(out.split('\n')[0], '# proton-update: serviceName=web name=dev');
  });
});
