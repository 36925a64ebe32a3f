// Pagination (docs/emulator.md "Listing": filter, then sort, then paginate; default page size 100; the SDK's
// paginators follow nextToken to the end): every maxResults from 1 to 100 returns each item exactly once, in order.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  ListServiceInstancesCommand,
  paginateListComponents,
  paginateListDeployments,
  paginateListEnvironments,
  paginateListServiceInstances,
  paginateListServices,
  paginateListServiceTemplates,
  paginateListServiceTemplateVersions,
  UpdateServiceInstanceCommand,
  type ListServiceInstancesCommandInput,
  type ServiceInstanceSummary,
} from '@aws-sdk/client-proton';
import { parse as parseYaml } from 'yaml';
import {
  bulkSeedText,
  byServiceThenName,
  cmp,
  expectError,
  loadSeed,
  seedModel,
  seedPath,
  startEmulator,
  useEmulator,
  type SeedInstance,
} from '../helpers/emulator';

const COUNT = 131;
const seedText = bulkSeedText(COUNT);
const bulk = seedModel(parseYaml(seedText));
const key = (i: { serviceName?: string; name?: string }): string => `${i.serviceName}/${i.name}`;
const MAX_RESULTS = Array.from({ length: 100 }, (_, n) => n + 1);

/** Runs `fn` for every maxResults 1..100, a few at a time. */
async function forEveryMaxResults(fn: (maxResults: number) => Promise<void>): Promise<void> {
  for (let n = 0; n < MAX_RESULTS.length; n += 10) await Promise.all(MAX_RESULTS.slice(n, n + 10).map(fn));
}

