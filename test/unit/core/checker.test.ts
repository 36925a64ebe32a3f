// The spec checker: every problem code of design §4 on a spec that has it, with the exact text its range covers
// (what the editor underlines) and its 0-based line, against a warm cache of a small account.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkSpecDocument, type CheckResult } from '../../../src/core/checker';
import { parseSpecDocument } from '../../../src/core/specDocument';
import { PROBLEM_CODES, type ProblemCode } from '../../../src/core/problems';
import { accountFacts } from '../helpers/checkerAccount';

const facts = accountFacts();
const covered = new Set<ProblemCode>();

/** [code, underlined text, line] of every problem, in text order. */
function check(text: string, opts: Parameters<typeof checkSpecDocument>[1] = { facts }): [string, string, number][] {
  const r = checkSpecDocument(text, opts);
  return r.problems.map((p) => {
    covered.add(p.code);
    assert.equal(p.range.start.line <= p.range.end.line, true);
    return [p.code, text.slice(p.span.start, p.span.end), p.range.start.line];
  });
}

/** The same without the (information) update notices, for tests about other problems. */
const quiet = (text: string) => check(text).filter(([c]) => c !== 'version-update-available');

const spec = (inputs: string, name = 'dev', env = 'dev') =>
  `proton: ServiceSpec\ninstances:\n  - name: ${name}\n    environment: ${env}\n    spec:\n${inputs}`;
const directive = (fields: string) => `# proton-update: serviceName=web ${fields}\n`;
const OK = '      image: app\n';

describe('local checks (no Proton data)', () => {
  test('yaml-syntax on the offending token', () => {
    const text = 'proton: ServiceSpec\ninstances: [\n';
    const r = check(text, {});
    assert.equal(r[0][0], 'yaml-syntax');
    assert.equal(r.every(([c]) => c === 'yaml-syntax'), true);
    assert.equal(r[0][2] >= 1, true);
  });

  test('not-service-spec on the proton value; a file named on the command line without proton at all', () => {
    assert.deepEqual(check('proton: EnvironmentSpec\ninstances: []\n', {}), [['not-service-spec', 'EnvironmentSpec', 0]]);
    assert.deepEqual(check('a: 1\n', { force: true }), [['not-service-spec', 'a: 1', 0]]);
    assert.equal(checkSpecDocument('a: 1\n').isSpec, false);
  });

  test('someone else\'s `proton:` key is not a spec; a slip of ServiceSpec is one, with not-service-spec', () => {
    for (const text of ['proton: enabled\ninstances:\n  - name: eu-1\n', 'proton:\n  enabled: true\n', 'proton: 3 # replicas\n']) {
      assert.equal(checkSpecDocument(text).isSpec, false, text);
    }
    assert.deepEqual(check('proton: ServiceSpc\ninstances: []\n', {}), [['not-service-spec', 'ServiceSpc', 0]]);
    assert.deepEqual(check('proton: "servicespec"\ninstances: []\n', {}), [['not-service-spec', '"servicespec"', 0]]);
    assert.equal(checkSpecDocument('proton: "ServiceSpec" # quoted\ninstances: []\n').isSpec, true);
    assert.equal(checkSpecDocument('# proton-update: serviceName=web name=dev\nproton: enabled\n').isSpec, true, 'a directive makes it one');
  });

  test('spec-structure on the value or entry at fault', () => {
    assert.deepEqual(check('proton: ServiceSpec\ninstances: 5\n', {}), [['spec-structure', '5', 1]]);
    assert.deepEqual(check('proton: ServiceSpec\ninstances:\n  - name: a\n    environment: dev\n', {}), [['spec-structure', 'name: a', 2]]);
  });

  test('name-invalid and instance-duplicate on the name', () => {
    const text = 'proton: ServiceSpec\ninstances:\n  - {name: "bad name", environment: dev, spec: {}}\n  - {name: a, environment: dev, spec: {}}\n  - {name: a, environment: dev, spec: {}}\n';
    assert.deepEqual(check(text, {}), [['name-invalid', '"bad name"', 2], ['instance-duplicate', 'a', 4]]);
  });

  test('spec-too-large where the limit is crossed; over 1 MB nothing else is read', () => {
    const text = spec(OK) + `#${'x'.repeat(51_200)}\n`;
    const r = check(text, {});
    assert.deepEqual(r.map(([c, , l]) => [c, l]), [['spec-too-large', 6]]);
    const huge = `proton: ServiceSpec\n${'# filler\n'.repeat(200_000)}`;
    const h = checkSpecDocument(huge);
    assert.deepEqual(h.problems.map((p) => p.code), ['spec-too-large']);
    assert.match(h.problems[0].message, /at most 51,200/);
  });

  test('directive-invalid on the word at fault', () => {
    const text = directive('nmae=dev') + spec(OK);
    assert.deepEqual(check(text, {}), [['directive-invalid', 'nmae', 0]]);
  });

  test('target-not-in-spec on the directive name, or on instances for a proton-ops target', () => {
    assert.deepEqual(check(directive('name=prod') + spec(OK), {}), [['target-not-in-spec', 'prod', 0]]);
    const ops = [{ serviceName: 'web', name: 'prod', specPath: 'a/spec.yaml' }];
    assert.deepEqual(check(spec(OK), { specPath: 'a/spec.yaml', opsMappings: ops }), [['target-not-in-spec', 'instances', 1]]);
  });
});

