// Seeds (docs/emulator.md "Seeds and state"; the built-in demo seed): a bad seed is refused at start naming the
// file, the path inside it and the problem; versions may be numbers; timestamps and deploymentStatus are optional;
// without --seed the built-in demo seed is a realistic account.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  GetServiceInstanceCommand,
  GetServiceTemplateVersionCommand,
  ListComponentsCommand,
  ListEnvironmentsCommand,
  ListServiceInstanceOutputsCommand,
  ListServicesCommand,
  ListServiceTemplatesCommand,
  ListServiceTemplateVersionsCommand,
  type ServiceTemplateVersionSummary,
} from '@aws-sdk/client-proton';
import { listAllInstances, runEmulatorToExit, seedPath, LISTENING_LINE, useEmulator } from '../helpers/emulator';

/** A path inside the seed, as segments; an array segment is an index (or the item's name). */
type Segment = string | number | [number, string];
function pathPattern(segments: Segment[]): RegExp {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = segments.map((s) => (Array.isArray(s) ? `(?:${s[0]}|${escape(s[1])})` : escape(String(s))));
  return new RegExp(parts.join('\\W{1,3}'));
}

const BAD_SEEDS: { file: string; path: Segment[]; problem: RegExp }[] = [
  { file: 'bad-yaml.yaml', path: [], problem: /yaml/i },
  { file: 'bad-environment-ref.yaml', path: ['services', [0, 'api-svc'], 'instances', [0, 'api-dev'], 'environmentName'], problem: /nowhere/ },
  { file: 'bad-template-ref.yaml', path: ['services', [0, 'api-svc'], 'templateName'], problem: /ghost/ },
  { file: 'bad-version-status.yaml', path: ['serviceTemplates', [0, 'api'], 'versions', 0, 'status'], problem: /LIVE/ },
  { file: 'bad-instance-version.yaml', path: ['services', [0, 'api-svc'], 'instances', [0, 'api-dev'], 'template'], problem: /4/ },
  { file: 'bad-name.yaml', path: ['services', [0, 'api-svc'], 'instances', 0, 'name'], problem: /api dev!/ },
  { file: 'bad-missing-field.yaml', path: ['environments', [0, 'dev'], 'templateName'], problem: /required|missing/i },
  { file: 'bad-deployment-status.yaml', path: ['services', [0, 'api-svc'], 'instances', [0, 'api-dev'], 'deploymentStatus'], problem: /RUNNING/ },
  { file: 'bad-schema.yaml', path: ['serviceTemplates', [0, 'api'], 'versions', 0, 'schema'], problem: /service_input_type/ },
  { file: 'bad-duplicate-instance.yaml', path: ['services', [0, 'api-svc'], 'instances', 1, 'name'], problem: /duplicate|twice|already/i },
  { file: 'bad-empty-display-name.yaml', path: ['serviceTemplates', [0, 'api'], 'displayName'], problem: /empty/ },
  { file: 'bad-output.yaml', path: ['services', [0, 'api-svc'], 'instances', [0, 'api-dev'], 'outputs', 0, 'valueString'], problem: /empty/ },
  { file: 'bad-component-ref.yaml', path: ['components', [0, 'api-comp'], 'serviceInstanceName'], problem: /nobody/ },
];

describe('bad seeds are refused at start', { concurrency: true }, () => {
  for (const bad of BAD_SEEDS) {
    test(`${bad.file}: names the file, the path in it and the problem`, async () => {
      const file = seedPath(bad.file);
      const run = await runEmulatorToExit(['--seed', file]);
      assert.equal(run.timedOut, false, 'it exits by itself');
      assert.notEqual(run.code, 0, 'with a failure exit code');
      assert.doesNotMatch(run.stdout, LISTENING_LINE, 'it never listens');
      assert.ok(!run.stdout.includes('listening'), `stdout: ${run.stdout}`);
      assert.ok(run.stderr.includes(file), `stderr names the file:\n${run.stderr}`);
      if (bad.path.length > 0) assert.match(run.stderr, pathPattern(bad.path), `stderr names the path:\n${run.stderr}`);
      else assert.match(run.stderr, /line \d+/i, `stderr names the line:\n${run.stderr}`);
      assert.match(run.stderr, bad.problem, `stderr says what is wrong:\n${run.stderr}`);
    });
  }

  test('a seed file that does not exist', async () => {
    const file = seedPath('no-such-seed.yaml');
    const run = await runEmulatorToExit(['--seed', file]);
    assert.equal(run.timedOut, false);
    assert.notEqual(run.code, 0);
    assert.ok(run.stderr.includes(file), run.stderr);
  });
});

