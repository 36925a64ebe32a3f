// Template versions as Proton orders and recommends them, as tables run directly against src/core: numeric
// comparison, the recommended version and minor, how far a deployed version is behind, and the update offered.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  availableUpdate,
  compareVersions,
  deployedVersionStatus,
  findVersion,
  hasMajor,
  isCompatible,
  newerMajors,
  publishedVersions,
  recommendedMinor,
  recommendedVersion,
  type EnvironmentInfo,
  type TemplateVersionInfo,
} from '../../../src/core/templateVersions';

/** `1.2 PUBLISHED base:1` → a version; without a compatibility list, compatibility is unknown. */
function v(text: string): TemplateVersionInfo {
  const [label, status, ...compat] = text.split(' ');
  const [majorVersion, minorVersion] = label.split('.');
  const version: TemplateVersionInfo = { majorVersion, minorVersion, status };
  if (compat.length) version.compatibleEnvironmentTemplates = compat.map((c) => ({ templateName: c.split(':')[0], majorVersion: c.split(':')[1] }));
  return version;
}
const template = (...versions: string[]) => ({ name: 't', versions: versions.map(v) });
const label = (x: { majorVersion: string; minorVersion: string } | undefined) => x && `${x.majorVersion}.${x.minorVersion}`;

const WEB = template('1.0 PUBLISHED base:1', '1.2 PUBLISHED base:1', '1.10 PUBLISHED base:1', '1.11 DRAFT base:1', '2.0 PUBLISHED base:2', '2.1 DRAFT base:2', '3.0 DRAFT base:2');
const BASE1: EnvironmentInfo = { name: 'dev', templateName: 'base', templateMajorVersion: '1' };
const BASE2: EnvironmentInfo = { name: 'prod', templateName: 'base', templateMajorVersion: '2' };

describe('template versions', () => {
  test('compareVersions compares each part as a number', () => {
    const rows: [a: string, b: string, sign: number][] = [['1.0', '1.0', 0], ['1.9', '1.10', -1], ['10.0', '9.99', 1], ['2.0', '1.5', 1], ['0.1', '0.0', 1]];
    for (const [a, b, sign] of rows) assert.equal(Math.sign(compareVersions(...(a.split('.') as [string, string]), ...(b.split('.') as [string, string]))), sign, `${a} vs ${b}`);
  });

  test('findVersion and hasMajor find a version by its numbers', () => {
    assert.equal(label(findVersion(WEB, '1', '10')), '1.10');
    assert.equal(findVersion(WEB, '1', '1'), undefined);
    assert.equal(hasMajor(WEB, '3'), true);
    assert.equal(hasMajor(WEB, '4'), false);
  });

  test('recommendedMinor: the highest PUBLISHED minor of a major', () => {
    const rows: [major: string, expect: string | undefined][] = [['1', '10'], ['2', '0'], ['3', undefined], ['4', undefined]];
    for (const [major, expect] of rows) assert.equal(recommendedMinor(WEB, major), expect, `major ${major}`);
  });

  test('recommendedVersion: the highest PUBLISHED version; none when nothing is PUBLISHED', () => {
    assert.deepEqual(recommendedVersion(WEB), { major: '2', minor: '0' });
    assert.deepEqual(recommendedVersion(template('9.0 PUBLISHED', '10.0 PUBLISHED', '11.0 DRAFT')), { major: '10', minor: '0' });
    assert.equal(recommendedVersion(template('1.0 DRAFT')), undefined);
    assert.deepEqual(publishedVersions(WEB).map(label), ['2.0', '1.10', '1.2', '1.0']);
  });

  test('deployedVersionStatus against the recommended version', () => {
    const rows: [deployed: string, expect: string, t?: ReturnType<typeof template>][] = [
      ['2.0', 'UP_TO_DATE'],
      ['2.1', 'UP_TO_DATE'], // a DRAFT above the recommended version is not behind
      ['3.0', 'UP_TO_DATE'],
      ['1.10', 'BEHIND_MAJOR'],
      ['1.0', 'BEHIND_MAJOR'],
      ['1.0', 'BEHIND_MINOR', template('1.0 PUBLISHED', '1.1 PUBLISHED')],
      ['1.9', 'BEHIND_MINOR', template('1.9 PUBLISHED', '1.10 PUBLISHED')],
      ['1.0', 'UP_TO_DATE', template('1.0 DRAFT')],
    ];
    for (const [deployed, expect, t] of rows) {
      const [major, minor] = deployed.split('.');
      assert.equal(deployedVersionStatus(t ?? WEB, major, minor), expect, `${deployed}`);
    }
    assert.equal(deployedVersionStatus(undefined, '1', '0'), 'UP_TO_DATE', 'an unknown template: nothing to be behind');
  });

  test('isCompatible: only what is known is refused', () => {
    const rows: [version: string, env: EnvironmentInfo | undefined, expect: boolean][] = [
      ['1.0 PUBLISHED base:1', BASE1, true],
      ['1.0 PUBLISHED base:01', BASE1, true],
      ['1.0 PUBLISHED base:1', BASE2, false],
      ['1.0 PUBLISHED other:1', BASE1, false],
      ['1.0 PUBLISHED', BASE1, true],
      ['1.0 PUBLISHED base:1', undefined, true],
    ];
    for (const [version, env, expect] of rows) assert.equal(isCompatible(v(version), env), expect, `${version} in ${env?.templateName}:${env?.templateMajorVersion}`);
    assert.equal(isCompatible(undefined, BASE1), true);
  });

  test('availableUpdate: a newer minor first, else the highest compatible newer major', () => {
    const inst = (version: string) => ({ name: 'i', environmentName: 'dev', templateName: 't', templateMajorVersion: version.split('.')[0], templateMinorVersion: version.split('.')[1] });
    const rows: [deployed: string, env: EnvironmentInfo | undefined, expect: string | undefined][] = [
      ['1.2', BASE1, 'minor 1.10'],
      ['1.10', BASE2, 'major 2.0'],
      ['1.10', BASE1, undefined],
      ['1.10', undefined, 'major 2.0'],
      ['2.0', BASE2, undefined],
      ['3.0', BASE2, undefined],
    ];
    for (const [deployed, env, expect] of rows) {
      const u = availableUpdate(inst(deployed), WEB, env);
      assert.equal(u && `${u.kind} ${u.major}.${u.minor}`, expect, `${deployed} in ${env?.templateMajorVersion}`);
    }
    assert.equal(availableUpdate(inst('1.0'), undefined), undefined);
    const majors = template('1.0 PUBLISHED', '2.0 PUBLISHED', '2.3 PUBLISHED', '3.0 DRAFT', '4.1 PUBLISHED base:9');
    assert.deepEqual(newerMajors(inst('1.0'), majors, BASE1).map(label), ['2.3'], 'recommended minor per major, compatible, highest first');
    assert.deepEqual(newerMajors(inst('1.0'), majors).map(label), ['4.1', '2.3']);
  });
});
