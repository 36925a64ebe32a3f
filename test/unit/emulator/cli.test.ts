// The command line (README, "The local Proton emulator"): the first stdout line, --host/--port, clean stops on SIGTERM/SIGINT, and a
// refused command line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ListServicesCommand, UpdateServiceInstanceCommand } from '@aws-sdk/client-proton';
import { EMULATOR_JS, LISTENING_LINE, REPO_ROOT, runEmulatorToExit, seedPath, startEmulator } from '../helpers/emulator';

const SEED = seedPath('account.yaml');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/__emulator/calls`, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

describe('command line', { concurrency: true }, () => {
  test('the first stdout line is exactly "Proton emulator listening on http://HOST:PORT", with the real port for --port 0', async (t) => {
    const emu = await startEmulator(['--host', '127.0.0.1', '--port', '0', '--seed', SEED]);
    t.after(() => emu.stop());
    const match = LISTENING_LINE.exec(emu.firstLine);
    assert.ok(match, emu.firstLine);
    assert.equal(match[2], '127.0.0.1');
    assert.ok(emu.port > 0);
    assert.equal(emu.firstLine, `Proton emulator listening on http://127.0.0.1:${emu.port}`);
    const out = await emu.client().send(new ListServicesCommand({}));
    assert.ok((out.services ?? []).length > 0, 'and it answers there');
  });

  test('--port N listens on N', async (t) => {
    const port = await freePort();
    const emu = await startEmulator(['--port', String(port), '--seed', SEED]);
    t.after(() => emu.stop());
    assert.equal(emu.firstLine, `Proton emulator listening on http://127.0.0.1:${port}`);
    assert.equal((await emu.client().send(new ListServicesCommand({}))).$metadata.httpStatusCode, 200);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`${signal} stops it cleanly: exit code 0, port closed, even with a deployment pending`, async (t) => {
      const emu = await startEmulator(['--seed', SEED, '--deploy-ms', '600000']);
      t.after(() => emu.stop('SIGKILL'));
      const client = emu.client();
      await client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'CURRENT_VERSION' }));
      const started = Date.now();
      const exit = await emu.stop(signal, 5_000);
      assert.deepEqual(exit, { code: 0, signal: null }, `exit after ${signal}; stderr: ${emu.output().stderr}`);
      assert.ok(Date.now() - started < 3_000, 'promptly');
      assert.ok(await refusesConnections(emu.url), 'nothing listens any more');
    });
  }

  test('dist/emulator.js is the package\'s proton-emulator bin, runnable as a script', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    assert.equal(path.normalize(manifest.bin?.['proton-emulator'] ?? ''), path.normalize('dist/emulator.js'));
    assert.equal(readFileSync(EMULATOR_JS, 'utf8').split('\n')[0], '#!/usr/bin/env node');
  });

  test('an unknown flag or a bad flag value is refused with a message', async () => {
    for (const flags of [['--no-such-flag'], ['--throttle-rate', 'lots'], ['--deploy-ms', '-5'], ['--fault-seed', '4294967296'], ['--credentials', 'no-colon']]) {
      const run = await runEmulatorToExit(['--seed', SEED, ...flags]);
      assert.equal(run.timedOut, false, `${flags.join(' ')}: exits by itself`);
      assert.notEqual(run.code, 0, `${flags.join(' ')}: failure exit code`);
      assert.doesNotMatch(run.stdout, /listening/, `${flags.join(' ')}: never listens`);
      assert.ok(run.stderr.trim().length > 0, `${flags.join(' ')}: says why on stderr`);
      assert.ok(run.stderr.includes(flags[0]), `${flags.join(' ')}: names the flag:\n${run.stderr}`);
    }
  });
});