describe('seed details', () => {
  const running = useEmulator(['--seed', seedPath('minimal.yaml')]);

  test('numeric versions become strings; timestamps and deploymentStatus are optional', async () => {
    const version = (await running.client.send(new GetServiceTemplateVersionCommand({ templateName: 'api', majorVersion: '1', minorVersion: '0' })))
      .serviceTemplateVersion;
    assert.equal(version?.majorVersion, '1');
    assert.equal(version?.minorVersion, '0');
    assert.deepEqual(version?.compatibleEnvironmentTemplates, [{ templateName: 'base', majorVersion: '1' }]);
    const si = (await running.client.send(new GetServiceInstanceCommand({ serviceName: 'api-svc', name: 'api-dev' }))).serviceInstance;
    assert.equal(si?.templateMajorVersion, '1');
    assert.equal(si?.templateMinorVersion, '0');
    assert.equal(si?.deploymentStatus, 'SUCCEEDED');
    for (const at of [si?.createdAt, si?.lastDeploymentAttemptedAt, si?.lastDeploymentSucceededAt]) {
      assert.ok(at instanceof Date && at.getTime() <= Date.now() + 1000, 'a derived timestamp, not in the future');
    }
    assert.equal(si?.arn, 'arn:aws:proton:eu-central-1:123456789012:service/api-svc/service-instance/api-dev');
  });
});

describe('the built-in demo seed (no --seed)', () => {
  const running = useEmulator([]);

  test('is a realistic account: a dozen services, 30+ instances in every deployment status, templates, components, outputs', async () => {
    const services = (await running.client.send(new ListServicesCommand({ maxResults: 100 }))).services ?? [];
    assert.ok(services.length >= 12, `${services.length} services`);
    const instances = await listAllInstances(running.client);
    assert.ok(instances.length >= 30, `${instances.length} instances`);
    const statuses = new Set(instances.map((i) => i.deploymentStatus));
    // An instance whose last attempt did not succeed last succeeded earlier (the seed gives no times: derived).
    const unsuccessful = instances.filter((i) => i.deploymentStatus === 'FAILED' || i.deploymentStatus === 'CANCELLED');
    assert.ok(unsuccessful.length >= 2);
    for (const i of unsuccessful) {
      assert.ok(i.lastDeploymentSucceededAt! < i.lastDeploymentAttemptedAt!, `${i.serviceName}/${i.name}: succeeded before the last attempt`);
    }
    for (const i of instances.filter((x) => x.deploymentStatus === 'SUCCEEDED')) {
      assert.equal(i.lastDeploymentSucceededAt!.getTime(), i.lastDeploymentAttemptedAt!.getTime(), `${i.serviceName}/${i.name}: its last attempt succeeded`);
    }
    for (const status of ['IN_PROGRESS', 'FAILED', 'SUCCEEDED', 'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'DELETE_COMPLETE', 'CANCELLING', 'CANCELLED']) {
      assert.ok(statuses.has(status as never), `an instance ${status}`);
    }
    const environments = (await running.client.send(new ListEnvironmentsCommand({}))).environments ?? [];
    for (const stage of ['dev', 'staging', 'prod']) assert.ok(environments.some((e) => e.name?.includes(stage)), `a ${stage} environment`);
    assert.ok(new Set(environments.map((e) => e.templateName)).size >= 2, 'several environment templates');

    const templates = (await running.client.send(new ListServiceTemplatesCommand({}))).templates ?? [];
    assert.ok(templates.length >= 3, `${templates.length} service templates`);
    let versions: ServiceTemplateVersionSummary[] = [];
    let schemas = '';
    for (const t of templates) {
      const majors = (await running.client.send(new ListServiceTemplateVersionsCommand({ templateName: t.name }))).templateVersions ?? [];
      for (const m of majors) {
        const minors = (await running.client.send(new ListServiceTemplateVersionsCommand({ templateName: t.name, majorVersion: m.majorVersion })))
          .templateVersions ?? [];
        versions = versions.concat(minors);
        for (const v of minors) {
          const full = await running.client.send(
            new GetServiceTemplateVersionCommand({ templateName: t.name, majorVersion: v.majorVersion, minorVersion: v.minorVersion }),
          );
          schemas += full.serviceTemplateVersion?.schema ?? '';
        }
      }
    }
    assert.ok(versions.some((v) => v.status === 'PUBLISHED') && versions.some((v) => v.status === 'DRAFT'), 'PUBLISHED and DRAFT versions');
    assert.ok(
      templates.some((t) => new Set(versions.filter((v) => v.templateName === t.name).map((v) => v.majorVersion)).size >= 2),
      'a template with several majors',
    );
    for (const keyword of ['required', 'default', 'enum', 'pattern', 'minimum']) assert.ok(schemas.includes(keyword), `schemas use ${keyword}`);

    const components = (await running.client.send(new ListComponentsCommand({}))).components ?? [];
    assert.ok(components.length >= 1, 'a component');
    let withOutputs = 0;
    for (const i of instances) {
      const out = await running.client.send(new ListServiceInstanceOutputsCommand({ serviceName: i.serviceName, serviceInstanceName: i.name }));
      if ((out.outputs ?? []).length > 0) withOutputs++;
    }
    assert.ok(withOutputs >= 1, 'instances with outputs');
    for (const status of ['BEHIND_MINOR', 'BEHIND_MAJOR']) {
      const behind = await listAllInstances(running.client, { filters: [{ key: 'deployedTemplateVersionStatus', value: status }] });
      assert.ok(behind.length >= 1, `an instance ${status}`);
    }
  });
});
