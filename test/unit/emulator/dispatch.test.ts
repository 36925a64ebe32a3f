// The protocol dispatch without a socket: a request in (method, URL, headers, body), Proton's answer out. The wire
// tests cover the same end to end through the SDK; these show the dispatch on its own, in milliseconds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { handleProtocolRequest, type ProtocolContext } from '../../../src/emulator/protocol';
import { readSeed, stateFromSeed } from '../../../src/emulator/seed';
import { Store } from '../../../src/emulator/store';
import { seedPath } from '../helpers/emulator';

function context(faults: Partial<ProtocolContext['faults']> = {}): ProtocolContext {
  const seed = readSeed(seedPath('account.yaml'));
  const store = new Store(() => stateFromSeed(seed, 1_700_000_000), 600_000, undefined);
  return { store, faults: { throttleRate: 0, errorRate: 0, latencyMs: 0, ...faults } };
}

const request = (operation: string | undefined, body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  url: '/',
  headers: {
    'content-type': 'application/x-amz-json-1.0',
    ...(operation === undefined ? {} : { 'x-amz-target': `AwsProton20200720.${operation}` }),
    ...headers,
  },
  body: Buffer.from(body),
});

describe('protocol dispatch', () => {
  const ctx = context();

  test('an operation answers its output shape; the call names the operation and the parsed input', async () => {
    const call = handleProtocolRequest(ctx, request('GetServiceInstance', '{"serviceName":"frontend","name":"fe-dev"}'));
    assert.equal(call.operation, 'GetServiceInstance');
    assert.deepEqual(call.input, { serviceName: 'frontend', name: 'fe-dev' });
    const { status, body } = await call.answer;
    assert.equal(status, 200);
    assert.equal((body as { serviceInstance: { name: string } }).serviceInstance.name, 'fe-dev');
  });

  const errors: [why: string, req: ReturnType<typeof request> & { method?: string; url?: string }, status: number, type: string][] = [
    ['malformed JSON', request('ListServices', '{not json'), 400, 'SerializationException'],
    ['a JSON array', request('ListServices', '[]'), 400, 'SerializationException'],
    ['another content type', request('ListServices', '{}', { 'content-type': 'application/json' }), 400, 'SerializationException'],
    ['no target', request(undefined, '{}'), 400, 'UnknownOperationException'],
    ['an operation the emulator does not serve', request('CreateService', '{}'), 400, 'UnknownOperationException'],
    ['a GET', { ...request('ListServices', '{}'), method: 'GET' }, 400, 'UnknownOperationException'],
    ['a missing member', request('GetService', '{}'), 400, 'ValidationException'],
    ['a member of the wrong type', request('GetService', '{"name":5}'), 400, 'SerializationException'],
    ['a resource that does not exist', request('GetService', '{"name":"nobody"}'), 404, 'ResourceNotFoundException'],
  ];
  for (const [why, req, status, type] of errors) {
    test(`${why} → ${status} ${type}`, async () => {
      const out = await handleProtocolRequest(ctx, req).answer;
      assert.equal(out.status, status);
      assert.equal((out.body as { __type: string }).__type, `com.amazonaws.proton.v20200720#${type}`);
    });
  }

  test('a body that is not JSON is logged as its text', () => {
    assert.equal(handleProtocolRequest(ctx, request('ListServices', '{not json')).input, '{not json');
  });

  test('an injected fault comes before anything else', async () => {
    const out = await handleProtocolRequest(context({ throttleRate: 1 }), request(undefined, 'not even json')).answer;
    assert.equal(out.status, 429);
  });

  test('with credentials, an unsigned request is refused before the operation runs', async () => {
    const signed = { ...context(), credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' } };
    const out = await handleProtocolRequest(signed, request('ListServices', '{}')).answer;
    assert.equal(out.status, 403);
    assert.equal((out.body as { __type: string }).__type, 'com.amazonaws.proton.v20200720#UnrecognizedClientException');
  });
});
