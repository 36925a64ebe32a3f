// The deployment lifecycle (docs/emulator.md "UpdateServiceInstance" and "Seeds and state": "success", "Seeded state", "failNextDeployment", ListDeployments newest
// first): IN_PROGRESS → SUCCEEDED/FAILED after --deploy-ms, with the deployment recorded with initial and target state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  GetDeploymentCommand,
  ListDeploymentsCommand,
  ListServiceInstancesCommand,
  UpdateServiceInstanceCommand,
  waitUntilServiceInstanceDeployed,
  type ServiceInstance,
} from '@aws-sdk/client-proton';
import {
  expectError,
  instanceInputs,
  loadSeed,
  pollUntil,
  recommendedMinor,
  recommendedVersion,
  seedInstance,
  seedPath,
  serviceSpec,
  useEmulator,
  getSeededInstance,
} from '../helpers/emulator';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);
const DEPLOY_MS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const arn = (resource: string): string => `arn:aws:proton:${seed.region}:${seed.accountId}:${resource}`;

describe('deployment lifecycle', { concurrency: true }, () => {
  const running = useEmulator(['--seed', seedPath(SEED), '--deploy-ms', String(DEPLOY_MS)]);

  const get = (name: string): Promise<ServiceInstance> => getSeededInstance(running.client, seed, name);
  /** Polls GetServiceInstance until the status leaves `from` (bounded). */
  const settle = (name: string, from = 'IN_PROGRESS'): Promise<ServiceInstance> =>
    pollUntil(() => get(name), (si) => si.deploymentStatus !== from, { timeoutMs: DEPLOY_MS + 5_000, what: `${name} to leave ${from}` });

  test('CURRENT_VERSION: IN_PROGRESS with a recorded deployment, then SUCCEEDED after --deploy-ms with the target spec', async () => {
    const name = 'fe-dev';
    const before = await get(name);
    const newSpec = serviceSpec(name, 'dev', { image: 'nginx:1.26', size: 'medium' });
    const startedAt = Date.now();
    const out = await running.client.send(
      new UpdateServiceInstanceCommand({ serviceName: 'frontend', name, deploymentType: 'CURRENT_VERSION', spec: newSpec, clientToken: 'lc-1' }),
    );
    const answer = out.serviceInstance;
    assert.ok(answer);
    assert.equal(answer.deploymentStatus, 'IN_PROGRESS');
    const id = answer.lastAttemptedDeploymentId ?? '';
    assert.match(id, UUID);
    assert.equal(answer.lastClientRequestToken, 'lc-1');
    assert.ok((answer.lastDeploymentAttemptedAt?.getTime() ?? 0) > (before.lastDeploymentAttemptedAt?.getTime() ?? 0));

    // Recorded: newest first for the instance, with initial and target state.
    const listed = await running.client.send(new ListDeploymentsCommand({ serviceName: 'frontend', serviceInstanceName: name }));
    const summary = listed.deployments?.[0];
    assert.equal(summary?.id, id, 'the new deployment comes first');
    assert.equal(summary?.deploymentStatus, 'IN_PROGRESS');
    assert.equal(summary?.targetResourceType, 'SERVICE_INSTANCE');
    assert.equal(summary?.environmentName, 'dev');
    assert.equal(summary?.serviceName, 'frontend');
    assert.equal(summary?.serviceInstanceName, name);
    assert.equal(summary?.targetArn, before.arn);
    assert.equal(summary?.arn, arn(`deployment/${id}`));
    const deployment = (await running.client.send(new GetDeploymentCommand({ id, serviceName: 'frontend', serviceInstanceName: name }))).deployment;
    assert.ok(deployment);
    assert.equal(deployment.id, id);
    assert.equal(deployment.deploymentStatus, 'IN_PROGRESS');
    const initial = deployment.initialState?.serviceInstance;
    const target = deployment.targetState?.serviceInstance;
    assert.equal(initial?.spec, before.spec);
    assert.equal(`${initial?.templateMajorVersion}.${initial?.templateMinorVersion}`, `${before.templateMajorVersion}.${before.templateMinorVersion}`);
    assert.equal(target?.spec, newSpec);
    assert.equal(`${target?.templateMajorVersion}.${target?.templateMinorVersion}`, `${before.templateMajorVersion}.${before.templateMinorVersion}`);
    assert.equal(target?.templateName, 'web');
    assert.equal((await get(name)).deploymentStatus, 'IN_PROGRESS');
    // While it runs, another update is refused.
    await expectError(
      running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name, deploymentType: 'CURRENT_VERSION' })),
      'ConflictException',
      409,
    );

    const done = await settle(name);
    const elapsed = Date.now() - startedAt;
    assert.equal(done.deploymentStatus, 'SUCCEEDED');
    assert.ok(elapsed >= DEPLOY_MS - 5, `took ${elapsed} ms, --deploy-ms is ${DEPLOY_MS}`);
    assert.equal(done.spec, newSpec);
    assert.deepEqual(instanceInputs(done.spec, name), { image: 'nginx:1.26', size: 'medium' });
    assert.equal(done.lastSucceededDeploymentId, id);
    assert.equal(done.lastAttemptedDeploymentId, id);
    assert.ok((done.lastDeploymentSucceededAt?.getTime() ?? 0) >= (done.lastDeploymentAttemptedAt?.getTime() ?? Infinity));
    const finished = (await running.client.send(new GetDeploymentCommand({ id }))).deployment;
    assert.equal(finished?.deploymentStatus, 'SUCCEEDED');
    assert.ok(finished?.completedAt instanceof Date);
    assert.ok((finished?.completedAt?.getTime() ?? 0) >= (finished?.createdAt?.getTime() ?? Infinity));

    // Seeded state never changes by itself: the seeded IN_PROGRESS instance is still IN_PROGRESS.
    assert.equal(seedInstance(seed, 'fe-busy').deploymentStatus, 'IN_PROGRESS');
    assert.equal((await get('fe-busy')).deploymentStatus, 'IN_PROGRESS');
  });

  test('MINOR_VERSION, awaited with the SDK waiter, ends on the recommended minor', async () => {
    const name = 'be-dev';
    const i = seedInstance(seed, name);
    await running.client.send(new UpdateServiceInstanceCommand({ serviceName: i.serviceName, name, deploymentType: 'MINOR_VERSION' }));
    const result = await waitUntilServiceInstanceDeployed(
      { client: running.client, maxWaitTime: 10, minDelay: 1, maxDelay: 1 },
      { serviceName: i.serviceName, name },
    );
    assert.equal(result.state, 'SUCCESS');
    const done = await get(name);
    assert.equal(done.deploymentStatus, 'SUCCEEDED');
    assert.equal(done.templateMajorVersion, i.templateMajorVersion);
    assert.equal(done.templateMinorVersion, recommendedMinor(seed, i.templateName, i.templateMajorVersion));
    assert.deepEqual(instanceInputs(done.spec, name), instanceInputs(i.spec, name), 'the deployed spec is kept');
  });

  test('MAJOR_VERSION ends on the recommended version', async () => {
    const name = 'fe-ready';
    const i = seedInstance(seed, name);
    await running.client.send(new UpdateServiceInstanceCommand({ serviceName: i.serviceName, name, deploymentType: 'MAJOR_VERSION' }));
    const done = await settle(name);
    assert.equal(done.deploymentStatus, 'SUCCEEDED');
    const rec = recommendedVersion(seed, i.templateName);
    assert.equal(`${done.templateMajorVersion}.${done.templateMinorVersion}`, `${rec?.major}.${rec?.minor}`);
    // Listing follows: it was BEHIND_MAJOR, now it is UP_TO_DATE.
    const upToDate = await running.client.send(
      new ListServiceInstancesCommand({ filters: [{ key: 'deployedTemplateVersionStatus', value: 'UP_TO_DATE' }, { key: 'name', value: name }] }),
    );
    assert.deepEqual((upToDate.serviceInstances ?? []).map((x) => x.name), [name]);
  });

  test('failNextDeployment: the next deployment ends FAILED with a reason; the one after succeeds', async () => {
    const name = 'fe-fail';
    const i = seedInstance(seed, name);
    assert.equal(i.failNextDeployment, true);
    const before = await get(name);
    const first = await running.client.send(
      new UpdateServiceInstanceCommand({
        serviceName: i.serviceName,
        name,
        deploymentType: 'CURRENT_VERSION',
        spec: serviceSpec(name, i.environmentName, { image: 'nginx:1.26', tag: 'v2' }),
      }),
    );
    const firstId = first.serviceInstance?.lastAttemptedDeploymentId;
    // The SDK waiter treats FAILED as its failure state.
    await assert.rejects(
      waitUntilServiceInstanceDeployed({ client: running.client, maxWaitTime: 10, minDelay: 1, maxDelay: 1 }, { serviceName: i.serviceName, name }),
      (e: Error) => /FAILURE/.test(e.message) || /FAILURE/.test(JSON.stringify(e)),
    );
    const failed = await get(name);
    assert.equal(failed.deploymentStatus, 'FAILED');
    assert.ok(failed.deploymentStatusMessage && failed.deploymentStatusMessage.length > 0, 'FAILED says why');
    assert.equal(failed.lastAttemptedDeploymentId, firstId);
    assert.equal(failed.lastSucceededDeploymentId, before.lastSucceededDeploymentId, 'no new successful deployment');
    const failedDeployment = (await running.client.send(new GetDeploymentCommand({ id: firstId }))).deployment;
    assert.equal(failedDeployment?.deploymentStatus, 'FAILED');

    const second = await running.client.send(
      new UpdateServiceInstanceCommand({ serviceName: i.serviceName, name, deploymentType: 'CURRENT_VERSION' }),
    );
    const secondId = second.serviceInstance?.lastAttemptedDeploymentId;
    assert.notEqual(secondId, firstId);
    const done = await settle(name);
    assert.equal(done.deploymentStatus, 'SUCCEEDED', 'only the next deployment fails');
    assert.equal(done.lastSucceededDeploymentId, secondId);

    const listed = await running.client.send(new ListDeploymentsCommand({ serviceName: i.serviceName, serviceInstanceName: name }));
    const ids = (listed.deployments ?? []).map((d) => d.id);
    assert.deepEqual(ids.slice(0, 2), [secondId, firstId], 'newest first');
    assert.deepEqual(
      (listed.deployments ?? []).slice(0, 2).map((d) => d.deploymentStatus),
      ['SUCCEEDED', 'FAILED'],
    );
  });

  test('a FAILED instance deploys again', async () => {
    const name = 'fe-failed';
    const i = seedInstance(seed, name);
    await running.client.send(new UpdateServiceInstanceCommand({ serviceName: i.serviceName, name, deploymentType: 'CURRENT_VERSION' }));
    assert.equal((await settle(name)).deploymentStatus, 'SUCCEEDED');
  });

  test('ListDeployments without filters lists every deployment, newest first; GetDeployment of an unknown id is 404', async () => {
    const name = 'rep-staging';
    const i = seedInstance(seed, name);
    const out = await running.client.send(new UpdateServiceInstanceCommand({ serviceName: i.serviceName, name, deploymentType: 'CURRENT_VERSION' }));
    const all = (await running.client.send(new ListDeploymentsCommand({}))).deployments ?? [];
    assert.ok(all.some((d) => d.id === out.serviceInstance?.lastAttemptedDeploymentId));
    const created = all.map((d) => d.createdAt?.getTime() ?? NaN);
    assert.deepEqual(created, [...created].sort((a, b) => b - a), 'newest first');
    const byService = (await running.client.send(new ListDeploymentsCommand({ serviceName: 'reports' }))).deployments ?? [];
    assert.ok(byService.length > 0 && byService.every((d) => d.serviceName === 'reports'));
    const byEnv = (await running.client.send(new ListDeploymentsCommand({ environmentName: 'staging' }))).deployments ?? [];
    assert.ok(byEnv.some((d) => d.id === out.serviceInstance?.lastAttemptedDeploymentId));
    assert.ok(byEnv.every((d) => d.environmentName === 'staging'));
    await expectError(
      running.client.send(new GetDeploymentCommand({ id: '00000000-0000-4000-8000-000000000000' })),
      'ResourceNotFoundException',
      404,
    );
    // A deployment asked for in the context of another instance is not found there.
    await expectError(
      running.client.send(
        new GetDeploymentCommand({ id: out.serviceInstance?.lastAttemptedDeploymentId, serviceName: 'frontend', serviceInstanceName: 'fe-dev' }),
      ),
      'ResourceNotFoundException',
      404,
    );
    await expectError(running.client.send(new GetDeploymentCommand({ id: 'not-a-uuid' })), 'ValidationException', 400);
    // serviceName is needed with serviceInstanceName.
    await expectError(
      running.client.send(new GetDeploymentCommand({ id: out.serviceInstance?.lastAttemptedDeploymentId, serviceInstanceName: name })),
      'ValidationException',
      400,
    );
    await expectError(running.client.send(new ListDeploymentsCommand({ serviceInstanceName: name })), 'ValidationException', 400);
    await settle(name);
  });
});
