// The shared cache over the real SDK gateway against the emulator: the request budget of a load, shared loads,
// version details fetched once, polling of what is in flight, and a connection change.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProtonCache } from '../../../src/proton/cache';
import { resolveConnection } from '../../../src/proton/connection';
import { createGateway } from '../../../src/proton/gatewayFactory';
import { seedPath, startEmulator, useEmulator } from '../helpers/emulator';
import type { CallRecord } from '../helpers/emulator';

const count = (calls: CallRecord[], op: string, filtered = false) =>
  calls.filter((c) => c.operation === op && !!(c.input as { filters?: unknown }).filters === filtered).length;

function cacheFor(url: string): ProtonCache {
  const cache = new ProtonCache(async (c) => createGateway(c));
  cache.setConnection(resolveConnection({ endpoint: url }, {}, []));
  return cache;
}

describe('ProtonCache on the tree seed', () => {
  const s = useEmulator(() => ['--seed', seedPath('tree.yaml'), '--deploy-ms', '300']);

  it('loads once for concurrent callers within the request budget', async () => {
    await s.emu.reset();
    const cache = cacheFor(s.emu.url);
    const [a, b] = await Promise.all([cache.load(), cache.load()]);
    assert.equal(a, b);
    assert.equal(a.instances.length, 5);
    const calls = await s.emu.calls();
    assert.deepEqual(
      Object.fromEntries(['ListServiceInstances', 'ListServiceTemplates', 'ListEnvironments', 'ListComponents', 'ListServiceTemplateVersions', 'GetServiceTemplateVersion', 'GetServiceInstance'].map((op) => [op, count(calls, op)])),
      { ListServiceInstances: 1, ListServiceTemplates: 1, ListEnvironments: 1, ListComponents: 1, ListServiceTemplateVersions: 3, GetServiceTemplateVersion: 1, GetServiceInstance: 0 },
    );
    // Minors of every major in use are known (1.2 is a DRAFT), and the candidate major's compatibility.
    const web = a.templates.get('web')!;
    assert.deepEqual(web.versions.map((v) => `${v.majorVersion}.${v.minorVersion} ${v.status}`).sort(), ['1.0 PUBLISHED', '1.1 PUBLISHED', '1.2 DRAFT', '2.0 PUBLISHED']);
    assert.deepEqual(cache.versionDetail('web', '2', '0')?.compatibleEnvironmentTemplates, [{ templateName: 'base', majorVersion: '2' }]);
    // A reload asks again for listings, never again for a version detail already known.
    await cache.load(true);
    assert.equal(count(await s.emu.calls(), 'GetServiceTemplateVersion'), 1);
  });

  it('fetches a version detail and a deployed spec once, and answers them from memory', async () => {
    await s.emu.reset();
    const cache = cacheFor(s.emu.url);
    await cache.load();
    const [d1, d2] = await Promise.all([cache.fetchVersionDetail('web', '1', '1'), cache.fetchVersionDetail('web', '1', '1')]);
    assert.equal(d1, d2);
    assert.match(d1!.schema!, /WebInput/);
    assert.equal(await cache.fetchVersionDetail('web', '9', '9'), undefined, 'a missing version is undefined');
    const spec = await cache.fetchDeployedSpec('shop', 'shop-dev');
    assert.match(spec!, /hello from shop-dev/);
    assert.equal(cache.deployedSpec('shop', 'shop-dev'), spec);
    await cache.fetchDeployedSpec('shop', 'shop-dev');
    const calls = await s.emu.calls();
    assert.equal(count(calls, 'GetServiceInstance'), 1);
    assert.equal(count(calls, 'GetServiceTemplateVersion'), 3); // 2.0 (candidate), 1.1, 9.9
  });

  it('polls in-flight instances with one filtered listing and re-reads only those that settled', async () => {
    await s.emu.reset();
    const cache = cacheFor(s.emu.url);
    await cache.load();
    const gw = await cache.gateway();
    await gw.cancelServiceInstanceDeployment('api', 'api-dev');
    assert.equal(await cache.pollInFlight(), 1, 'api-dev is CANCELLING');
    let remaining = 1;
    for (let i = 0; i < 50 && remaining > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      remaining = await cache.pollInFlight();
    }
    assert.equal(remaining, 0);
    assert.equal(cache.snapshot!.instances.find((i) => i.name === 'api-dev')!.deploymentStatus, 'CANCELLED');
    const calls = await s.emu.calls();
    assert.equal(count(calls, 'GetServiceInstance'), 1, 'only the instance that settled');
    assert.equal(count(calls, 'ListServiceInstances'), 1, 'no full reload');
    assert.ok(count(calls, 'ListServiceInstances', true) >= 2);
  });

  it('drops everything on a connection change and fires a change', async () => {
    await s.emu.reset();
    const cache = cacheFor(s.emu.url);
    await cache.load();
    let fired = 0;
    cache.onDidChange(() => fired++);
    cache.setConnection(undefined);
    assert.equal(cache.snapshot, undefined);
    assert.equal(fired, 1);
    await assert.rejects(cache.load(), /No Proton connection/);
  });
});

describe('ProtonCache against an unreachable endpoint', () => {
  it('fails fast with a NetworkError that names the endpoint, and keeps it as the status', async () => {
    const cache = cacheFor('http://127.0.0.1:9');
    const started = Date.now();
    await assert.rejects(cache.load(), (e: { errorName?: string; message: string }) => e.errorName === 'NetworkError' && /127\.0\.0\.1:9/.test(e.message));
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.equal(cache.status.error?.errorName, 'NetworkError');
  });
});

describe('ProtonCache on a large account', () => {
  it('lists 5,000 instances over 250 services in 50 pages of 100, each once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proton-cache-'));
    const lines = ['accountId: "111122223333"', 'region: us-east-1', 'environmentTemplates: [{ name: base }]',
      'environments: [{ name: dev, templateName: base, templateMajorVersion: "1", templateMinorVersion: "0" }]',
      'serviceTemplates:', '  - name: web', '    versions:',
      '      - { majorVersion: "1", minorVersion: "0", status: PUBLISHED, compatibleEnvironmentTemplates: [{ templateName: base, majorVersion: "1" }], schema: "schema:\\n  format:\\n    openapi: \\"3.0.0\\"\\n  service_input_type: In\\n  types:\\n    In:\\n      type: object\\n" }',
      'services:'];
    for (let s = 0; s < 250; s++) {
      lines.push(`  - name: s${s}`, '    templateName: web', '    instances:');
      for (let i = 0; i < 20; i++) lines.push(`      - { name: i${i}, environmentName: dev, templateMajorVersion: "1", templateMinorVersion: "0" }`);
    }
    writeFileSync(join(dir, 'seed.yaml'), lines.join('\n'));
    const emu = await startEmulator(['--seed', join(dir, 'seed.yaml')]);
    try {
      const cache = cacheFor(emu.url);
      const snap = await cache.load();
      assert.equal(snap.instances.length, 5000);
      assert.equal(new Set(snap.instances.map((i) => `${i.serviceName}/${i.name}`)).size, 5000);
      const calls = await emu.calls();
      assert.equal(count(calls, 'ListServiceInstances'), 50);
      assert.equal(calls.length, 50 + 1 + 1 + 1 + 2, 'instances, templates, environments, components, versions (majors + major 1)');
    } finally {
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
