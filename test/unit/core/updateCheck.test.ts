// The checker gate's checks: the spec's own problems plus the chosen target's, against the version the chosen
// deploymentType and version land on (not the file's directive), with `needs` when the cache lacks a schema.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkUpdate } from '../../../src/core/updateCheck';
import { factsFromSeed } from '../helpers/seedFacts';

const SEED = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'seeds', 'update.yaml'), 'utf8');
const spec = (name: string, size = 'small', directive = '') =>
  `${directive}proton: ServiceSpec\ninstances:\n  - name: ${name}\n    environment: dev\n    spec:\n      image: "nginx:1"\n      size: ${size}\n`;
const errors = (r: ReturnType<typeof checkUpdate>) => r.problems.filter((p) => p.severity === 'error').map((p) => p.code);

test('a valid spec for the chosen type and version has no errors', () => {
  const r = checkUpdate(spec('minor'), { serviceName: 'shop', name: 'minor', deploymentType: 'MINOR_VERSION', templateMinorVersion: '2' }, factsFromSeed(SEED));
  assert.deepEqual(errors(r), []);
  assert.deepEqual(r.needs, []);
});

test('inputs are checked against the landing version\'s schema, with the range on the value', () => {
  const r = checkUpdate(spec('gate', 'huge'), { serviceName: 'shop', name: 'gate', deploymentType: 'CURRENT_VERSION' }, factsFromSeed(SEED));
  assert.deepEqual(errors(r), ['input-enum']);
  const p = r.problems.find((x) => x.code === 'input-enum')!;
  assert.deepEqual(p.range.start, { line: 6, character: 12 });
});

test('the chosen target replaces the file\'s directive: its type and versions are what is checked', () => {
  // The directive asks for a DRAFT minor; the person chose CURRENT_VERSION, which is fine.
  const directive = '# proton-update: serviceName=shop name=minor deploymentType=MINOR_VERSION templateMinorVersion=3\n';
  const r = checkUpdate(spec('minor', 'small', directive), { serviceName: 'shop', name: 'minor', deploymentType: 'CURRENT_VERSION' }, factsFromSeed(SEED));
  assert.deepEqual(errors(r), []);
  const bad = checkUpdate(spec('minor'), { serviceName: 'shop', name: 'minor', deploymentType: 'MINOR_VERSION', templateMinorVersion: '3' }, factsFromSeed(SEED));
  assert.deepEqual(errors(bad), ['version-not-published']);
});

test('a target the spec does not list, and syntax errors, are errors', () => {
  const r = checkUpdate(spec('minor'), { serviceName: 'shop', name: 'current', deploymentType: 'CURRENT_VERSION' }, factsFromSeed(SEED));
  assert.ok(errors(r).includes('target-not-in-spec'));
  const broken = checkUpdate('proton: ServiceSpec\ninstances: [\n', { serviceName: 'shop', name: 'minor', deploymentType: 'CURRENT_VERSION' }, factsFromSeed(SEED));
  assert.deepEqual(errors(broken), ['yaml-syntax']);
});

test('without the landing version\'s schema cached, it says what to fetch', () => {
  const r = checkUpdate(spec('minor'), { serviceName: 'shop', name: 'minor', deploymentType: 'MINOR_VERSION', templateMinorVersion: '2' }, factsFromSeed(SEED, { details: false }));
  assert.deepEqual(r.needs, [{ kind: 'versionDetail', templateName: 'web', major: '1', minor: '2' }]);
});

test('an input problem names the version chosen in the picker as such, not as the directive\'s', () => {
  // The file has no directive: the version comes from the update command's picker.
  const r = checkUpdate(spec('minor', 'huge'), { serviceName: 'shop', name: 'minor', deploymentType: 'MINOR_VERSION', templateMinorVersion: '2' }, factsFromSeed(SEED));
  const p = r.problems.find((x) => x.code === 'input-enum')!;
  assert.match(p.message, /\(web 1\.2, the chosen version\)$/);
  assert.doesNotMatch(p.message, /directive/);
});
