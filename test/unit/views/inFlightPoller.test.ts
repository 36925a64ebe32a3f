// The view's poller against a scripted cache: polls while instances are in flight, reloads by itself after a
// transient failure with a growing delay, and never retries a credentials error.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ProtonRequestError, type ProtonErrorName } from '../../../src/proton/api';
import type { ProtonCache } from '../../../src/proton/cache';
import { InFlightPoller } from '../../../src/views/inFlightPoller';

interface FakeCache {
  snapshot: { instances: { deploymentStatus: string }[] } | undefined;
  status: { loading: boolean; error?: ProtonRequestError };
  loads: number;
  polls: number;
  /** What the next load does: succeed, or fail with this error name. */
  nextLoad: ProtonErrorName | 'ok';
  load(): Promise<unknown>;
  pollInFlight(): Promise<number>;
}

function fakeCache(status: string): FakeCache {
  const c: FakeCache = {
    snapshot: { instances: [{ deploymentStatus: status }] },
    status: { loading: false },
    loads: 0,
    polls: 0,
    nextLoad: 'ok',
    async load() {
      c.loads++;
      if (c.nextLoad === 'ok') {
        c.status = { loading: false };
        return c.snapshot;
      }
      c.status = { loading: false, error: new ProtonRequestError(c.nextLoad, `${c.nextLoad}: test`, 'Load') };
      throw c.status.error;
    },
    async pollInFlight() {
      c.polls++;
      if (c.nextLoad !== 'ok') throw new ProtonRequestError(c.nextLoad, 'poll failed', 'ListServiceInstances');
      c.snapshot = { instances: [{ deploymentStatus: 'SUCCEEDED' }] }; // the deployment ended
      return 0;
    },
  };
  return c;
}

const poller = (c: FakeCache, errors: unknown[]) => new InFlightPoller(c as unknown as ProtonCache, () => 5, () => true, (e) => errors.push(e));

test('polls an in-flight instance once and stops when nothing is in flight', { timeout: 10_000 }, async () => {
  const c = fakeCache('IN_PROGRESS');
  const p = poller(c, []);
  p.kick();
  assert.equal(p.scheduled, true);
  await p.idle();
  assert.equal(c.polls, 1);
  assert.equal(p.scheduled, false);
});

test('a failed poll reloads (the error row), then recovers by itself once Proton answers', { timeout: 10_000 }, async () => {
  const c = fakeCache('IN_PROGRESS');
  const errors: unknown[] = [];
  const p = poller(c, errors);
  c.nextLoad = 'NetworkError';
  p.kick();
  // Wait for the failed poll and its reload, then let Proton come back.
  for (let i = 0; c.loads < 2 && i < 1000; i++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(c.status.error?.errorName, 'NetworkError');
  c.nextLoad = 'ok';
  c.snapshot = { instances: [{ deploymentStatus: 'SUCCEEDED' }] };
  await p.idle();
  assert.equal(c.status.error, undefined, 'recovered without a refresh');
  assert.ok(errors.length >= 2, 'each failure was reported');
});

test('a credentials error is not retried', { timeout: 10_000 }, async () => {
  const c = fakeCache('IN_PROGRESS');
  const p = poller(c, []);
  c.nextLoad = 'CredentialsError';
  p.kick();
  await p.idle();
  assert.equal(c.status.error?.errorName, 'CredentialsError');
  assert.equal(c.polls, 1);
  assert.equal(c.loads, 1);
  p.kick();
  assert.equal(p.scheduled, false, 'kick does nothing while credentials are refused');
});
