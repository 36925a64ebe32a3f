// Which version an UpdateServiceInstance lands on, and when Proton refuses it, as one table run directly against
// src/core: (current version, template versions, environment, request) → target version or problem code. The
// emulator's wire tests (test/unit/emulator/updateRules.test.ts) show the same rules end to end.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { offeredVersions, resolveTarget, type UpdateRequest } from '../../../src/core/deploymentTarget';
import { PROBLEM_SEVERITY, type ProblemCode } from '../../../src/core/problems';
import type { EnvironmentInfo, TemplateInfo, TemplateVersionInfo } from '../../../src/core/templateVersions';

/** `1.2 PUBLISHED base:1 base:2` → a version; no compatibility list written → compatibility unknown. */
function v(text: string): TemplateVersionInfo {
  const [label, status, ...compat] = text.split(' ');
  const [majorVersion, minorVersion] = label.split('.');
  const version: TemplateVersionInfo = { majorVersion, minorVersion, status };
  if (compat.length) {
    version.compatibleEnvironmentTemplates = compat.map((c) => ({ templateName: c.split(':')[0], majorVersion: c.split(':')[1] }));
  }
  return version;
}

// 1.x: 1.2 recommended, 1.3 a DRAFT above it. 2.x: 2.1 recommended overall, only for base:2. 3.x: no PUBLISHED minor.
const WEB: TemplateInfo = {
  name: 'web',
  versions: [
    'v1.0 PUBLISHED base:1',
    'v1.1 PUBLISHED base:1',
    'v1.2 PUBLISHED base:1',
    'v1.3 DRAFT base:1',
    'v2.0 PUBLISHED base:1 base:2',
    'v2.1 PUBLISHED base:2',
    'v3.0 DRAFT base:2',
    'v3.1 REGISTRATION_FAILED base:2',
  ].map((s) => v(s.slice(1))),
};
/** Versions compare as numbers: 10 > 9. Compatibility not known (not fetched yet). */
const NUMERIC: TemplateInfo = { name: 'numeric', versions: ['9.0 PUBLISHED', '9.10 PUBLISHED', '9.9 PUBLISHED', '10.0 PUBLISHED'].map(v) };
const NOTHING_PUBLISHED: TemplateInfo = { name: 'draft-only', versions: [v('1.0 PUBLISHED base:1'), v('2.0 DRAFT base:1')] };
const ALL_DRAFT: TemplateInfo = { name: 'all-draft', versions: [v('1.0 DRAFT base:1')] };

const BASE1: EnvironmentInfo = { name: 'dev', templateName: 'base', templateMajorVersion: '1' };
const BASE2: EnvironmentInfo = { name: 'prod', templateName: 'base', templateMajorVersion: '2' };
const OTHER: EnvironmentInfo = { name: 'odd', templateName: 'other', templateMajorVersion: '1' };

interface Row {
  why: string;
  current: string;
  template?: TemplateInfo;
  env?: EnvironmentInfo;
  req: string;
  /** `1.2` (the target), or a problem code. */
  expect: string | ProblemCode;
}

/** `MAJOR_VERSION 2.` → type MAJOR_VERSION, major 2; `MAJOR_VERSION .1` → minor only; `NONE` → neither. */
function request(text: string): UpdateRequest {
  const [deploymentType, version] = text.split(' ');
  const [major, minor] = (version ?? '.').split('.');
  return {
    deploymentType: deploymentType as UpdateRequest['deploymentType'],
    ...(major ? { templateMajorVersion: major } : {}),
    ...(minor ? { templateMinorVersion: minor } : {}),
  };
}

