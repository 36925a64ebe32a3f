// What the demo workspace's README promises of the update command, checked against the demo seed with the same
// core functions the command uses: the choices it offers, the reasons it gives, the checker gate's verdict.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetContext } from '../../../src/core/deploymentTarget';
import { instanceKey } from '../../../src/core/protonSnapshot';
import { busyReason, deploymentTypeChoices, versionChoices } from '../../../src/core/updateChoices';
import { checkUpdate } from '../../../src/core/updateCheck';
import { factsFromSeedFile } from '../helpers/seedFacts';

const ROOT = join(__dirname, '..', '..', '..', '..');
const facts = factsFromSeedFile(join(ROOT, 'demo', 'seed.yaml'));
const spec = (file: string) => readFileSync(join(ROOT, 'demo', 'workspace', 'services', file), 'utf8');

function ctx(service: string, name: string): TargetContext {
  const snap = facts.snapshot;
  const instance = snap.instances.find((i) => i.serviceName === service && i.name === name)!;
  const summary = snap.templates.get(instance.templateName)!;
  const template = { ...summary, versions: summary.versions.map((v) => facts.versionDetail(summary.name, v.majorVersion, v.minorVersion) ?? v) };
  return { instance, template, environment: snap.environments.get(instance.environmentName) };
}

const errors = (text: string, target: Parameters<typeof checkUpdate>[1]) =>
  checkUpdate(text, target, facts).problems.filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`);

test('step 3: checkout-api/dev redeploys its spec (CURRENT_VERSION) with no checker error', () => {
  assert.equal(deploymentTypeChoices(ctx('checkout-api', 'dev'))[1].detail, 'redeploy the spec on v3.1');
  assert.deepEqual(errors(spec('checkout-api/spec.yaml'), { serviceName: 'checkout-api', name: 'dev', deploymentType: 'CURRENT_VERSION' }), []);
});

test('step 4: checkout-api/staging is refused while its component deploys', () => {
  const c = ctx('checkout-api', 'staging');
  assert.match(busyReason(c.instance, facts.snapshot.components?.get(instanceKey('checkout-api', 'staging'))) ?? '', /^Component checkout-api-cache .* IN_PROGRESS/);
});

test('step 5: checkout-api/prod and nightly-reports/prod take their recommended minor, spec unchanged', () => {
  assert.equal(deploymentTypeChoices(ctx('checkout-api', 'prod'))[2].detail, 'v3.0 → v3.1 (recommended)');
  assert.equal(versionChoices('MINOR_VERSION', ctx('checkout-api', 'prod'))[0].label, 'v3.1');
  assert.deepEqual(errors(spec('checkout-api/spec.yaml'), { serviceName: 'checkout-api', name: 'prod', deploymentType: 'MINOR_VERSION', templateMinorVersion: '1' }), []);
  assert.deepEqual(errors(spec('nightly-reports/prod.yaml'), { serviceName: 'nightly-reports', name: 'prod', deploymentType: 'MINOR_VERSION', templateMinorVersion: '1' }), []);
});

test('step 6: storefront-web/dev can go to major 3 with dev-v3.yaml; qa cannot, and says why', () => {
  assert.equal(deploymentTypeChoices(ctx('storefront-web', 'dev'))[3].detail, 'v2.1 → v3.1 (recommended major)');
  assert.deepEqual(errors(spec('storefront-web/dev-v3.yaml'), { serviceName: 'storefront-web', name: 'dev', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '3', templateMinorVersion: '1' }), []);
  const qa = deploymentTypeChoices(ctx('storefront-web', 'qa'))[3];
  assert.match(qa.disabledReason ?? '', /not compatible with environment legacy-qa/);
});