describe('checks with Proton data', () => {
  test('target-not-found on the service or instance word, with a suggestion', () => {
    assert.deepEqual(check(directive('name=dve') + spec(OK, 'dve')), [['target-not-found', 'dve', 0]]);
    const r = checkSpecDocument('# proton-update: serviceName=wbe name=dev\n' + spec(OK), { facts });
    assert.equal(r.problems[0].code, 'target-not-found');
    assert.match(r.problems[0].message, /did you mean "web"/);
    assert.equal(r.problems[0].data?.replacement, 'web');
  });

  test('instance-busy for the instance or its component', () => {
    assert.deepEqual(quiet(directive('name=busy') + spec(OK, 'busy')), [['instance-busy', 'proton-update', 0]]);
    const r = checkSpecDocument(directive('name=comp') + spec(OK, 'comp'), { facts });
    assert.match(r.problems[0].message, /Component web-cache of web\/comp is IN_PROGRESS/);
  });

  const versionCases: [string, string, string, ProblemCode][] = [
    ['CURRENT_VERSION with a version', 'name=dev deploymentType=CURRENT_VERSION templateMajorVersion=1', '1', 'version-not-allowed'],
    ['MINOR_VERSION with another major', 'name=dev deploymentType=MINOR_VERSION templateMajorVersion=2', '2', 'version-major-mismatch'],
    ['MAJOR_VERSION not higher', 'name=dev deploymentType=MAJOR_VERSION templateMajorVersion=1', '1', 'version-major-not-higher'],
    ['a minor without a major', 'name=dev deploymentType=MAJOR_VERSION templateMinorVersion=0', '0', 'version-minor-without-major'],
    ['a minor that does not exist', 'name=dev deploymentType=MINOR_VERSION templateMinorVersion=9', '9', 'version-not-found'],
    ['a DRAFT minor', 'name=dev deploymentType=MINOR_VERSION templateMinorVersion=2', '2', 'version-not-published'],
    ['a major only in DRAFT', 'name=dev deploymentType=MAJOR_VERSION templateMajorVersion=3', '3', 'version-not-published'],
    ['an incompatible environment', 'name=old deploymentType=MAJOR_VERSION', 'MAJOR_VERSION', 'version-incompatible-environment'],
    ['MAJOR_VERSION with no newer major', 'name=solo deploymentType=MAJOR_VERSION', 'MAJOR_VERSION', 'version-no-newer'],
    ['MINOR_VERSION landing on the current version', 'name=old deploymentType=MINOR_VERSION', 'MINOR_VERSION', 'version-no-newer'],
  ];
  for (const [what, fields, word, code] of versionCases) {
    test(`${code}: ${what}`, () => {
      const name = /name=(\w+)/.exec(fields)?.[1] as string;
      const service = name === 'solo' ? 'api' : 'web';
      const inputs = name === 'solo' ? '      image: app\n      container_port: 80\n' : OK;
      const text = `# proton-update: serviceName=${service} ${fields}\n` + spec(inputs, name, name === 'old' ? 'old' : 'dev');
      assert.deepEqual(check(text), [[code, word, 0]]);
    });
  }

  test('version-update-available on the deploymentType (information)', () => {
    const r = checkSpecDocument(directive('name=dev deploymentType=CURRENT_VERSION') + spec(OK), { facts });
    assert.deepEqual(r.problems.map((p) => [p.code, p.severity]), [['version-update-available', 'information']]);
    assert.match(r.problems[0].message, /svc-tpl 1\.1 is available for web\/dev \(it runs 1\.0\); deploymentType MINOR_VERSION deploys it/);
  });

  test('inputs against the version the update lands on, and the message says which', () => {
    // web/dev on 1.0; MAJOR_VERSION lands on 2.0 whose schema requires container_port.
    const text = directive('name=dev deploymentType=MAJOR_VERSION') + spec(OK);
    const r = checkSpecDocument(text, { facts });
    assert.deepEqual(r.problems.map((p) => [p.code, text.slice(p.span.start, p.span.end)]), [['input-required', 'spec']]);
    assert.match(r.problems[0].message, /"container_port" is missing \(svc-tpl 2\.0, the version MAJOR_VERSION deploys\)/);
    assert.deepEqual(r.targetInfo[0].landing, { major: '2', minor: '0', why: 'MAJOR_VERSION' });
  });

  test('a refused directive: inputs against the version it names when that exists, else not judged', () => {
    // web/old runs 1.x on an environment 2.0 does not support: Proton refuses, but 2.0 is what the author targets.
    const named = directive('name=old deploymentType=MAJOR_VERSION templateMajorVersion=2 templateMinorVersion=0');
    const fits = named + spec('      image: app\n      container_port: 80\n', 'old', 'old');
    assert.deepEqual(quiet(fits).map(([c]) => c), ['version-incompatible-environment'], 'no complaint about 1.x inputs');
    assert.deepEqual(checkSpecDocument(fits, { facts }).targetInfo[0].landing, { major: '2', minor: '0', why: 'named' });
    const short = named + spec(OK, 'old', 'old');
    const r = checkSpecDocument(short, { facts });
    assert.deepEqual(r.problems.map((p) => p.code), ['version-incompatible-environment', 'input-required']);
    assert.match(r.problems[1].message, /"container_port" is missing \(svc-tpl 2\.0, the directive's version\)/);
    // A minor that does not exist: only the version problem, none about the current version's inputs.
    const missing = directive('name=dev deploymentType=MINOR_VERSION templateMinorVersion=9') + spec(OK + '      bogus: 1\n');
    assert.deepEqual(quiet(missing).map(([c]) => c), ['version-not-found']);
    assert.equal(checkSpecDocument(missing, { facts }).targetInfo[0].landing?.why, 'refused');
    // The same input without the refused directive is reported.
    assert.ok(quiet(spec(OK + '      bogus: 1\n')).some(([c]) => c === 'input-unknown'));
  });

  test('every input code on the exact key or value', () => {
    const text = directive('name=dev deploymentType=MINOR_VERSION') + 'pipeline:\n  dockerfile: 5\n' + spec(
      '      image: ""\n      size: huge\n      count: 11\n      tag: ABC\n      colour: red\n      health: {path: /x}\n',
    );
    assert.deepEqual(check(text), [
      ['input-type', '5', 2],
      ['input-length', '""', 8],
      ['input-enum', 'huge', 9],
      ['input-range', '11', 10],
      ['input-pattern', 'ABC', 11],
      ['input-unknown', 'colour', 12],
      ['input-required', 'health', 13],
    ]);
    const r = checkSpecDocument(text, { facts });
    assert.match(r.problems.find((p) => p.code === 'input-enum')?.message ?? '', /must be one of "small", "medium", "large"; got "huge" \(svc-tpl 1\.1, the version MINOR_VERSION deploys\)/);
  });

  test('the environment must be the instance\'s', () => {
    assert.deepEqual(quiet(directive('name=dev') + spec(OK, 'dev', 'prod')), [['spec-structure', 'prod', 4]]);
  });

  test('CURRENT_VAL keeps the deployed value; without the deployed spec cached it is asked for, not judged', () => {
    const text = directive('name=dev') + spec('      image: "${Proton::CURRENT_VAL}"\n      tag: "${Proton::CURRENT_VAL}"\n');
    assert.deepEqual(quiet(text), []);
    const cold = { ...facts, deployedSpec: () => undefined };
    const r = checkSpecDocument(text, { facts: cold });
    assert.deepEqual(r.problems.map((p) => p.code), ['version-update-available']);
    assert.deepEqual(r.needs, [{ kind: 'deployedSpec', serviceName: 'web', name: 'dev' }]);
    const nothing = { ...facts, deployedSpec: () => 'proton: ServiceSpec\ninstances: []\n' };
    assert.deepEqual(checkSpecDocument(text, { facts: nothing }).problems.map((p) => p.code), ['version-update-available', 'input-required', 'input-required', 'input-pattern']);
  });

  test('a cold cache: the checker returns what it lacks instead of fetching', () => {
    const text = directive('name=dev') + spec(OK);
    const noSnap = checkSpecDocument(text, { facts: { snapshot: undefined, versionDetail: () => undefined } });
    assert.deepEqual(noSnap.needs, [{ kind: 'snapshot' }]);
    const noDetail = checkSpecDocument(text, { facts: accountFacts({ details: false }) });
    assert.deepEqual(noDetail.needs, [{ kind: 'versionDetail', templateName: 'svc-tpl', major: '1', minor: '0' }]);
  });

  test('one parse serves several checks of the same version', () => {
    const sd = parseSpecDocument(directive('name=dev') + spec(OK));
    const a: CheckResult = checkSpecDocument(sd, { facts });
    const b = checkSpecDocument(sd, {});
    assert.deepEqual(a.targets.targets.map((t) => t.name), ['dev']);
    assert.deepEqual(b.problems, []);
  });
});

test('every problem code is covered by a test above', () => {
  const missing = PROBLEM_CODES.filter((c) => !covered.has(c));
  assert.deepEqual(missing, []);
});
