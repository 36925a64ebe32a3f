// Resolving the connection from settings, the environment and the profiles; which errors mean what.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ProtonRequestError } from '../../../src/proton/api';
import { hasCredentialSources, isLoopbackEndpoint, resolveConnection, sharedFilePaths } from '../../../src/proton/connection';
import { adoptGateway, toProtonError } from '../../../src/proton/errors';

const profiles = [
  { name: 'default', region: 'us-west-2', sources: ['config' as const] },
  { name: 'alpha', region: 'eu-west-1', sources: ['config' as const] },
  { name: 'bare', sources: ['credentials' as const] },
];

test('region: the setting, then a chosen profile, then AWS_REGION, then the effective profile, then us-east-1 (said so)', () => {
  const r = (settings: object, env: Record<string, string> = {}, p = profiles) => {
    const c = resolveConnection(settings, env, p);
    return [c.region, c.regionSource];
  };
  assert.deepEqual(r({ region: 'ca-central-1', profile: 'alpha' }, { AWS_REGION: 'eu-central-1' }), ['ca-central-1', 'setting']);
  assert.deepEqual(r({ profile: 'alpha' }, { AWS_REGION: 'eu-central-1' }), ['eu-west-1', 'profile']);
  assert.deepEqual(r({}, { AWS_REGION: 'eu-central-1' }), ['eu-central-1', 'environment']);
  assert.deepEqual(r({}, { AWS_PROFILE: 'alpha' }), ['eu-west-1', 'profile']);
  assert.deepEqual(r({}), ['us-west-2', 'profile']);
  assert.deepEqual(r({ profile: 'bare' }), ['us-east-1', 'default'], 'a chosen profile without a region does not borrow the default profile\'s');
  assert.deepEqual(r({}, {}, []), ['us-east-1', 'default']);
});

test('labels: profile · region, the default chain, or the emulator for a loopback endpoint', () => {
  assert.equal(resolveConnection({ profile: 'alpha' }, {}, profiles).label, 'alpha · eu-west-1');
  assert.equal(resolveConnection({}, {}, []).label, 'default chain · us-east-1 (default)');
  const emu = resolveConnection({ endpoint: 'http://127.0.0.1:4566' }, {}, []);
  assert.equal(emu.label, 'Proton emulator · us-east-1 (default)');
  assert.equal(emu.isEmulator, true);
  assert.equal(resolveConnection({ endpoint: 'https://proton.example.com' }, {}, []).isEmulator, false);
});

test('loopback endpoints', () => {
  for (const e of ['http://127.0.0.1:1', 'http://localhost:4566', 'http://[::1]:80', 'http://127.1.2.3']) assert.ok(isLoopbackEndpoint(e), e);
  for (const e of ['https://proton.us-east-1.amazonaws.com', 'not a url', '', undefined]) assert.ok(!isLoopbackEndpoint(e), String(e));
});

test('the shared files follow AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE; credential sources are found without a request', () => {
  assert.deepEqual(sharedFilePaths({ HOME: '/h' }), { config: '/h/.aws/config', credentials: '/h/.aws/credentials' });
  assert.deepEqual(sharedFilePaths({ HOME: '/h', AWS_CONFIG_FILE: '/c', AWS_SHARED_CREDENTIALS_FILE: '/k' }), { config: '/c', credentials: '/k' });
  assert.equal(hasCredentialSources({}, []), false);
  assert.equal(hasCredentialSources({ AWS_ACCESS_KEY_ID: 'x' }, []), true);
  assert.equal(hasCredentialSources({}, profiles), true);
});

test("errors: Proton's names with what to do, credentials, network, cancellation; the server's words last", () => {
  const conflict = toProtonError({ name: 'ConflictException', message: 'busy', $metadata: { httpStatusCode: 409, requestId: 'r1' } }, 'UpdateServiceInstance');
  assert.equal(conflict.errorName, 'ConflictException');
  assert.match(conflict.message, /conflicting operation.*: busy$/);
  assert.equal(conflict.requestId, 'r1');
  assert.equal(conflict.httpStatus, 409);
  assert.equal(toProtonError({ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, 'X').errorName, 'CredentialsError');
  assert.equal(toProtonError({ name: 'ExpiredTokenException', message: 'The security token included in the request is expired' }, 'X').errorName, 'CredentialsError');
  const net = toProtonError({ name: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' }, 'X', 'http://127.0.0.1:1');
  assert.equal(net.errorName, 'NetworkError');
  assert.match(net.message, /http:\/\/127\.0\.0\.1:1 \(ECONNREFUSED/);
  assert.equal(toProtonError({ name: 'AbortError' }, 'X').errorName, 'Cancelled');
  assert.equal(toProtonError({ name: 'ThrottlingException', message: 'slow down' }, 'X').errorName, 'ThrottlingException');
  assert.equal(toProtonError(new Error('boom'), 'X').errorName, 'Unknown');
});

test('a ProtonRequestError from the other bundle becomes this bundle\'s, through the adopted gateway too', async () => {
  const foreign = Object.assign(new Error('m'), { name: 'ProtonRequestError', errorName: 'ValidationException', operation: 'Op', httpStatus: 400 });
  const mapped = toProtonError(foreign, 'X');
  assert.ok(mapped instanceof ProtonRequestError);
  assert.equal(mapped.errorName, 'ValidationException');
  const gw = adoptGateway({ listEnvironments: () => Promise.reject(foreign) } as never);
  await assert.rejects(gw.listEnvironments(), (e: unknown) => e instanceof ProtonRequestError && e.errorName === 'ValidationException');
});
