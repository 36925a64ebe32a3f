// The read operations (docs/emulator.md "Listing"): every Get/List answers what the seed holds,
// with the model's shapes and ARNs; ListServiceInstances' filters (AND across keys, OR within a key) and sorts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  GetComponentCommand,
  GetEnvironmentCommand,
  GetEnvironmentTemplateCommand,
  GetServiceCommand,
  GetServiceInstanceCommand,
  GetServiceTemplateCommand,
  GetServiceTemplateVersionCommand,
  ListComponentsCommand,
  ListEnvironmentsCommand,
  ListEnvironmentTemplatesCommand,
  ListServiceInstanceOutputsCommand,
  ListServiceInstancesCommand,
  ListServicesCommand,
  ListServiceTemplatesCommand,
  ListServiceTemplateVersionsCommand,
  type ListServiceInstancesFilter,
  type ServiceInstanceSummary,
} from '@aws-sdk/client-proton';
import {
  byServiceThenName,
  cmp,
  expectError,
  listAllInstances,
  loadSeed,
  recommendedMinor,
  recommendedVersion,
  seedPath,
  versionStatus,
  useEmulator,
  type SeedInstance,
} from '../helpers/emulator';
import { parse as parseYaml } from 'yaml';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);
const arn = (resource: string): string => `arn:aws:proton:${seed.region}:${seed.accountId}:${resource}`;
const key = (i: { serviceName?: string; name?: string }): string => `${i.serviceName}/${i.name}`;
const keys = (list: { serviceName?: string; name?: string }[]): string[] => list.map(key);
const DEPLOYMENT_STATUSES = [
  'IN_PROGRESS', 'FAILED', 'SUCCEEDED', 'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'DELETE_COMPLETE', 'CANCELLING', 'CANCELLED',
];

