// CancelServiceInstanceDeployment (docs/emulator.md "Cancel"): only while IN_PROGRESS; CANCELLING for up to a
// quarter of --deploy-ms, then CANCELLED with the versions and spec from before the deployment.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CancelServiceInstanceDeploymentCommand,
  GetDeploymentCommand,
  UpdateServiceInstanceCommand,
  type ServiceInstance,
} from '@aws-sdk/client-proton';
import { expectError, loadSeed, pollUntil, seedInstance, seedPath, serviceSpec, useEmulator, getSeededInstance } from '../helpers/emulator';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);
const DEPLOY_MS = 2000;

describe('cancel', { concurrency: true }, () => {
  const running = useEmulator(['--seed', seedPath(SEED), '--deploy-ms', String(DEPLOY_MS)]);

  const get = (name: string): Promise<ServiceInstance> => getSeededInstance(running.client, seed, name);
  const cancel = (name: string): Promise<{ serviceInstance?: ServiceInstance }> =>
    running.client.send(new CancelServiceInstanceDeploymentCommand({ serviceName: seedInstance(seed, name).serviceName, serviceInstanceName: name }));
  /** Cancels and follows CANCELLING to CANCELLED, checking it takes no longer than a quarter of --deploy-ms (+ slack). */
  const cancelToEnd = async (name: string): Promise<ServiceInstance> => {
    const cancelledAt = Date.now();
    const answer = (await cancel(name)).serviceInstance;
    assert.equal(answer?.deploymentStatus, 'CANCELLING', 'the answer shows CANCELLING');
    const end = await pollUntil(() => get(name), (si) => si.deploymentStatus !== 'CANCELLING', {
      timeoutMs: DEPLOY_MS,
      what: `${name} to leave CANCELLING`,
    });
    assert.equal(end.deploymentStatus, 'CANCELLED');
    const took = Date.now() - cancelledAt;
    // A quarter of --deploy-ms, with slack for a loaded machine, and well short of a whole deployment.
    assert.ok(took < DEPLOY_MS / 4 + 1000, `CANCELLING lasted ${took} ms; --deploy-ms is ${DEPLOY_MS}`);
    return end;
  };

  test('an update cancelled ends CANCELLED with the spec and versions from before; the deployment record too', async () => {
    const name = 'fe-dev';
    const before = await get(name);
    const out = await running.client.send(
      new UpdateServiceInstanceCommand({
        serviceName: 'frontend',
        name,
        deploymentType: 'MINOR_VERSION',
        spec: serviceSpec(name, 'dev', { image: 'nginx:1.26', replicas: 3 }),
      }),
    );
    const startedAt = Date.now();
    const id = out.serviceInstance?.lastAttemptedDeploymentId;
    const end = await cancelToEnd(name);
    assert.equal(end.spec, before.spec);
    assert.equal(end.templateMajorVersion, before.templateMajorVersion);
    assert.equal(end.templateMinorVersion, before.templateMinorVersion);
    assert.equal(end.lastAttemptedDeploymentId, id);
    assert.equal(end.lastSucceededDeploymentId, before.lastSucceededDeploymentId);
    const deployment = (await running.client.send(new GetDeploymentCommand({ id }))).deployment;
    assert.equal(deployment?.deploymentStatus, 'CANCELLED');

    // The cancelled deployment does not come back when its --deploy-ms would have run out.
    const stillCancelled = await pollUntil(
      () => get(name),
      (si) => si.deploymentStatus !== 'CANCELLED' || Date.now() - startedAt > DEPLOY_MS + 300,
      { timeoutMs: DEPLOY_MS + 2_000, intervalMs: 100, what: 'the original deployment time to pass' },
    );
    assert.equal(stillCancelled.deploymentStatus, 'CANCELLED');
    assert.equal(stillCancelled.templateMinorVersion, before.templateMinorVersion);
    assert.equal((await running.client.send(new GetDeploymentCommand({ id }))).deployment?.deploymentStatus, 'CANCELLED');

    // No longer busy: a new update is accepted.
    const again = await running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name, deploymentType: 'CURRENT_VERSION' }));
    assert.equal(again.serviceInstance?.deploymentStatus, 'IN_PROGRESS');
    await cancelToEnd(name);
  });

  test('a cancelled MAJOR_VERSION update keeps the old major', async () => {
    const name = 'fe-ready';
    const i = seedInstance(seed, name);
    await running.client.send(new UpdateServiceInstanceCommand({ serviceName: i.serviceName, name, deploymentType: 'MAJOR_VERSION' }));
    const end = await cancelToEnd(name);
    assert.equal(`${end.templateMajorVersion}.${end.templateMinorVersion}`, `${i.templateMajorVersion}.${i.templateMinorVersion}`);
    assert.equal(end.spec, i.spec);
  });

  test('a seeded IN_PROGRESS instance can be cancelled, back to its seeded version and spec', async () => {
    const name = 'fe-busy';
    const i = seedInstance(seed, name);
    assert.equal(i.deploymentStatus, 'IN_PROGRESS');
    const end = await cancelToEnd(name);
    assert.equal(`${end.templateMajorVersion}.${end.templateMinorVersion}`, `${i.templateMajorVersion}.${i.templateMinorVersion}`);
    assert.equal(end.spec, i.spec);
  });

  test('cancel when not IN_PROGRESS → ConflictException 409; unknown instance → 404; invalid name → 400', async () => {
    for (const name of ['fe-staging', 'fe-failed', 'fe-cancelled', 'fe-cancelling', 'fe-deleting']) {
      assert.notEqual(seedInstance(seed, name).deploymentStatus, 'IN_PROGRESS');
      await expectError(cancel(name), 'ConflictException', 409);
      assert.equal((await get(name)).deploymentStatus, seedInstance(seed, name).deploymentStatus, `${name} unchanged`);
    }
    await expectError(
      running.client.send(new CancelServiceInstanceDeploymentCommand({ serviceName: 'frontend', serviceInstanceName: 'no-such' })),
      'ResourceNotFoundException',
      404,
    );
    await expectError(
      running.client.send(new CancelServiceInstanceDeploymentCommand({ serviceName: 'frontend', serviceInstanceName: 'no such!' })),
      'ValidationException',
      400,
    );
  });
});
