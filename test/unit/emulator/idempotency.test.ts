// UpdateServiceInstance's clientToken (docs/emulator.md "UpdateServiceInstance"; the order of checks in "Protocol": replay before busy): the same token
// and input replay the first answer and start nothing; the same token with other input is a ValidationException;
// tokens are scoped to the instance and remembered only for calls that succeeded.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ListDeploymentsCommand,
  UpdateServiceInstanceCommand,
  type ServiceInstance,
  type UpdateServiceInstanceCommandInput,
} from '@aws-sdk/client-proton';
import { expectError, loadSeed, pollUntil, seedInstance, seedPath, serviceSpec, useEmulator, getSeededInstance } from '../helpers/emulator';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);
const DEPLOY_MS = 1000;

describe('idempotency (clientToken)', { concurrency: true }, () => {
  const running = useEmulator(['--seed', seedPath(SEED), '--deploy-ms', String(DEPLOY_MS)]);

  const update = async (input: Omit<UpdateServiceInstanceCommandInput, 'serviceName'>): Promise<ServiceInstance> => {
    const out = await running.client.send(new UpdateServiceInstanceCommand({ serviceName: seedInstance(seed, input.name!).serviceName, ...input }));
    assert.ok(out.serviceInstance);
    return out.serviceInstance;
  };
  const get = (name: string): Promise<ServiceInstance> => getSeededInstance(running.client, seed, name);
  const deploymentsOf = async (name: string): Promise<string[]> =>
    ((await running.client.send(new ListDeploymentsCommand({ serviceName: seedInstance(seed, name).serviceName, serviceInstanceName: name })))
      .deployments ?? []).map((d) => d.id ?? '');
  const settled = (name: string): Promise<ServiceInstance> =>
    pollUntil(() => get(name), (si) => si.deploymentStatus !== 'IN_PROGRESS', { timeoutMs: DEPLOY_MS + 5_000, what: `${name} to settle` });

  test('the same token and input replay the first answer, even while it runs and after it finished, and start nothing', async () => {
    const name = 'fe-dev';
    const input = {
      name,
      deploymentType: 'CURRENT_VERSION' as const,
      spec: serviceSpec(name, 'dev', { image: 'nginx:1.26' }),
      clientToken: 'idem-token-1',
    };
    const before = await deploymentsOf(name);
    const first = await update(input);
    assert.equal(first.deploymentStatus, 'IN_PROGRESS');
    // The instance is IN_PROGRESS now; a replay is not a ConflictException (replay is checked before busy).
    const replay = await update(input);
    assert.deepEqual(replay, first, 'the first answer again');
    const during = await deploymentsOf(name);
    assert.equal(during.length, before.length + 1, 'one deployment');
    assert.equal(during[0], first.lastAttemptedDeploymentId);

    const done = await settled(name);
    assert.equal(done.deploymentStatus, 'SUCCEEDED');
    const late = await update(input);
    assert.deepEqual(late, first, 'the stored first answer, after the deployment finished');
    assert.deepEqual(await deploymentsOf(name), during, 'still one deployment');
    const now = await get(name);
    assert.equal(now.deploymentStatus, 'SUCCEEDED', 'the replay did not start a deployment');
    assert.equal(now.lastAttemptedDeploymentId, first.lastAttemptedDeploymentId);

    const calls = (await running.emu.calls()).filter((c) => c.operation === 'UpdateServiceInstance' && (c.input as { clientToken?: string })?.clientToken === 'idem-token-1');
    assert.deepEqual(calls.map((c) => c.status), [200, 200, 200]);
  });

  test('the same token with a different input → ValidationException (before the busy check)', async () => {
    const name = 'fe-ready';
    const input = {
      name,
      deploymentType: 'CURRENT_VERSION' as const,
      spec: serviceSpec(name, 'dev', { image: 'nginx:1.28' }),
      clientToken: 'idem-token-2',
    };
    const first = await update(input);
    const before = await deploymentsOf(name);
    // The instance is busy; the mismatch is still reported as a ValidationException, not a conflict.
    await expectError(update({ ...input, spec: serviceSpec(name, 'dev', { image: 'nginx:1.29' }) }), 'ValidationException', 400);
    await expectError(update({ ...input, deploymentType: 'MINOR_VERSION' }), 'ValidationException', 400);
    const { spec: _spec, ...withoutSpec } = input;
    await expectError(update(withoutSpec), 'ValidationException', 400);
    assert.deepEqual(await deploymentsOf(name), before);
    const now = await get(name);
    assert.equal(now.lastAttemptedDeploymentId, first.lastAttemptedDeploymentId);
    assert.equal(now.deploymentStatus, 'IN_PROGRESS', 'it was busy all along');
    await settled(name);
  });

  test('tokens are scoped to the instance', async () => {
    const a = await update({ name: 'fe-staging', deploymentType: 'CURRENT_VERSION', clientToken: 'idem-shared' });
    const b = await update({ name: 'fe-prod', deploymentType: 'CURRENT_VERSION', clientToken: 'idem-shared' });
    assert.equal(b.name, 'fe-prod');
    assert.equal(b.deploymentStatus, 'IN_PROGRESS');
    assert.notEqual(b.lastAttemptedDeploymentId, a.lastAttemptedDeploymentId);
    assert.equal(b.lastClientRequestToken, 'idem-shared');
    await Promise.all([settled('fe-staging'), settled('fe-prod')]);
  });

  test('a token is remembered only for a call that succeeded', async () => {
    const name = 'be-prod';
    const token = 'idem-after-failure';
    // Refused (an input the schema does not define): not remembered ...
    await expectError(
      update({ name, deploymentType: 'CURRENT_VERSION', clientToken: token, spec: serviceSpec(name, 'prod', { queue: 'jobs', colour: 'red' }) }),
      'ValidationException',
      400,
      'colour',
    );
    // ... so the same token with another input is a new, valid call.
    const ok = await update({ name, deploymentType: 'CURRENT_VERSION', clientToken: token, spec: serviceSpec(name, 'prod', { queue: 'jobs' }) });
    assert.equal(ok.deploymentStatus, 'IN_PROGRESS');
    assert.equal(ok.lastClientRequestToken, token);
    await settled(name);
  });

  test('without a clientToken the SDK fills one in, so two calls are two deployments', async () => {
    const name = 'be-dev';
    const first = await update({ name, deploymentType: 'CURRENT_VERSION' });
    await settled(name);
    const second = await update({ name, deploymentType: 'CURRENT_VERSION' });
    assert.notEqual(second.lastAttemptedDeploymentId, first.lastAttemptedDeploymentId);
    assert.ok(first.lastClientRequestToken && second.lastClientRequestToken);
    assert.notEqual(second.lastClientRequestToken, first.lastClientRequestToken);
    const tokens = (await running.emu.calls())
      .filter((c) => c.operation === 'UpdateServiceInstance' && (c.input as { name?: string })?.name === name)
      .map((c) => (c.input as { clientToken?: string }).clientToken);
    assert.deepEqual(tokens, [first.lastClientRequestToken, second.lastClientRequestToken]);
    await settled(name);
  });
});
