// SigV4 (docs/emulator.md "Signatures and faults"): with --credentials AKID:SECRET every request must carry a valid signature for that key
// (403 UnrecognizedClientException for an unknown key, InvalidSignatureException for a bad signature); without it any
// credentials are accepted.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { GetServiceInstanceCommand, ListServicesCommand, UpdateServiceInstanceCommand, type ProtonClient } from '@aws-sdk/client-proton';
import { expectError, seedPath, serviceSpec, useEmulator } from '../helpers/emulator';

const SEED = 'account.yaml';
const AKID = 'AKIDEMULATORTEST';
const SECRET = 'emulator/Secret+Key0123456789';

describe('SigV4 with --credentials', { concurrency: true }, () => {
  const running = useEmulator(['--seed', seedPath(SEED), '--credentials', `${AKID}:${SECRET}`]);
  const clientWith = (accessKeyId: string, secretAccessKey: string): ProtonClient =>
    running.emu.client({ credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });

  test('the right key is accepted', async () => {
    const out = await clientWith(AKID, SECRET).send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' }));
    assert.equal(out.serviceInstance?.name, 'fe-dev');
    const listed = await clientWith(AKID, SECRET).send(new ListServicesCommand({ maxResults: 5 }));
    assert.ok((listed.services ?? []).length > 0);
    // A body with multi-byte characters: the payload hash is over bytes, not characters.
    const spec = serviceSpec('be-prod', 'prod', { queue: 'jobs-ünïcødé-✓' });
    await clientWith(AKID, SECRET).send(new UpdateServiceInstanceCommand({ serviceName: 'backend', name: 'be-prod', deploymentType: 'NONE', spec }));
    const after = await clientWith(AKID, SECRET).send(new GetServiceInstanceCommand({ serviceName: 'backend', name: 'be-prod' }));
    assert.equal(after.serviceInstance?.spec, spec);
  });

  test('a wrong secret → 403 InvalidSignatureException', async () => {
    await expectError(
      clientWith(AKID, 'not-the-secret').send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' })),
      'InvalidSignatureException',
      403,
    );
  });

  test('an unknown access key → 403 UnrecognizedClientException', async () => {
    await expectError(
      clientWith('AKIDSOMEONEELSE', SECRET).send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' })),
      'UnrecognizedClientException',
      403,
    );
  });

  /** A client whose requests are changed after signing (the deserialize step runs after finalizeRequest). */
  const tampering = (change: (request: { body?: string; headers: Record<string, string> }) => void): ProtonClient => {
    const client = clientWith(AKID, SECRET);
    client.middlewareStack.add(
      (next) => async (args) => {
        change(args.request as { body?: string; headers: Record<string, string> });
        return next(args);
      },
      { step: 'deserialize', name: 'tamperAfterSigning', priority: 'low' },
    );
    return client;
  };
  const otherBody = JSON.stringify({ serviceName: 'frontend', name: 'fe-prod' });

  test('a body changed after signing → 403 InvalidSignatureException', async () => {
    const bodyOnly = tampering((request) => {
      request.body = otherBody;
      request.headers['content-length'] = String(Buffer.byteLength(otherBody));
    });
    await expectError(bodyOnly.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' })), 'InvalidSignatureException', 403);
    // With a matching x-amz-content-sha256, only the signature itself can tell.
    const withHash = tampering((request) => {
      request.body = otherBody;
      request.headers['content-length'] = String(Buffer.byteLength(otherBody));
      request.headers['x-amz-content-sha256'] = createHash('sha256').update(otherBody).digest('hex');
    });
    await expectError(withHash.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' })), 'InvalidSignatureException', 403);
  });

  test('a signed header changed after signing → 403 InvalidSignatureException', async () => {
    const client = tampering((request) => {
      request.headers['x-amz-target'] = 'AwsProton20200720.ListServiceInstances';
    });
    await expectError(client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' })), 'InvalidSignatureException', 403);
  });

  test('an unsigned request → 403', async () => {
    const raw = await running.emu.op('GetServiceInstance', { serviceName: 'frontend', name: 'fe-dev' });
    assert.equal(raw.status, 403);
    assert.ok(
      ['UnrecognizedClientException', 'InvalidSignatureException', 'MissingAuthenticationTokenException'].includes(raw.json?.__type?.split('#').pop()),
      raw.text,
    );
  });

  test('refused requests are recorded with their 403', async () => {
    await expectError(
      clientWith('AKIDRECORDED', SECRET).send(new ListServicesCommand({})),
      'UnrecognizedClientException',
      403,
    );
    const calls = await running.emu.calls();
    assert.ok(calls.some((c) => c.operation === 'ListServices' && c.status === 403));
  });
});

describe('SigV4 without --credentials', () => {
  const running = useEmulator(['--seed', seedPath(SEED)]);

  test('any credentials are accepted, and so is an unsigned request', async () => {
    for (const [accessKeyId, secretAccessKey] of [['AKIDONE', 'one'], ['AKIDTWO', 'two']]) {
      const out = await running.emu
        .client({ credentials: { accessKeyId, secretAccessKey } })
        .send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' }));
      assert.equal(out.serviceInstance?.name, 'fe-dev');
    }
    const raw = await running.emu.op('GetServiceInstance', { serviceName: 'frontend', name: 'fe-dev' });
    assert.equal(raw.status, 200);
  });
});
