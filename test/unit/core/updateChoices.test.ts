// What the update command offers: the four deploymentTypes with what each does now or why it cannot apply, and
// the versions MINOR/MAJOR may land on (PUBLISHED only, recommended first).
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { busyReason, deploymentTypeChoices, preselectedVersion, versionChoices } from '../../../src/core/updateChoices';
import type { TargetContext } from '../../../src/core/deploymentTarget';
import type { TemplateVersionInfo } from '../../../src/core/templateVersions';

const vpc = (major: string) => [{ templateName: 'vpc', majorVersion: major }];
const ver = (majorVersion: string, minorVersion: string, status = 'PUBLISHED', compat = vpc('2')): TemplateVersionInfo => ({
  majorVersion, minorVersion, status, compatibleEnvironmentTemplates: compat,
});
const TEMPLATE = {
  name: 'fargate',
  versions: [
    ver('1', '0'), ver('1', '1'), ver('1', '2'), ver('1', '4'), ver('1', '5', 'DRAFT'),
    ver('2', '0'), ver('2', '1'), ver('2', '2', 'DRAFT'),
    ver('3', '0', 'PUBLISHED', vpc('3')),
  ],
};
function ctx(major: string, minor: string, envMajor = '2', status = 'SUCCEEDED'): TargetContext {
  return {
    instance: { name: 'dev', serviceName: 'web', environmentName: 'dev', templateName: 'fargate', templateMajorVersion: major, templateMinorVersion: minor, deploymentStatus: status },
    template: TEMPLATE,
    environment: { name: 'dev', templateName: 'vpc', templateMajorVersion: envMajor },
  };
}

describe('deploymentType choices', () => {
  test('all four types, in the API order, each saying what happens now', () => {
    const choices = deploymentTypeChoices(ctx('1', '2'));
    assert.deepEqual(choices.map((c) => [c.type, c.detail, c.disabledReason]), [
      ['NONE', 'metadata only, no deployment: the spec is stored, v1.2 keeps running', undefined],
      ['CURRENT_VERSION', 'redeploy the spec on v1.2', undefined],
      ['MINOR_VERSION', 'v1.2 → v1.4 (recommended)', undefined],
      ['MAJOR_VERSION', 'v1.2 → v2.1 (recommended major)', undefined],
    ]);
    assert.deepEqual(choices.map((c) => c.needsVersion), [false, false, true, true]);
    assert.deepEqual(choices[2].target, { major: '1', minor: '4' });
  });

  test('MINOR_VERSION on the newest minor (a DRAFT minor does not count) is a roll back, with no default target', () => {
    const minor = deploymentTypeChoices(ctx('1', '4'))[2];
    assert.equal(minor.target, undefined);
    assert.equal(minor.disabledReason, undefined, 'Proton accepts an older minor of the same major');
    assert.equal(minor.detail, 'roll back to an older minor: v1.4 is the newest published minor of major 1');
    assert.deepEqual(versionChoices('MINOR_VERSION', ctx('1', '4')).map((c) => [c.label, c.description]), [
      ['v1.2', 'older than v1.4 (roll back)'],
      ['v1.1', 'older than v1.4 (roll back)'],
      ['v1.0', 'older than v1.4 (roll back)'],
    ]);
  });

  test('MINOR_VERSION cannot apply when the major has no other published minor, and says why', () => {
    const minor = deploymentTypeChoices(ctx('3', '0', '3'))[2];
    assert.equal(minor.detail, 'no other minor version: v3.0 is the only published minor of major 3');
    assert.equal(minor.disabledReason, 'fargate has no other published minor version in major 3 than v3.0.');
  });

  test('MAJOR_VERSION skips a newer major the environment does not support, and says so when none fits', () => {
    // env vpc:2 → 3.0 (vpc:3 only) is out; 2.1 is the recommended major that fits.
    assert.equal(deploymentTypeChoices(ctx('1', '2'))[3].detail, 'v1.2 → v2.1 (recommended major)');
    const onTwo = deploymentTypeChoices(ctx('2', '1'))[3];
    assert.equal(onTwo.detail, 'no compatible newer major: fargate v3.0 needs environment template vpc 3; dev runs vpc 2');
    assert.match(onTwo.disabledReason ?? '', /not compatible with environment dev/);
    const onThree = deploymentTypeChoices(ctx('3', '0', '3'))[3];
    assert.equal(onThree.disabledReason, 'fargate has no published major version newer than 3.');
  });

  test('with the environment on vpc:3, MAJOR_VERSION goes to the recommended 3.0', () => {
    assert.equal(deploymentTypeChoices(ctx('2', '1', '3'))[3].detail, 'v2.1 → v3.0 (recommended major)');
  });
});

describe('version choices', () => {
  test('MINOR_VERSION: the other PUBLISHED minors of the major, recommended first and marked, never DRAFT', () => {
    const choices = versionChoices('MINOR_VERSION', ctx('1', '2'));
    assert.deepEqual(choices.map((c) => [c.label, c.description]), [
      ['v1.4', 'recommended'],
      ['v1.1', 'older than v1.2 (roll back)'],
      ['v1.0', 'older than v1.2 (roll back)'],
    ]);
  });

  test('MAJOR_VERSION: higher majors compatible with the environment only', () => {
    assert.deepEqual(versionChoices('MAJOR_VERSION', ctx('1', '2')).map((c) => c.label), ['v2.1', 'v2.0']);
    assert.deepEqual(versionChoices('MAJOR_VERSION', ctx('1', '2', '3')).map((c) => [c.label, c.recommended]), [['v3.0', true]]);
  });

  test('preselection: the directive version when offered, else the recommended one', () => {
    const choices = versionChoices('MINOR_VERSION', ctx('1', '2'));
    assert.equal(preselectedVersion(choices, { templateMinorVersion: '1' })?.label, 'v1.1');
    assert.equal(preselectedVersion(choices, { templateMinorVersion: '9' })?.label, 'v1.4');
    assert.equal(preselectedVersion(choices, {})?.label, 'v1.4');
    const majors = versionChoices('MAJOR_VERSION', ctx('1', '2'));
    assert.equal(preselectedVersion(majors, { templateMajorVersion: '2' })?.label, 'v2.1');
    assert.equal(preselectedVersion([], {}), undefined);
  });
});

describe('busy instances', () => {
  test('an instance or its component in flight refuses the update with the reason', () => {
    assert.equal(
      busyReason({ serviceName: 'web', name: 'dev', deploymentStatus: 'IN_PROGRESS' }),
      'Service instance web/dev is IN_PROGRESS: a deployment is in progress — wait or cancel it.',
    );
    assert.match(busyReason({ name: 'dev', deploymentStatus: 'SUCCEEDED' }, { name: 'cache', deploymentStatus: 'IN_PROGRESS' }) ?? '', /Component cache/);
    assert.equal(busyReason({ name: 'dev', deploymentStatus: 'FAILED' }, { name: 'cache', deploymentStatus: 'SUCCEEDED' }), undefined);
  });
});
