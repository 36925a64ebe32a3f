// --state FILE (docs/emulator.md "Seeds and state"): loaded at start when present, written atomically after each change, so a
// restart, even an abrupt one, loses nothing; without it the emulator starts from the seed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  ListDeploymentsCommand,
  UpdateServiceInstanceCommand,
  type ProtonClient,
  type ServiceInstance,
} from '@aws-sdk/client-proton';
import {
  instanceInputs,
  loadSeed,
  pollUntil,
  runEmulatorToExit,
  seedInstance,
  seedPath,
  serviceSpec,
  startEmulator,
  type Emulator,
  getSeededInstance,
} from '../helpers/emulator';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);

describe('state file', { concurrency: true }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'proton-emulator-state-'));
  const running = new Set<Emulator>();
  after(async () => {
    await Promise.all([...running].map((e) => e.stop()));
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async (flags: string[]): Promise<Emulator> => {
    const emu = await startEmulator(['--seed', seedPath(SEED), ...flags]);
    running.add(emu);
    return emu;
  };
  const stop = async (emu: Emulator, signal?: NodeJS.Signals): Promise<void> => {
    await emu.stop(signal);
    running.delete(emu);
  };
  const get = (client: ProtonClient, name: string): Promise<ServiceInstance> => getSeededInstance(client, seed, name);
  const deploymentsOf = async (client: ProtonClient, name: string): Promise<{ id?: string; deploymentStatus?: string }[]> =>
    (await client.send(new ListDeploymentsCommand({ serviceName: seedInstance(seed, name).serviceName, serviceInstanceName: name })))
      .deployments ?? [];

  test('a clean restart with --state keeps deployments, specs and client tokens', async () => {
    mkdirSync(path.join(dir, 'clean'));
    const stateFile = path.join(dir, 'clean', 'state.json');
    const flags = ['--state', stateFile, '--deploy-ms', '150'];
    const first = await start(flags);
    let client = first.client();
    const update = {
      serviceName: 'frontend',
      name: 'fe-dev',
      deploymentType: 'MINOR_VERSION' as const,
      spec: serviceSpec('fe-dev', 'dev', { image: 'nginx:1.26', replicas: 2 }),
      clientToken: 'state-token-1',
    };
    const answer = (await client.send(new UpdateServiceInstanceCommand(update))).serviceInstance;
    const id = answer?.lastAttemptedDeploymentId;
    const done = await pollUntil(() => get(client, 'fe-dev'), (si) => si.deploymentStatus !== 'IN_PROGRESS', { what: 'fe-dev to settle' });
    assert.equal(done.deploymentStatus, 'SUCCEEDED');
    await client.send(
      new UpdateServiceInstanceCommand({
        serviceName: 'backend',
        name: 'be-dev',
        deploymentType: 'NONE',
        spec: serviceSpec('be-dev', 'dev', { queue: 'jobs-renamed' }),
      }),
    );
    const beforeRestart = await get(client, 'fe-dev');
    const deploymentsBefore = await deploymentsOf(client, 'fe-dev');
    const exit = await stop(first).then(() => first.exited);
    assert.equal(exit.code, 0);
    assert.ok(existsSync(stateFile), 'the state file was written');

    const second = await start(flags);
    client = second.client();
    const after = await get(client, 'fe-dev');
    assert.deepEqual(after, beforeRestart, 'the instance as it was');
    assert.equal(after.templateMinorVersion, '2');
    assert.deepEqual(instanceInputs(after.spec, 'fe-dev'), { image: 'nginx:1.26', replicas: 2 });
    assert.deepEqual(await deploymentsOf(client, 'fe-dev'), deploymentsBefore, 'the deployments as they were');
    assert.equal((await deploymentsOf(client, 'fe-dev'))[0]?.id, id);
    assert.deepEqual(instanceInputs((await get(client, 'be-dev')).spec, 'be-dev'), { queue: 'jobs-renamed' });
    // The client token survives: a replay returns the first answer and starts nothing.
    const replay = (await client.send(new UpdateServiceInstanceCommand(update))).serviceInstance;
    assert.equal(replay?.lastAttemptedDeploymentId, id);
    assert.equal((await deploymentsOf(client, 'fe-dev')).length, deploymentsBefore.length);
    await stop(second);
    // Atomic writes leave no temporary files behind.
    assert.deepEqual(readdirSync(path.dirname(stateFile)), ['state.json']);
  });

  test('each change is written when it happens, not at exit: a killed emulator loses nothing', async () => {
    const stateFile = path.join(dir, 'state-kill.json');
    const flags = ['--state', stateFile, '--deploy-ms', '600000'];
    const first = await start(flags);
    let client = first.client();
    const marker = `nginx:marker-${process.pid}`;
    await client.send(
      new UpdateServiceInstanceCommand({
        serviceName: 'backend',
        name: 'be-prod',
        deploymentType: 'NONE',
        spec: serviceSpec('be-prod', 'prod', { queue: marker }),
      }),
    );
    const started = (
      await client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-staging', deploymentType: 'CURRENT_VERSION' }))
    ).serviceInstance;
    const id = started?.lastAttemptedDeploymentId ?? '';
    await pollUntil(
      async () => (existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : ''),
      (text) => text.includes(marker) && text.includes(id),
      { timeoutMs: 2_000, what: 'both changes in the state file' },
    );
    await stop(first, 'SIGKILL');

    const second = await start(flags);
    client = second.client();
    assert.deepEqual(instanceInputs((await get(client, 'be-prod')).spec, 'be-prod'), { queue: marker });
    const staging = await get(client, 'fe-staging');
    assert.equal(staging.lastAttemptedDeploymentId, started?.lastAttemptedDeploymentId);
    assert.equal((await deploymentsOf(client, 'fe-staging'))[0]?.id, started?.lastAttemptedDeploymentId);
    await stop(second);
  });

  test('a deployment running at a restart still completes after it', async () => {
    const stateFile = path.join(dir, 'state-pending.json');
    const flags = ['--state', stateFile, '--deploy-ms', '700'];
    const first = await start(flags);
    const out = await first
      .client()
      .send(new UpdateServiceInstanceCommand({ serviceName: 'backend', name: 'be-dev', deploymentType: 'MINOR_VERSION' }));
    assert.equal(out.serviceInstance?.deploymentStatus, 'IN_PROGRESS');
    await stop(first);
    const second = await start(flags);
    const client = second.client();
    const done = await pollUntil(() => get(client, 'be-dev'), (si) => si.deploymentStatus !== 'IN_PROGRESS', {
      timeoutMs: 5_000,
      what: 'be-dev to settle after the restart',
    });
    assert.equal(done.deploymentStatus, 'SUCCEEDED');
    assert.equal(done.lastSucceededDeploymentId, out.serviceInstance?.lastAttemptedDeploymentId);
    assert.equal(done.templateMinorVersion, '1');
    await stop(second);
  });

  test('a state file that is not the emulator\'s state is refused, not overwritten', async () => {
    const stateFile = path.join(dir, 'not-state.json');
    writeFileSync(stateFile, '{"this": "is not a state file"');
    const run = await runEmulatorToExit(['--seed', seedPath(SEED), '--state', stateFile]);
    assert.equal(run.timedOut, false);
    assert.notEqual(run.code, 0);
    assert.ok(run.stderr.includes(stateFile), run.stderr);
    assert.equal(readFileSync(stateFile, 'utf8'), '{"this": "is not a state file"', 'left as it was');
  });

  test('without --state a restart starts from the seed again', async () => {
    const first = await start([]);
    await first.client().send(
      new UpdateServiceInstanceCommand({
        serviceName: 'reports',
        name: 'rep-staging',
        deploymentType: 'NONE',
        spec: serviceSpec('rep-staging', 'staging', { queue: 'changed' }),
      }),
    );
    await stop(first);
    const second = await start([]);
    assert.equal((await get(second.client(), 'rep-staging')).spec, seedInstance(seed, 'rep-staging').spec);
    await stop(second);
  });
});
