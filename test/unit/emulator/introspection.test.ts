// Introspection for tests (README, "The local Proton emulator"): GET /__emulator/calls lists every request received, in order, failed ones
// included, as {operation, input, status, at}; POST /__emulator/reset restores the seed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  GetServiceInstanceCommand,
  ListDeploymentsCommand,
  ListServiceInstancesCommand,
  UpdateServiceInstanceCommand,
} from '@aws-sdk/client-proton';
import { expectError, loadSeed, seedPath, serviceSpec, useEmulator } from '../helpers/emulator';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);

describe('introspection', () => {
  const running = useEmulator(['--seed', seedPath(SEED), '--deploy-ms', '600000']);

  test('/__emulator/calls: every request in order, failed ones included', async () => {
    const startedAt = Date.now();
    assert.deepEqual(await running.emu.calls(), [], 'nothing yet');
    await running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' }));
    await expectError(running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'nobody' })), 'ResourceNotFoundException', 404);
    await running.client.send(new ListServiceInstancesCommand({ maxResults: 5, filters: [{ key: 'environmentName', value: 'dev' }] }));
    await expectError(
      running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-busy', deploymentType: 'CURRENT_VERSION', clientToken: 'tok-1' })),
      'ConflictException',
      409,
    );
    await running.emu.raw('AwsProton20200720.GetServiceInstance', '{"broken":');
    await running.emu.raw('AwsProton20200720.NoSuchOperation', '{}');

    const calls = await running.emu.calls();
    assert.deepEqual(
      calls.map((c) => [c.operation, c.status]),
      [
        ['GetServiceInstance', 200],
        ['GetServiceInstance', 404],
        ['ListServiceInstances', 200],
        ['UpdateServiceInstance', 409],
        ['GetServiceInstance', 400],
        ['NoSuchOperation', 400],
      ],
    );
    assert.deepEqual(calls[0].input, { serviceName: 'frontend', name: 'fe-dev' });
    assert.deepEqual(calls[1].input, { serviceName: 'frontend', name: 'nobody' });
    assert.deepEqual(calls[2].input, { maxResults: 5, filters: [{ key: 'environmentName', value: 'dev' }] });
    assert.deepEqual(calls[3].input, { serviceName: 'frontend', name: 'fe-busy', deploymentType: 'CURRENT_VERSION', clientToken: 'tok-1' });
    const times = calls.map((c) => (typeof c.at === 'number' ? (c.at < 1e11 ? c.at * 1000 : c.at) : Date.parse(String(c.at))));
    for (const t of times) assert.ok(t >= startedAt - 1000 && t <= Date.now() + 1000, `at ${t} is when the call came`);
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'in order');
    // Reading the log is not itself a Proton call.
    assert.equal((await running.emu.calls()).length, calls.length);
  });

  test('/__emulator/reset restores the seed: specs, deployments, statuses and client tokens', async () => {
    const pristine = await running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' }));
    const pristineDeployments = (await running.client.send(new ListDeploymentsCommand({}))).deployments ?? [];
    const spec = serviceSpec('fe-dev', 'dev', { image: 'nginx:reset-me' });
    await running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'NONE', spec }));
    const started = await running.client.send(
      new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'CURRENT_VERSION', clientToken: 'reset-token' }),
    );
    assert.equal(started.serviceInstance?.deploymentStatus, 'IN_PROGRESS');

    await running.emu.reset();
    const after = await running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' }));
    assert.deepEqual(after.serviceInstance, pristine.serviceInstance);
    assert.equal(after.serviceInstance?.spec, seed.instances.find((i) => i.name === 'fe-dev')?.spec);
    assert.deepEqual((await running.client.send(new ListDeploymentsCommand({}))).deployments ?? [], pristineDeployments);
    // The token of the forgotten call is forgotten too: a different input with it is a new call, not a mismatch.
    const again = await running.client.send(
      new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'MINOR_VERSION', clientToken: 'reset-token' }),
    );
    assert.equal(again.serviceInstance?.deploymentStatus, 'IN_PROGRESS');
    assert.notEqual(again.serviceInstance?.lastAttemptedDeploymentId, started.serviceInstance?.lastAttemptedDeploymentId);
  });
});