describe('read operations', { concurrency: true }, () => {
  const running = useEmulator(['--seed', seedPath(SEED)]);

  test('ListServices and GetService', async () => {
    const out = await running.client.send(new ListServicesCommand({}));
    assert.ok(!out.nextToken, 'one page');
    const services = out.services ?? [];
    assert.deepEqual(services.map((s) => s.name).sort(), seed.services.map((s) => s.name).sort());
    for (const summary of services) {
      const expected = seed.services.find((s) => s.name === summary.name);
      assert.equal(summary.templateName, expected?.templateName);
      assert.equal(summary.arn, arn(`service/${summary.name}`));
      assert.equal(summary.status, 'ACTIVE');
      assert.ok(summary.createdAt instanceof Date && summary.lastModifiedAt instanceof Date);
    }
    const frontend = (await running.client.send(new GetServiceCommand({ name: 'frontend' }))).service;
    assert.ok(frontend);
    assert.equal(frontend.name, 'frontend');
    assert.equal(frontend.templateName, 'web');
    assert.equal(frontend.arn, arn('service/frontend'));
    assert.equal(frontend.spec, seed.services.find((s) => s.name === 'frontend')?.spec, 'the seeded service spec');
    const backend = (await running.client.send(new GetServiceCommand({ name: 'backend' }))).service;
    assert.equal(typeof backend?.spec, 'string', 'spec is a required member of Service');
    await expectError(running.client.send(new GetServiceCommand({ name: 'no-such-service' })), 'ResourceNotFoundException', 404);
  });

  test('ListServiceTemplates and GetServiceTemplate derive recommendedVersion from PUBLISHED versions', async () => {
    const out = await running.client.send(new ListServiceTemplatesCommand({}));
    const templates = out.templates ?? [];
    assert.deepEqual(templates.map((t) => t.name).sort(), seed.serviceTemplates.map((t) => t.name).sort());
    for (const t of seed.serviceTemplates) {
      const rec = recommendedVersion(seed, t.name);
      const summary = templates.find((x) => x.name === t.name);
      assert.equal(summary?.arn, arn(`service-template/${t.name}`));
      assert.equal(summary?.recommendedVersion, rec && `${rec.major}.${rec.minor}`);
      assert.equal(summary?.displayName, t.displayName);
      const full = (await running.client.send(new GetServiceTemplateCommand({ name: t.name }))).serviceTemplate;
      assert.equal(full?.name, t.name);
      assert.equal(full?.arn, arn(`service-template/${t.name}`));
      assert.equal(full?.recommendedVersion, rec && `${rec.major}.${rec.minor}`);
      assert.equal(full?.displayName, t.displayName);
    }
    // The seed's web template has DRAFT versions above its highest PUBLISHED one: they are never recommended.
    assert.equal(templates.find((x) => x.name === 'web')?.recommendedVersion, '2.1');
    await expectError(running.client.send(new GetServiceTemplateCommand({ name: 'no-such-template' })), 'ResourceNotFoundException', 404);
  });

  test('ListServiceTemplateVersions lists a major\'s minors, or the majors', async () => {
    for (const t of seed.serviceTemplates) {
      const majors = [...new Set(t.versions.map((v) => v.majorVersion))];
      for (const major of majors) {
        const out = await running.client.send(new ListServiceTemplateVersionsCommand({ templateName: t.name, majorVersion: major }));
        const listed = out.templateVersions ?? [];
        const expected = t.versions.filter((v) => v.majorVersion === major);
        assert.deepEqual(
          listed.map((v) => `${v.majorVersion}.${v.minorVersion}:${v.status}`).sort(),
          expected.map((v) => `${v.majorVersion}.${v.minorVersion}:${v.status}`).sort(),
          `${t.name} major ${major}`,
        );
        for (const v of listed) {
          assert.equal(v.templateName, t.name);
          assert.equal(v.arn, arn(`service-template/${t.name}:${v.majorVersion}.${v.minorVersion}`));
          assert.ok(v.createdAt instanceof Date && v.lastModifiedAt instanceof Date);
        }
      }
      const out = await running.client.send(new ListServiceTemplateVersionsCommand({ templateName: t.name }));
      const listedMajors = (out.templateVersions ?? []).map((v) => v.majorVersion);
      assert.deepEqual([...listedMajors].sort(), [...majors].sort(), `${t.name}: one entry per major`);
      for (const v of out.templateVersions ?? []) {
        const rec = recommendedMinor(seed, t.name, v.majorVersion ?? '');
        if (rec !== undefined) assert.equal(v.recommendedMinorVersion, rec, `${t.name} ${v.majorVersion}: recommended minor`);
      }
    }
    await expectError(
      running.client.send(new ListServiceTemplateVersionsCommand({ templateName: 'no-such-template' })),
      'ResourceNotFoundException',
      404,
    );
  });

  test('GetServiceTemplateVersion returns the schema, compatibility and status the seed gives', async () => {
    for (const t of seed.serviceTemplates) {
      for (const v of t.versions) {
        const out = await running.client.send(
          new GetServiceTemplateVersionCommand({ templateName: t.name, majorVersion: v.majorVersion, minorVersion: v.minorVersion }),
        );
        const got = out.serviceTemplateVersion;
        const what = `${t.name} ${v.majorVersion}.${v.minorVersion}`;
        assert.ok(got, what);
        assert.equal(got.templateName, t.name);
        assert.equal(got.majorVersion, v.majorVersion);
        assert.equal(got.minorVersion, v.minorVersion);
        assert.equal(got.status, v.status, what);
        assert.equal(got.schema, v.schema, `${what}: schema text`);
        assert.equal(got.description, v.description, `${what}: description`);
        assert.equal(got.arn, arn(`service-template/${t.name}:${v.majorVersion}.${v.minorVersion}`));
        assert.deepEqual(
          (got.compatibleEnvironmentTemplates ?? []).map((c) => `${c.templateName}:${c.majorVersion}`).sort(),
          v.compatibleEnvironmentTemplates.map((c) => `${c.templateName}:${c.majorVersion}`).sort(),
          `${what}: compatible environment templates`,
        );
        const rec = recommendedMinor(seed, t.name, v.majorVersion);
        if (rec !== undefined) assert.equal(got.recommendedMinorVersion, rec, `${what}: recommended minor`);
      }
    }
    await expectError(
      running.client.send(new GetServiceTemplateVersionCommand({ templateName: 'web', majorVersion: '1', minorVersion: '9' })),
      'ResourceNotFoundException',
      404,
    );
    await expectError(
      running.client.send(new GetServiceTemplateVersionCommand({ templateName: 'web', majorVersion: '9', minorVersion: '0' })),
      'ResourceNotFoundException',
      404,
    );
  });

  test('ListEnvironments and GetEnvironment', async () => {
    const out = await running.client.send(new ListEnvironmentsCommand({}));
    const envs = out.environments ?? [];
    assert.deepEqual(envs.map((e) => e.name).sort(), seed.environments.map((e) => e.name).sort());
    for (const e of seed.environments) {
      const summary = envs.find((x) => x.name === e.name);
      assert.equal(summary?.templateName, e.templateName);
      assert.equal(summary?.templateMajorVersion, e.templateMajorVersion);
      assert.equal(summary?.templateMinorVersion, e.templateMinorVersion);
      assert.equal(summary?.arn, arn(`environment/${e.name}`));
      const got = (await running.client.send(new GetEnvironmentCommand({ name: e.name }))).environment;
      assert.equal(got?.name, e.name);
      assert.equal(got?.templateName, e.templateName);
      assert.equal(got?.templateMajorVersion, e.templateMajorVersion);
      assert.equal(got?.templateMinorVersion, e.templateMinorVersion);
      assert.equal(got?.arn, arn(`environment/${e.name}`));
      assert.ok(DEPLOYMENT_STATUSES.includes(got?.deploymentStatus ?? ''));
    }
    await expectError(running.client.send(new GetEnvironmentCommand({ name: 'no-such-env' })), 'ResourceNotFoundException', 404);
  });

  test('ListEnvironmentTemplates and GetEnvironmentTemplate', async () => {
    const raw = parseYaml(readFileSync(seedPath(SEED), 'utf8')) as { environmentTemplates: { name: string; displayName?: string }[] };
    const listed = (await running.client.send(new ListEnvironmentTemplatesCommand({}))).templates ?? [];
    assert.deepEqual(listed.map((t) => t.name).sort(), raw.environmentTemplates.map((t) => t.name).sort());
    for (const t of raw.environmentTemplates) {
      const got = (await running.client.send(new GetEnvironmentTemplateCommand({ name: t.name }))).environmentTemplate;
      assert.equal(got?.name, t.name);
      assert.equal(got?.displayName, t.displayName);
      assert.equal(got?.arn, arn(`environment-template/${t.name}`));
    }
    await expectError(running.client.send(new GetEnvironmentTemplateCommand({ name: 'no-such' })), 'ResourceNotFoundException', 404);
  });

  test('GetComponent', async () => {
    for (const c of seed.components) {
      const got = (await running.client.send(new GetComponentCommand({ name: c.name }))).component;
      assert.equal(got?.name, c.name);
      assert.equal(got?.environmentName, c.environmentName);
      assert.equal(got?.serviceName, c.serviceName);
      assert.equal(got?.serviceInstanceName, c.serviceInstanceName);
      assert.equal(got?.deploymentStatus, c.deploymentStatus);
    }
    await expectError(running.client.send(new GetComponentCommand({ name: 'no-such' })), 'ResourceNotFoundException', 404);
  });

  test('ListComponents, whole and by service instance or environment', async () => {
    const all = (await running.client.send(new ListComponentsCommand({}))).components ?? [];
    assert.deepEqual(all.map((c) => c.name).sort(), seed.components.map((c) => c.name).sort());
    for (const c of seed.components) {
      const got = all.find((x) => x.name === c.name);
      assert.equal(got?.environmentName, c.environmentName);
      assert.equal(got?.serviceName, c.serviceName);
      assert.equal(got?.serviceInstanceName, c.serviceInstanceName);
      assert.equal(got?.deploymentStatus, c.deploymentStatus);
      assert.equal(got?.arn, arn(`component/${c.name}`));
    }
    const attached = await running.client.send(new ListComponentsCommand({ serviceName: 'frontend', serviceInstanceName: 'fe-comp-busy' }));
    assert.deepEqual(
      (attached.components ?? []).map((c) => c.name),
      seed.components.filter((c) => c.serviceInstanceName === 'fe-comp-busy').map((c) => c.name),
    );
    const byService = await running.client.send(new ListComponentsCommand({ serviceName: 'backend' }));
    assert.deepEqual(
      (byService.components ?? []).map((c) => c.name).sort(),
      seed.components.filter((c) => c.serviceName === 'backend').map((c) => c.name).sort(),
    );
    const inDev = await running.client.send(new ListComponentsCommand({ environmentName: 'dev' }));
    assert.deepEqual(
      (inDev.components ?? []).map((c) => c.name).sort(),
      seed.components.filter((c) => c.environmentName === 'dev').map((c) => c.name).sort(),
    );
  });

  test('GetServiceInstance returns each seeded instance as seeded', async () => {
    for (const i of seed.instances) {
      const si = (await running.client.send(new GetServiceInstanceCommand({ serviceName: i.serviceName, name: i.name }))).serviceInstance;
      assert.ok(si, i.name);
      assert.equal(si.name, i.name);
      assert.equal(si.serviceName, i.serviceName);
      assert.equal(si.environmentName, i.environmentName);
      assert.equal(si.templateName, i.templateName);
      assert.equal(si.templateMajorVersion, i.templateMajorVersion);
      assert.equal(si.templateMinorVersion, i.templateMinorVersion);
      assert.equal(si.deploymentStatus, i.deploymentStatus);
      assert.equal(si.spec, i.spec, `${i.name}: the seeded spec text`);
      assert.equal(si.arn, arn(`service/${i.serviceName}/service-instance/${i.name}`));
    }
    // Timestamps given in the seed are kept (RFC 3339 in the seed, epoch seconds on the wire).
    const prod = (await running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-prod' }))).serviceInstance;
    assert.equal(prod?.createdAt?.toISOString(), '2025-01-15T10:00:00.000Z');
    assert.equal(prod?.lastDeploymentAttemptedAt?.toISOString(), '2025-03-01T12:30:00.000Z');
    await expectError(
      running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'be-dev' })),
      'ResourceNotFoundException',
      404,
    );
    await expectError(
      running.client.send(new GetServiceInstanceCommand({ serviceName: 'no-such-service', name: 'fe-dev' })),
      'ResourceNotFoundException',
      404,
    );
  });

  test('ListServiceInstanceOutputs returns the seeded outputs', async () => {
    for (const i of seed.instances) {
      const out = await running.client.send(new ListServiceInstanceOutputsCommand({ serviceName: i.serviceName, serviceInstanceName: i.name }));
      assert.deepEqual(
        (out.outputs ?? []).map((o) => ({ key: o.key, valueString: o.valueString })),
        i.outputs ?? [],
        `${i.name} outputs`,
      );
      assert.ok(!out.nextToken, 'no further page');
    }
    assert.ok(seed.instances.some((i) => (i.outputs ?? []).length > 1), 'the seed has outputs to compare');
    await expectError(
      running.client.send(new ListServiceInstanceOutputsCommand({ serviceName: 'frontend', serviceInstanceName: 'no-such' })),
      'ResourceNotFoundException',
      404,
    );
  });

  test('ListServiceInstances: every instance, in the default order serviceName then name', async () => {
    const out = await running.client.send(new ListServiceInstancesCommand({}));
    assert.ok(!out.nextToken, 'fewer than 100 instances fit one page');
    const listed = out.serviceInstances ?? [];
    assert.deepEqual(keys(listed), keys([...seed.instances].sort(byServiceThenName)));
    for (const summary of listed) {
      const i = seed.instances.find((x) => x.name === summary.name);
      assert.equal(summary.environmentName, i?.environmentName);
      assert.equal(summary.templateName, i?.templateName);
      assert.equal(summary.templateMajorVersion, i?.templateMajorVersion);
      assert.equal(summary.templateMinorVersion, i?.templateMinorVersion);
      assert.equal(summary.deploymentStatus, i?.deploymentStatus);
      assert.equal(summary.arn, arn(`service/${summary.serviceName}/service-instance/${summary.name}`));
    }
  });

  test('ListServiceInstances by serviceName; an unknown service is ResourceNotFoundException', async () => {
    for (const s of seed.services) {
      const listed = await listAllInstances(running.client, { serviceName: s.name });
      assert.deepEqual(keys(listed), keys(seed.instances.filter((i) => i.serviceName === s.name).sort(byServiceThenName)));
    }
    await expectError(running.client.send(new ListServiceInstancesCommand({ serviceName: 'no-such-service' })), 'ResourceNotFoundException', 404);
  });

  describe('filters', { concurrency: true }, () => {
    const expectFilter = async (filters: ListServiceInstancesFilter[], expected: SeedInstance[], what: string): Promise<void> => {
      assert.ok(expected.length > 0 && expected.length < seed.instances.length, `${what}: a filter that selects something, not all`);
      const listed = await listAllInstances(running.client, { filters });
      assert.deepEqual(keys(listed), keys([...expected].sort(byServiceThenName)), what);
    };

    test('by name, serviceName, templateName, environmentName and deploymentStatus', async () => {
      await expectFilter([{ key: 'name', value: 'fe-staging' }], seed.instances.filter((i) => i.name === 'fe-staging'), 'name');
      await expectFilter([{ key: 'serviceName', value: 'backend' }], seed.instances.filter((i) => i.serviceName === 'backend'), 'serviceName');
      await expectFilter([{ key: 'templateName', value: 'worker' }], seed.instances.filter((i) => i.templateName === 'worker'), 'templateName');
      await expectFilter(
        [{ key: 'environmentName', value: 'legacy' }],
        seed.instances.filter((i) => i.environmentName === 'legacy'),
        'environmentName',
      );
      for (const status of new Set(seed.instances.map((i) => i.deploymentStatus))) {
        await expectFilter(
          [{ key: 'deploymentStatus', value: status }],
          seed.instances.filter((i) => i.deploymentStatus === status),
          `deploymentStatus ${status}`,
        );
      }
      const none = await listAllInstances(running.client, { filters: [{ key: 'name', value: 'nobody-has-this-name' }] });
      assert.deepEqual(none, []);
    });

    test('by deployedTemplateVersionStatus against the recommended version', async () => {
      for (const status of ['UP_TO_DATE', 'BEHIND_MINOR', 'BEHIND_MAJOR']) {
        await expectFilter(
          [{ key: 'deployedTemplateVersionStatus', value: status }],
          seed.instances.filter((i) => versionStatus(seed, i) === status),
          `deployedTemplateVersionStatus ${status}`,
        );
      }
    });

    test('different keys combine with AND, repeated keys with OR', async () => {
      await expectFilter(
        [
          { key: 'templateName', value: 'web' },
          { key: 'environmentName', value: 'dev' },
          { key: 'deploymentStatus', value: 'SUCCEEDED' },
        ],
        seed.instances.filter((i) => i.templateName === 'web' && i.environmentName === 'dev' && i.deploymentStatus === 'SUCCEEDED'),
        'AND',
      );
      await expectFilter(
        [
          { key: 'environmentName', value: 'prod' },
          { key: 'environmentName', value: 'legacy' },
        ],
        seed.instances.filter((i) => i.environmentName === 'prod' || i.environmentName === 'legacy'),
        'OR',
      );
      await expectFilter(
        [
          { key: 'environmentName', value: 'prod' },
          { key: 'deploymentStatus', value: 'FAILED' },
          { key: 'environmentName', value: 'legacy' },
          { key: 'deploymentStatus', value: 'CANCELLED' },
        ],
        seed.instances.filter(
          (i) => ['prod', 'legacy'].includes(i.environmentName) && ['FAILED', 'CANCELLED'].includes(i.deploymentStatus),
        ),
        'OR within keys, AND across',
      );
      // A filter and the serviceName member together.
      const listed = await listAllInstances(running.client, { serviceName: 'frontend', filters: [{ key: 'environmentName', value: 'dev' }] });
      assert.deepEqual(
        keys(listed),
        keys(seed.instances.filter((i) => i.serviceName === 'frontend' && i.environmentName === 'dev').sort(byServiceThenName)),
      );
    });

    for (const field of ['createdAt', 'lastDeploymentAttemptedAt'] as const) {
      test(`by ${field}Before / ${field}After (RFC 3339)`, async () => {
        const all = await listAllInstances(running.client);
        const times = [...new Set(all.map((i) => i[field]?.getTime() ?? NaN))].sort((a, b) => a - b);
        assert.ok(times.length >= 3 && times.every((t) => !Number.isNaN(t)), `distinct ${field} values to cut between`);
        for (const index of [1, Math.floor(times.length / 2), times.length - 1]) {
          // A cut strictly between two values, so that inclusive or exclusive bounds do not matter.
          const cut = new Date((times[index - 1] + times[index]) / 2);
          const iso = cut.toISOString();
          const before = await listAllInstances(running.client, { filters: [{ key: `${field}Before`, value: iso }] });
          const afterCut = await listAllInstances(running.client, { filters: [{ key: `${field}After`, value: iso }] });
          assert.deepEqual(keys(before), keys(all.filter((i) => (i[field]?.getTime() ?? 0) < cut.getTime())), `${field}Before ${iso}`);
          assert.deepEqual(keys(afterCut), keys(all.filter((i) => (i[field]?.getTime() ?? 0) > cut.getTime())), `${field}After ${iso}`);
          assert.ok(before.length > 0 && afterCut.length > 0);
        }
        // Both bounds together: a window (AND).
        const low = new Date((times[0] + times[1]) / 2);
        const high = new Date((times[times.length - 2] + times[times.length - 1]) / 2);
        const window = await listAllInstances(running.client, {
          filters: [
            { key: `${field}After`, value: low.toISOString() },
            { key: `${field}Before`, value: high.toISOString() },
          ],
        });
        assert.deepEqual(
          keys(window),
          keys(all.filter((i) => (i[field]?.getTime() ?? 0) > low.getTime() && (i[field]?.getTime() ?? 0) < high.getTime())),
        );
      });
    }

    test('a date filter value that is not RFC 3339 is a ValidationException', async () => {
      await expectError(
        running.client.send(new ListServiceInstancesCommand({ filters: [{ key: 'createdAtBefore', value: 'yesterday' }] })),
        'ValidationException',
        400,
      );
    });

    test('a date filter value with a UTC offset is a ValidationException (the model asks for UTC, e.g. ...Z)', async () => {
      await expectError(
        running.client.send(new ListServiceInstancesCommand({ filters: [{ key: 'createdAtAfter', value: '1985-04-12T23:20:50.52+02:00' }] })),
        'ValidationException',
        400,
      );
    });

    test('a filter without a value is a ValidationException naming the member', async () => {
      const err = await expectError(
        running.client.send(new ListServiceInstancesCommand({ filters: [{ key: 'name', value: 'x' }, { key: 'name' }] })),
        'ValidationException',
        400,
      );
      assert.match(String((err as Error).message), /filters\.2\.member\.value/);
    });
  });

  describe('sorts', { concurrency: true }, () => {
    const sortKeys: Record<string, (i: ServiceInstanceSummary) => string | number> = {
      name: (i: ServiceInstanceSummary) => i.name ?? '',
      deploymentStatus: (i: ServiceInstanceSummary) => i.deploymentStatus ?? '',
      templateName: (i: ServiceInstanceSummary) => i.templateName ?? '',
      serviceName: (i: ServiceInstanceSummary) => i.serviceName ?? '',
      environmentName: (i: ServiceInstanceSummary) => i.environmentName ?? '',
      lastDeploymentAttemptedAt: (i: ServiceInstanceSummary) => i.lastDeploymentAttemptedAt?.getTime() ?? NaN,
      createdAt: (i: ServiceInstanceSummary) => i.createdAt?.getTime() ?? NaN,
    };
    for (const [sortBy, sortKey] of Object.entries(sortKeys)) {
      for (const sortOrder of ['ASCENDING', 'DESCENDING', undefined] as const) {
        test(`sortBy ${sortBy} ${sortOrder ?? '(default order: ASCENDING)'}`, async () => {
          const listed = await listAllInstances(running.client, { sortBy: sortBy as never, sortOrder });
          assert.deepEqual(keys(listed).sort(), keys(seed.instances).sort(), 'the same instances');
          const values = listed.map(sortKey);
          assert.ok(new Set(values).size >= 2, 'a key with several values');
          const direction = sortOrder === 'DESCENDING' ? -1 : 1;
          for (let n = 1; n < values.length; n++) {
            assert.ok(direction * cmp(values[n - 1], values[n]) <= 0, `${sortBy} ${sortOrder}: ${values[n - 1]} before ${values[n]}`);
          }
          if (sortBy === 'name') {
            // Names are unique in the seed: the order is total.
            const names = seed.instances.map((i) => i.name).sort();
            assert.deepEqual(listed.map((i) => i.name), direction === 1 ? names : names.reverse());
          }
        });
      }
    }

    test('sortOrder DESCENDING alone sorts by the default key, serviceName, descending', async () => {
      const listed = await listAllInstances(running.client, { sortOrder: 'DESCENDING' });
      assert.deepEqual(keys(listed).sort(), keys(seed.instances).sort());
      const services = listed.map((i) => i.serviceName ?? '');
      assert.deepEqual(services, [...services].sort().reverse());
    });
  });
});