const ROWS: Row[] = [
  // NONE and CURRENT_VERSION stay on the current version and take no version.
  { why: 'NONE stays', current: '1.1', req: 'NONE', expect: '1.1' },
  { why: 'CURRENT_VERSION stays', current: '1.1', env: BASE2, req: 'CURRENT_VERSION', expect: '1.1' },
  { why: 'NONE with a major', current: '1.1', req: 'NONE 2.', expect: 'version-not-allowed' },
  { why: 'NONE with a minor', current: '1.1', req: 'NONE .2', expect: 'version-not-allowed' },
  { why: 'CURRENT_VERSION with both', current: '1.1', req: 'CURRENT_VERSION 1.1', expect: 'version-not-allowed' },
  { why: 'CURRENT_VERSION on a version the template does not list', current: '7.7', req: 'CURRENT_VERSION', expect: '7.7' },
  // MINOR_VERSION keeps the major.
  { why: 'MINOR_VERSION → the major\'s recommended minor, not the DRAFT above it', current: '1.0', req: 'MINOR_VERSION', expect: '1.2' },
  { why: 'MINOR_VERSION naming the current major', current: '1.0', req: 'MINOR_VERSION 1.', expect: '1.2' },
  { why: 'MINOR_VERSION naming another major', current: '1.0', req: 'MINOR_VERSION 2.', expect: 'version-major-mismatch' },
  { why: 'MINOR_VERSION to a lower minor', current: '1.2', req: 'MINOR_VERSION .0', expect: '1.0' },
  { why: 'MINOR_VERSION to the current minor', current: '1.2', req: 'MINOR_VERSION 1.2', expect: '1.2' },
  { why: 'MINOR_VERSION to a minor that does not exist', current: '1.0', req: 'MINOR_VERSION .9', expect: 'version-not-found' },
  { why: 'MINOR_VERSION to a DRAFT minor', current: '1.0', req: 'MINOR_VERSION .3', expect: 'version-not-published' },
  { why: 'MINOR_VERSION to a failed registration', current: '3.0', req: 'MINOR_VERSION .1', expect: 'version-not-published' },
  { why: 'MINOR_VERSION in a major without a PUBLISHED minor', current: '3.0', req: 'MINOR_VERSION', expect: 'version-not-published' },
  { why: 'MINOR_VERSION: the environment is not checked', current: '1.0', env: OTHER, req: 'MINOR_VERSION', expect: '1.2' },
  { why: 'MINOR_VERSION compares minors as numbers', current: '9.0', template: NUMERIC, req: 'MINOR_VERSION', expect: '9.10' },
  // MAJOR_VERSION moves to a higher major, compatible with the instance's environment.
  { why: 'MAJOR_VERSION with a minor and no major', current: '1.0', env: BASE2, req: 'MAJOR_VERSION .1', expect: 'version-minor-without-major' },
  { why: 'MAJOR_VERSION → the recommended version', current: '1.0', env: BASE2, req: 'MAJOR_VERSION', expect: '2.1' },
  { why: 'MAJOR_VERSION → the recommended version, incompatible', current: '1.0', env: BASE1, req: 'MAJOR_VERSION', expect: 'version-incompatible-environment' },
  { why: 'MAJOR_VERSION with the environment unknown', current: '1.0', req: 'MAJOR_VERSION', expect: '2.1' },
  { why: 'MAJOR_VERSION already on the recommended major', current: '2.0', env: BASE2, req: 'MAJOR_VERSION', expect: 'version-no-newer' },
  { why: 'MAJOR_VERSION where only a DRAFT major is higher', current: '1.0', template: NOTHING_PUBLISHED, env: BASE1, req: 'MAJOR_VERSION', expect: 'version-no-newer' },
  { why: 'MAJOR_VERSION where nothing is PUBLISHED', current: '1.0', template: ALL_DRAFT, env: BASE1, req: 'MAJOR_VERSION', expect: 'version-no-newer' },
  { why: 'MAJOR_VERSION naming the current major', current: '1.0', env: BASE2, req: 'MAJOR_VERSION 1.', expect: 'version-major-not-higher' },
  { why: 'MAJOR_VERSION naming a lower major', current: '2.0', env: BASE2, req: 'MAJOR_VERSION 1.2', expect: 'version-major-not-higher' },
  { why: 'MAJOR_VERSION naming a major → its recommended minor', current: '1.0', env: BASE2, req: 'MAJOR_VERSION 2.', expect: '2.1' },
  { why: 'MAJOR_VERSION naming a major that does not exist', current: '1.0', env: BASE2, req: 'MAJOR_VERSION 4.', expect: 'version-not-found' },
  { why: 'MAJOR_VERSION naming a major without a PUBLISHED minor', current: '1.0', env: BASE2, req: 'MAJOR_VERSION 3.', expect: 'version-not-published' },
  { why: 'MAJOR_VERSION naming a version', current: '1.0', env: BASE1, req: 'MAJOR_VERSION 2.0', expect: '2.0' },
  { why: 'MAJOR_VERSION naming a version that does not exist', current: '1.0', env: BASE2, req: 'MAJOR_VERSION 2.7', expect: 'version-not-found' },
  { why: 'MAJOR_VERSION naming a DRAFT version', current: '1.0', env: BASE2, req: 'MAJOR_VERSION 3.0', expect: 'version-not-published' },
  { why: 'MAJOR_VERSION naming a version the environment cannot take', current: '1.0', env: BASE1, req: 'MAJOR_VERSION 2.1', expect: 'version-incompatible-environment' },
  { why: 'MAJOR_VERSION to another environment template', current: '1.0', env: OTHER, req: 'MAJOR_VERSION 2.0', expect: 'version-incompatible-environment' },
  { why: 'MAJOR_VERSION where compatibility is not known', current: '9.9', template: NUMERIC, env: BASE1, req: 'MAJOR_VERSION', expect: '10.0' },
  { why: 'MAJOR_VERSION compares majors as numbers', current: '9.0', template: NUMERIC, req: 'MAJOR_VERSION 10.', expect: '10.0' },
];

const context = (row: { current: string; template?: TemplateInfo; env?: EnvironmentInfo }) => {
  const [templateMajorVersion, templateMinorVersion] = row.current.split('.');
  const template = row.template ?? WEB;
  return {
    instance: { name: 'inst', environmentName: row.env?.name ?? 'dev', templateName: template.name, templateMajorVersion, templateMinorVersion },
    template,
    environment: row.env,
  };
};

