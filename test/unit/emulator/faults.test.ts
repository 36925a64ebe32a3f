// Fault injection (docs/emulator.md "Signatures and faults"): --throttle-rate / --error-rate answer that share of requests with 429
// ThrottlingException / 500 InternalServerException before doing anything, and the SDK's standard retry gets through;
// --latency-ms delays every answer; --fault-seed makes the faults reproducible.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  GetServiceInstanceCommand,
  ListDeploymentsCommand,
  ListServiceInstancesCommand,
  UpdateServiceInstanceCommand,
  type ProtonClient,
} from '@aws-sdk/client-proton';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { parse as parseYaml } from 'yaml';
import {
  bulkSeedText,
  expectError,
  loadSeed,
  seedModel,
  seedPath,
  startEmulator,
  type CallRecord,
  type Emulator,
} from '../helpers/emulator';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);

// With a fault rate of 0.3 and 12 attempts, a call fails for good with probability 0.3^12 ≈ 5e-7.
const RATE = 0.3;
const MAX_ATTEMPTS = 12;

describe('faults', { concurrency: true }, () => {
  const running: Emulator[] = [];
  after(() => Promise.all(running.map((e) => e.stop())));
  const start = async (flags: string[]): Promise<Emulator> => {
    const emu = await startEmulator(['--seed', seedPath(SEED), ...flags]);
    running.push(emu);
    return emu;
  };

  /**
   * Calls GetServiceInstance one at a time until at least ten calls were made and three of them needed more than one
   * attempt (bounded), checking every answer; then checks that the emulator's call log is exactly each call's faulted
   * attempts followed by its 200.
   */
  async function retriedToSuccess(emu: Emulator, client: ProtonClient, faultStatus: number): Promise<void> {
    const before = (await emu.calls()).length;
    const attempts: number[] = [];
    const names = seed.instances;
    while (attempts.filter((a) => a > 1).length < 3 || attempts.length < 10) {
      assert.ok(attempts.length < 200, 'enough faults seen within 200 calls');
      const i = names[attempts.length % names.length];
      const out = await client.send(new GetServiceInstanceCommand({ serviceName: i.serviceName, name: i.name }));
      assert.equal(out.serviceInstance?.name, i.name, 'the right answer after retries');
      assert.equal(out.$metadata.httpStatusCode, 200);
      attempts.push(out.$metadata.attempts ?? 1);
    }
    const log = (await emu.calls()).slice(before);
    const expected = attempts.flatMap((n) => [...Array(n - 1).fill(faultStatus), 200]);
    assert.deepEqual(
      log.map((c: CallRecord) => c.status),
      expected,
      'each call: its faulted attempts, then its success',
    );
    assert.ok(log.every((c) => c.operation === 'GetServiceInstance'));
  }

  test('--throttle-rate: 429 ThrottlingException, retried by the SDK to success', async () => {
    const emu = await start(['--throttle-rate', String(RATE)]);
    // The standard strategy with a short fixed backoff (its throttling backoff starts at a second).
    const client = emu.client({ retryStrategy: new ConfiguredRetryStrategy(MAX_ATTEMPTS, 5) });
    await retriedToSuccess(emu, client, 429);
  });

  test('--error-rate: 500 InternalServerException, retried by the SDK\'s standard retry to success', async () => {
    const emu = await start(['--error-rate', String(RATE)]);
    const client = emu.client({ maxAttempts: MAX_ATTEMPTS, retryMode: 'standard' });
    await retriedToSuccess(emu, client, 500);
  });

  test('a faulted request does nothing: a retried UpdateServiceInstance starts one deployment', async () => {
    // Many instances that can each take one CURRENT_VERSION update; deployments never finish during the test.
    const dir = mkdtempSync(path.join(tmpdir(), 'proton-emulator-faults-'));
    const seedFile = path.join(dir, 'bulk.yaml');
    writeFileSync(seedFile, bulkSeedText(60));
    const bulk = seedModel(parseYaml(bulkSeedText(60)));
    const emu = await startEmulator(['--seed', seedFile, '--error-rate', '0.5', '--deploy-ms', '600000']);
    running.push(emu);
    rmSync(dir, { recursive: true, force: true });
    const candidates = bulk.instances.filter((i) => i.deploymentStatus !== 'IN_PROGRESS');
    let retried = 0;
    for (const i of candidates) {
      if (retried >= 2) break;
      // 0.5^30 ≈ 1e-9 per call; a client per instance, so that the retry quota never runs out.
      const client = emu.client({ retryStrategy: new ConfiguredRetryStrategy(30, 2) });
      const before = await client.send(new ListDeploymentsCommand({ serviceName: i.serviceName, serviceInstanceName: i.name }));
      const out = await client.send(
        new UpdateServiceInstanceCommand({ serviceName: i.serviceName, name: i.name, deploymentType: 'CURRENT_VERSION' }),
      );
      assert.equal(out.serviceInstance?.deploymentStatus, 'IN_PROGRESS', `${i.name} updated (no conflict with itself)`);
      const after = await client.send(new ListDeploymentsCommand({ serviceName: i.serviceName, serviceInstanceName: i.name }));
      assert.equal((after.deployments ?? []).length, (before.deployments ?? []).length + 1, `${i.name}: exactly one deployment`);
      assert.equal(after.deployments?.[0]?.id, out.serviceInstance?.lastAttemptedDeploymentId);
      const attempts = out.$metadata.attempts ?? 1;
      if (attempts > 1) {
        retried++;
        const log = (await emu.calls()).filter((c) => c.operation === 'UpdateServiceInstance' && (c.input as { name?: string }).name === i.name);
        assert.deepEqual(log.map((c) => c.status), [...Array(attempts - 1).fill(500), 200], `${i.name}: its 500s, then its success`);
      }
    }
    assert.equal(retried, 2, 'two updates that needed retries');
  });

  test('--throttle-rate 1 and --error-rate 1: the SDK gives up with the typed, retryable exception after maxAttempts', async () => {
    const throttled = await start(['--throttle-rate', '1']);
    const once = throttled.client({ maxAttempts: 1 });
    const error = await expectError(once.send(new ListServiceInstancesCommand({})), 'ThrottlingException', 429);
    assert.equal(error.$retryable?.throttling, true);
    const thrice = throttled.client({ retryStrategy: new ConfiguredRetryStrategy(3, 1) });
    const again = await expectError(thrice.send(new ListServiceInstancesCommand({})), 'ThrottlingException', 429);
    assert.equal(again.$metadata.attempts, 3);
    assert.deepEqual((await throttled.calls()).map((c) => [c.operation, c.status]), Array(4).fill(['ListServiceInstances', 429]));

    const failing = await start(['--error-rate', '1']);
    const client = failing.client({ maxAttempts: 3, retryMode: 'standard' });
    const serverError = await expectError(
      client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' })),
      'InternalServerException',
      500,
    );
    assert.equal(serverError.$metadata.attempts, 3);
    assert.deepEqual((await failing.calls()).map((c) => [c.operation, c.status]), Array(3).fill(['GetServiceInstance', 500]));
  });

  test('--fault-seed: the same seed meets the same faults in the same places; another seed, other places', async () => {
    const statuses = async (seed: string): Promise<number[]> => {
      const emu = await start(['--throttle-rate', '0.5', '--fault-seed', seed]);
      const client = emu.client({ maxAttempts: 1 });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) {
        out.push(await client.send(new ListServiceInstancesCommand({})).then((r) => r.$metadata.httpStatusCode ?? 0, (e: { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode ?? 0));
      }
      assert.deepEqual((await emu.calls()).map((c) => c.status), out, 'the log agrees with what the client saw');
      return out;
    };
    const first = await statuses('8');
    assert.deepEqual(new Set(first), new Set([429, 200]), 'both throttled and answered requests');
    assert.equal(first[0], 429, 'seed 8 throttles the first request (the integration tests rely on it)');
    assert.deepEqual(await statuses('8'), first, 'reproduced');
    assert.notDeepEqual(await statuses('9'), first);
  });

  test('--latency-ms delays every answer, errors included', async () => {
    const LATENCY = 300;
    const emu = await start(['--latency-ms', String(LATENCY)]);
    const client = emu.client({ maxAttempts: 1 });
    let t0 = performance.now();
    await client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' }));
    const ok = performance.now() - t0;
    t0 = performance.now();
    await expectError(client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'no-such' })), 'ResourceNotFoundException', 404);
    const notFound = performance.now() - t0;
    assert.ok(ok >= LATENCY - 5, `success took ${ok} ms`);
    assert.ok(notFound >= LATENCY - 5, `error took ${notFound} ms`);
    assert.ok(ok < LATENCY + 3_000, 'and not much more');
  });
});