describe('pagination', { concurrency: true }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'proton-emulator-pages-'));
  const file = path.join(dir, 'bulk.yaml');
  const running = useEmulator(() => {
    writeFileSync(file, seedText);
    return ['--seed', file];
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Pages through ListServiceInstances with the SDK paginator; checks page sizes; returns the items. */
  async function pages(input: ListServiceInstancesCommandInput, pageSize: number): Promise<ServiceInstanceSummary[]> {
    const items: ServiceInstanceSummary[] = [];
    const sizes: number[] = [];
    // The SDK paginator writes nextToken and maxResults into the input it is given: one copy per run.
    for await (const page of paginateListServiceInstances({ client: running.client, pageSize }, structuredClone(input))) {
      sizes.push(page.serviceInstances?.length ?? 0);
      items.push(...(page.serviceInstances ?? []));
      assert.ok(sizes.length <= COUNT + 1, 'the paginator ends');
    }
    assert.ok(sizes.every((s) => s <= pageSize), `maxResults ${pageSize}: no page larger than asked (${sizes})`);
    assert.equal(sizes.length, Math.max(1, Math.ceil(items.length / pageSize)), `maxResults ${pageSize}: full pages (${sizes})`);
    return items;
  }

  test(`ListServiceInstances: every maxResults 1..100 returns the ${COUNT} instances exactly once, in the default order`, async () => {
    const expected = [...bulk.instances].sort(byServiceThenName).map(key);
    assert.equal(new Set(expected).size, COUNT);
    await forEveryMaxResults(async (maxResults) => {
      const items = await pages({}, maxResults);
      assert.deepEqual(items.map(key), expected, `maxResults ${maxResults}`);
    });
  });

  test('ListServiceInstances: every maxResults 1..100 with filters and a sort with ties, each matching item exactly once', async () => {
    const wanted = (i: SeedInstance): boolean => ['SUCCEEDED', 'FAILED', 'IN_PROGRESS'].includes(i.deploymentStatus) && i.environmentName !== 'e-test';
    const expected = bulk.instances.filter(wanted).map(key).sort();
    assert.ok(expected.length > 30 && expected.length < COUNT);
    const input: ListServiceInstancesCommandInput = {
      filters: [
        { key: 'deploymentStatus', value: 'SUCCEEDED' },
        { key: 'deploymentStatus', value: 'FAILED' },
        { key: 'deploymentStatus', value: 'IN_PROGRESS' },
        { key: 'environmentName', value: 'e-dev' },
        { key: 'environmentName', value: 'e-prod' },
      ],
      sortBy: 'deploymentStatus',
      sortOrder: 'DESCENDING',
    };
    let first: string[] | undefined;
    await forEveryMaxResults(async (maxResults) => {
      const items = await pages(input, maxResults);
      const got = items.map(key);
      assert.equal(new Set(got).size, got.length, `maxResults ${maxResults}: no duplicates`);
      assert.deepEqual([...got].sort(), expected, `maxResults ${maxResults}: each matching instance`);
      for (let n = 1; n < items.length; n++) {
        assert.ok(cmp(items[n - 1].deploymentStatus ?? '', items[n].deploymentStatus ?? '') >= 0, 'DESCENDING by status');
      }
      // Ties are broken the same way whatever the page size.
      first ??= got;
      assert.deepEqual(got, first, `maxResults ${maxResults}: the same order as other page sizes`);
    });
  });

  test('ListServiceInstances: every maxResults 1..100 for one service, sorted by createdAt', async () => {
    const expected = bulk.instances
      .filter((i) => i.serviceName === 'svc-c')
      .sort((a, b) => cmp(Date.parse(a.createdAt ?? ''), Date.parse(b.createdAt ?? '')))
      .map(key);
    await forEveryMaxResults(async (maxResults) => {
      const items = await pages({ serviceName: 'svc-c', sortBy: 'createdAt' }, maxResults);
      assert.deepEqual(items.map(key), expected, `maxResults ${maxResults}`);
    });
  });

  test('without maxResults a page holds 100 items', async () => {
    const first = await running.client.send(new ListServiceInstancesCommand({}));
    assert.equal(first.serviceInstances?.length, 100);
    assert.ok(first.nextToken, 'a token for the rest');
    assert.match(first.nextToken, /^[A-Za-z0-9+=/]+$/, 'the model\'s NextToken pattern');
    const second = await running.client.send(new ListServiceInstancesCommand({ nextToken: first.nextToken }));
    assert.equal(second.serviceInstances?.length, COUNT - 100);
    assert.ok(!second.nextToken, 'no token on the last page');
    const all = [...(first.serviceInstances ?? []), ...(second.serviceInstances ?? [])].map(key);
    assert.deepEqual(all, [...bulk.instances].sort(byServiceThenName).map(key));
  });

  test('a nextToken the emulator never gave → ValidationException', async () => {
    await expectError(running.client.send(new ListServiceInstancesCommand({ nextToken: 'Zm9vYmFy' })), 'ValidationException', 400);
  });

  test('ListServices, ListEnvironments, ListServiceTemplates, ListServiceTemplateVersions and ListComponents page too', async () => {
    const services = bulk.services.map((s) => s.name).sort();
    const environments = bulk.environments.map((e) => e.name).sort();
    for (let maxResults = 1; maxResults <= services.length + 1; maxResults++) {
      const got: string[] = [];
      for await (const page of paginateListServices({ client: running.client, pageSize: maxResults }, {})) {
        assert.ok((page.services ?? []).length <= maxResults);
        got.push(...(page.services ?? []).map((s) => s.name ?? ''));
      }
      assert.deepEqual([...got].sort(), services, `ListServices maxResults ${maxResults}`);
      assert.equal(new Set(got).size, got.length);
    }
    for (let maxResults = 1; maxResults <= environments.length + 1; maxResults++) {
      const got: string[] = [];
      for await (const page of paginateListEnvironments({ client: running.client, pageSize: maxResults }, {})) {
        assert.ok((page.environments ?? []).length <= maxResults);
        got.push(...(page.environments ?? []).map((e) => e.name ?? ''));
      }
      assert.deepEqual([...got].sort(), environments, `ListEnvironments maxResults ${maxResults}`);
    }
    const versions = bulk.serviceTemplates[0].versions.filter((v) => v.majorVersion === '1').map((v) => v.minorVersion).sort();
    for (let maxResults = 1; maxResults <= versions.length + 1; maxResults++) {
      const got: string[] = [];
      for await (const page of paginateListServiceTemplateVersions({ client: running.client, pageSize: maxResults }, { templateName: 'app', majorVersion: '1' })) {
        assert.ok((page.templateVersions ?? []).length <= maxResults);
        got.push(...(page.templateVersions ?? []).map((v) => v.minorVersion ?? ''));
      }
      assert.deepEqual([...got].sort(), versions, `ListServiceTemplateVersions maxResults ${maxResults}`);
    }
    const templates: string[] = [];
    for await (const page of paginateListServiceTemplates({ client: running.client, pageSize: 1 }, {})) templates.push(...(page.templates ?? []).map((t) => t.name ?? ''));
    assert.deepEqual(templates, ['app']);

    const seeded = loadSeed('account.yaml');
    const other = await startEmulator(['--seed', seedPath('account.yaml')]);
    try {
      const c = other.client();
      const names = seeded.components.map((x) => x.name).sort();
      for (let maxResults = 1; maxResults <= names.length + 1; maxResults++) {
        const got: string[] = [];
        for await (const page of paginateListComponents({ client: c, pageSize: maxResults }, {})) {
          assert.ok((page.components ?? []).length <= maxResults);
          got.push(...(page.components ?? []).map((x) => x.name ?? ''));
        }
        assert.deepEqual([...got].sort(), names, `ListComponents maxResults ${maxResults}`);
      }
    } finally {
      await other.stop();
    }
  });

  test('ListDeployments pages newest first', async (t) => {
    // Start a handful of deployments (each instance once) in an emulator of its own, then page through them.
    const own = await startEmulator(['--seed', file, '--deploy-ms', '600000']);
    t.after(() => own.stop());
    const client = own.client();
    const updatable = bulk.instances.filter((i) => i.deploymentStatus !== 'IN_PROGRESS').slice(0, 7);
    const ids: string[] = [];
    for (const i of updatable) {
      const out = await client.send(new UpdateServiceInstanceCommand({ serviceName: i.serviceName, name: i.name, deploymentType: 'CURRENT_VERSION' }));
      ids.push(out.serviceInstance?.lastAttemptedDeploymentId ?? '');
    }
    const all: string[] = [];
    for await (const page of paginateListDeployments({ client: client, pageSize: 100 }, {})) all.push(...(page.deployments ?? []).map((d) => d.id ?? ''));
    assert.ok(ids.every((id) => all.includes(id)));
    for (let maxResults = 1; maxResults <= all.length + 1; maxResults++) {
      const got: string[] = [];
      for await (const page of paginateListDeployments({ client: client, pageSize: maxResults }, {})) {
        assert.ok((page.deployments ?? []).length <= maxResults);
        got.push(...(page.deployments ?? []).map((d) => d.id ?? ''));
      }
      assert.deepEqual(got, all, `ListDeployments maxResults ${maxResults}`);
    }
    // Newest first: the ones just started, last first, lead the list.
    assert.deepEqual(all.slice(0, ids.length), [...ids].reverse());
  });
});
