// Submit once: the same request is sent again only for retryable failures, a bounded number of times.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { sendWithRetries, SubmitAttemptsError } from '../../../src/core/submitRetry';

const fail = (name: string) => Object.assign(new Error(name), { errorName: name });
const retryable = (e: unknown) => ['NetworkError', 'ThrottlingException'].includes((e as { errorName: string }).errorName);

test('a retryable failure is sent again (same request) until it is answered', async () => {
  const seen: number[] = [];
  const waits: number[] = [];
  const r = await sendWithRetries(async (attempt) => {
    seen.push(attempt);
    if (attempt < 3) throw fail('NetworkError');
    return 'ok';
  }, { delaysMs: [10, 20, 40], isRetryable: retryable, sleep: async (ms) => void waits.push(ms) });
  assert.deepEqual(r, { value: 'ok', attempts: 3 });
  assert.deepEqual(seen, [1, 2, 3]);
  assert.deepEqual(waits, [10, 20]);
});

test('a non-retryable failure ends at once; running out of attempts reports the count', async () => {
  let calls = 0;
  await assert.rejects(
    sendWithRetries(async () => { calls++; throw fail('ConflictException'); }, { delaysMs: [1, 1], isRetryable: retryable, sleep: async () => {} }),
    (e: unknown) => e instanceof SubmitAttemptsError && e.attempts === 1 && (e.cause as Error).message === 'ConflictException',
  );
  assert.equal(calls, 1);
  await assert.rejects(
    sendWithRetries(async () => { throw fail('ThrottlingException'); }, { delaysMs: [1, 1], isRetryable: retryable, sleep: async () => {} }),
    (e: unknown) => e instanceof SubmitAttemptsError && e.attempts === 3,
  );
});

test('a cancelled submit sends nothing more', async () => {
  let calls = 0;
  let cancelled = false;
  await assert.rejects(
    sendWithRetries(async () => { calls++; cancelled = true; throw fail('NetworkError'); }, {
      delaysMs: [1, 1, 1], isRetryable: retryable, sleep: async () => {}, cancelled: () => cancelled,
    }),
    SubmitAttemptsError,
  );
  assert.equal(calls, 1);
});