describe('resolveTarget', () => {
  for (const row of ROWS) {
    test(`${row.why}: ${row.current} + ${row.req}${row.env ? ` in ${row.env.templateName}:${row.env.templateMajorVersion}` : ''} → ${row.expect}`, () => {
      const ctx = context(row);
      const result = resolveTarget(request(row.req), ctx);
      if (/^\d/.test(row.expect)) {
        assert.equal(result.problem, undefined, result.problem?.message);
        assert.equal(`${result.target?.major}.${result.target?.minor}`, row.expect);
        const [major, minor] = row.expect.split('.');
        const listed = ctx.template.versions.find((x) => x.majorVersion === major && x.minorVersion === minor);
        assert.equal(result.target?.version, listed, 'the target carries the template\'s own version record (undefined when unlisted)');
      } else {
        assert.equal(result.target, undefined);
        assert.equal(result.problem?.code, row.expect, result.problem?.message);
        assert.equal(result.problem?.severity, PROBLEM_SEVERITY[row.expect as ProblemCode]);
        assert.ok(result.problem?.message.length, 'a message for people');
      }
    });
  }

  test('messages name what is wrong, in the wording the emulator answers with', () => {
    const message = (row: Omit<Row, 'why' | 'expect'>) => resolveTarget(request(row.req), context(row)).problem?.message;
    assert.equal(message({ current: '1.0', env: BASE2, req: 'MAJOR_VERSION 4.' }), 'The requested service template version does not exist: major version 4 of service template web.');
    assert.equal(message({ current: '1.0', req: 'MINOR_VERSION .3' }), 'Version 1.3 of service template web is DRAFT; only PUBLISHED versions can be deployed.');
    assert.equal(message({ current: '2.0', env: BASE2, req: 'MAJOR_VERSION' }), 'Service template web has no PUBLISHED major version higher than 2 (its recommended version is 2.1).');
    assert.equal(
      message({ current: '1.0', env: BASE1, req: 'MAJOR_VERSION 2.1' }),
      'Version 2.1 of service template web is not compatible with environment dev (environment template base major version 1); it supports base:2.',
    );
    assert.deepEqual(resolveTarget(request('NONE 2.'), context({ current: '1.1' })).problem?.data, { fields: ['templateMajorVersion'] });
  });
});

describe('offeredVersions', () => {
  const offered = (type: 'MINOR_VERSION' | 'MAJOR_VERSION', row: { current: string; template?: TemplateInfo; env?: EnvironmentInfo }) =>
    offeredVersions(type, context(row)).map((o) => `${o.version.majorVersion}.${o.version.minorVersion}${o.recommended ? '*' : ''}`);

  const cases: [type: 'MINOR_VERSION' | 'MAJOR_VERSION', row: { current: string; template?: TemplateInfo; env?: EnvironmentInfo }, expect: string[]][] = [
    ['MINOR_VERSION', { current: '1.1' }, ['1.2*', '1.0']],
    ['MINOR_VERSION', { current: '1.2' }, ['1.1', '1.0']],
    ['MINOR_VERSION', { current: '3.0' }, []],
    ['MINOR_VERSION', { current: '9.0', template: NUMERIC }, ['9.10*', '9.9']],
    ['MAJOR_VERSION', { current: '1.1', env: BASE2 }, ['2.1*', '2.0']],
    ['MAJOR_VERSION', { current: '1.1', env: BASE1 }, ['2.0']],
    ['MAJOR_VERSION', { current: '1.1', env: OTHER }, []],
    ['MAJOR_VERSION', { current: '1.1' }, ['2.1*', '2.0']],
    ['MAJOR_VERSION', { current: '2.0', env: BASE2 }, []],
    ['MAJOR_VERSION', { current: '1.0', template: NOTHING_PUBLISHED, env: BASE1 }, []],
    ['MAJOR_VERSION', { current: '9.0', template: NUMERIC, env: BASE1 }, ['10.0*']],
  ];
  for (const [type, row, expect] of cases) {
    test(`${type} from ${row.current}${row.env ? ` in ${row.env.templateName}:${row.env.templateMajorVersion}` : ''} offers ${expect.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(offered(type, row), expect);
    });
  }

  test('every version offered is one resolveTarget accepts, landing on that version', () => {
    let count = 0;
    for (const [type, row] of cases) {
      for (const { version } of offeredVersions(type, context(row))) {
        const req = { deploymentType: type, templateMajorVersion: version.majorVersion, templateMinorVersion: version.minorVersion };
        const result = resolveTarget(req, context(row));
        assert.equal(result.problem, undefined, `${type} ${version.majorVersion}.${version.minorVersion}: ${result.problem?.message}`);
        assert.equal(result.target?.version, version);
        count++;
      }
    }
    assert.ok(count >= 8, `${count} offers checked`);
  });
});
