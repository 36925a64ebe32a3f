// The wire protocol (docs/emulator.md "Protocol"): awsJson1_0 as the real
// @aws-sdk/client-proton speaks it, the model's validation, and what a hand-made request gets.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DeleteServiceCommand,
  GetServiceInstanceCommand,
  GetServiceTemplateVersionCommand,
  ListServiceInstancesCommand,
  ListServicesCommand,
  UpdateServiceInstanceCommand,
} from '@aws-sdk/client-proton';
import { expectError, loadSeed, modelProblems, seedInstance, seedPath, useEmulator } from '../helpers/emulator';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);
const NS = 'com.amazonaws.proton.v20200720#';

describe('protocol', { concurrency: true }, () => {
  const running = useEmulator(['--seed', seedPath(SEED)]);

  test('answers the real SDK with the model shapes, epoch-second timestamps and a request id', async () => {
    const expected = seedInstance(seed, 'fe-dev');
    const out = await running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' }));
    const si = out.serviceInstance;
    assert.ok(si);
    assert.equal(si.name, 'fe-dev');
    assert.equal(si.serviceName, 'frontend');
    assert.equal(si.environmentName, expected.environmentName);
    assert.equal(si.templateName, expected.templateName);
    assert.equal(si.templateMajorVersion, expected.templateMajorVersion);
    assert.equal(si.templateMinorVersion, expected.templateMinorVersion);
    assert.equal(si.deploymentStatus, expected.deploymentStatus);
    assert.equal(si.arn, `arn:aws:proton:${seed.region}:${seed.accountId}:service/frontend/service-instance/fe-dev`);
    for (const key of ['createdAt', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt'] as const) {
      assert.ok(si[key] instanceof Date && !Number.isNaN(si[key].getTime()), `${key} is a date`);
    }
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.ok(out.$metadata.requestId, 'the SDK read x-amzn-RequestId');

    const raw = await running.emu.op('GetServiceInstance', { serviceName: 'frontend', name: 'fe-dev' });
    assert.equal(raw.status, 200);
    assert.match(raw.headers.get('content-type') ?? '', /^application\/x-amz-json-1\.0/);
    assert.ok(raw.headers.get('x-amzn-requestid'), 'x-amzn-RequestId header');
    assert.notEqual(raw.headers.get('x-amzn-requestid'), out.$metadata.requestId, 'a request id per request');
    const rawInstance = raw.json.serviceInstance;
    for (const key of ['createdAt', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt']) {
      assert.equal(typeof rawInstance[key], 'number', `${key} is a JSON number`);
      assert.ok(rawInstance[key] > 1e9 && rawInstance[key] < 1e10, `${key} is in epoch seconds, not ms`);
      assert.equal(rawInstance[key], (si[key as 'createdAt']?.getTime() ?? NaN) / 1000);
    }
  });

  test('every operation answers with the model\'s output shape: its members only, required ones present, typed', async () => {
    const checked: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const call = async (operation: string, input: Record<string, unknown>): Promise<Record<string, any>> => {
      const raw = await running.emu.op(operation, input);
      assert.equal(raw.status, 200, `${operation} ${JSON.stringify(input)}: ${raw.text}`);
      assert.deepEqual(modelProblems(operation, raw.json), [], `${operation} ${JSON.stringify(input)}`);
      checked.push(operation);
      return raw.json;
    };
    await call('ListServices', {});
    await call('GetService', { name: 'frontend' });
    const page = await call('ListServiceInstances', { serviceName: 'frontend', maxResults: 3 });
    await call('ListServiceInstances', { serviceName: 'frontend', maxResults: 3, nextToken: page.nextToken });
    await call('GetServiceInstance', { serviceName: 'frontend', name: 'fe-prod' });
    await call('ListServiceInstanceOutputs', { serviceName: 'frontend', serviceInstanceName: 'fe-dev' });
    await call('ListServiceTemplates', {});
    await call('GetServiceTemplate', { name: 'web' });
    await call('ListServiceTemplateVersions', { templateName: 'web' });
    await call('ListServiceTemplateVersions', { templateName: 'web', majorVersion: '1' });
    await call('GetServiceTemplateVersion', { templateName: 'web', majorVersion: '2', minorVersion: '1' });
    await call('ListEnvironments', {});
    await call('GetEnvironment', { name: 'dev' });
    await call('ListComponents', {});
    await call('GetComponent', { name: 'comp-busy' });
    await call('ListEnvironmentTemplates', {});
    await call('GetEnvironmentTemplate', { name: 'env-base' });
    await call('UpdateServiceInstance', { serviceName: 'reports', name: 'rep-staging', deploymentType: 'NONE', spec: seedInstance(seed, 'rep-staging').spec });
    const updated = await call('UpdateServiceInstance', { serviceName: 'reports', name: 'rep-staging', deploymentType: 'CURRENT_VERSION' });
    await call('ListDeployments', { serviceName: 'reports' });
    await call('GetDeployment', { id: updated.serviceInstance.lastAttemptedDeploymentId });
    await call('CancelServiceInstanceDeployment', { serviceName: 'reports', serviceInstanceName: 'rep-staging' });
    const designed = [
      'ListServices', 'GetService', 'ListServiceInstances', 'GetServiceInstance', 'UpdateServiceInstance',
      'CancelServiceInstanceDeployment', 'ListServiceTemplates', 'GetServiceTemplate', 'ListServiceTemplateVersions',
      'GetServiceTemplateVersion', 'GetEnvironment', 'ListEnvironments', 'ListComponents', 'ListDeployments', 'GetDeployment',
      'ListServiceInstanceOutputs',
    ];
    assert.deepEqual(designed.filter((op) => !checked.includes(op)), [], 'every operation the emulator serves');
  });

  test('errors carry the model status and the namespaced __type', async () => {
    const raw = await running.emu.op('GetServiceInstance', { serviceName: 'frontend', name: 'no-such-instance' });
    assert.equal(raw.status, 404);
    assert.equal(raw.json.__type, `${NS}ResourceNotFoundException`);
    assert.equal(typeof raw.json.message, 'string');
    assert.ok(raw.json.message.length > 0);
    assert.ok(raw.headers.get('x-amzn-requestid'));

    const error = await expectError(
      running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'no-such-instance' })),
      'ResourceNotFoundException',
      404,
    );
    assert.ok(error.$metadata.requestId);
  });

  test('an unknown operation is 400 UnknownOperationException', async () => {
    const raw = await running.emu.raw('AwsProton20200720.FrobnicateServiceInstance', '{}');
    assert.equal(raw.status, 400);
    assert.equal(raw.json.__type.split('#').pop(), 'UnknownOperationException');
    assert.ok(raw.json.message);
  });

  test('a Proton operation the emulator does not implement says so, as UnknownOperationException', async () => {
    const error = await expectError(
      running.client.send(new DeleteServiceCommand({ name: 'frontend' })),
      'UnknownOperationException',
      400,
      'DeleteService',
    );
    assert.match(error.message, /support/i);
    // ... and did nothing.
    const services = await running.client.send(new ListServicesCommand({}));
    assert.ok(services.services?.some((s) => s.name === 'frontend'));
  });

  test('malformed JSON is 400 SerializationException', async () => {
    for (const body of ['{"serviceName": "frontend", "name": ', 'not json at all', '{"a":1}}']) {
      const raw = await running.emu.raw('AwsProton20200720.GetServiceInstance', body);
      assert.equal(raw.status, 400, body);
      assert.equal(raw.json?.__type?.split('#').pop(), 'SerializationException', body);
    }
  });

  test('members of the wrong JSON type are 400 SerializationException', async () => {
    const cases: [string, unknown][] = [
      ['GetServiceInstance', { serviceName: 'frontend', name: 42 }],
      // A wrong type is reported before a missing required member.
      ['GetServiceInstance', { name: 42 }],
      ['ListServiceInstances', { maxResults: 2.5 }],
      ['GetServiceInstance', ['frontend', 'fe-dev']],
      ['ListServiceInstances', { maxResults: '10' }],
      ['ListServiceInstances', { filters: { key: 'name', value: 'fe-dev' } }],
      ['UpdateServiceInstance', { serviceName: 'frontend', name: 'fe-dev', deploymentType: 'NONE', spec: { proton: 'ServiceSpec' } }],
    ];
    for (const [operation, input] of cases) {
      const raw = await running.emu.op(operation, input);
      assert.equal(raw.status, 400, JSON.stringify(input));
      assert.equal(raw.json?.__type?.split('#').pop(), 'SerializationException', JSON.stringify(input));
    }
  });

  test('required members, lengths, patterns and enums are enforced server-side (ValidationException 400)', async () => {
    // The SDK does no client-side validation, so these reach the emulator as sent.
    const cases: [string, Promise<unknown>][] = [
      ['missing name', running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend' } as never))],
      ['missing serviceName', running.client.send(new GetServiceInstanceCommand({ name: 'fe-dev' } as never))],
      ['empty name', running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: '' }))],
      ['name over 100', running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'a'.repeat(101) }))],
      ['name pattern', running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: 'fe dev!' }))],
      ['name starting with _', running.client.send(new GetServiceInstanceCommand({ serviceName: 'frontend', name: '_fe' }))],
      [
        'deploymentType enum',
        running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'SIDEWAYS' as never })),
      ],
      [
        'missing deploymentType',
        running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev' } as never)),
      ],
      [
        'templateMajorVersion pattern',
        running.client.send(
          new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '02' }),
        ),
      ],
      [
        'templateMinorVersion over 20',
        running.client.send(
          new UpdateServiceInstanceCommand({
            serviceName: 'frontend',
            name: 'fe-dev',
            deploymentType: 'MINOR_VERSION',
            templateMinorVersion: '1'.repeat(21),
          }),
        ),
      ],
      [
        'clientToken over 64',
        running.client.send(
          new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'NONE', clientToken: 't'.repeat(65) }),
        ),
      ],
      [
        'clientToken pattern',
        running.client.send(
          new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'NONE', clientToken: 'has space' }),
        ),
      ],
      [
        'spec over 51200',
        running.client.send(
          new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'NONE', spec: '#'.repeat(51201) }),
        ),
      ],
      [
        'empty spec',
        running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'fe-dev', deploymentType: 'NONE', spec: '' })),
      ],
      ['maxResults 0', running.client.send(new ListServiceInstancesCommand({ maxResults: 0 }))],
      ['maxResults 101', running.client.send(new ListServiceInstancesCommand({ maxResults: 101 }))],
      ['ListServices maxResults 101', running.client.send(new ListServicesCommand({ maxResults: 101 }))],
      ['sortBy enum', running.client.send(new ListServiceInstancesCommand({ sortBy: 'colour' as never }))],
      ['sortOrder enum', running.client.send(new ListServiceInstancesCommand({ sortOrder: 'UPWARDS' as never }))],
      ['filter key enum', running.client.send(new ListServiceInstancesCommand({ filters: [{ key: 'colour' as never, value: 'red' }] }))],
      ['nextToken pattern', running.client.send(new ListServiceInstancesCommand({ nextToken: 'not a token!' }))],
      [
        'majorVersion pattern',
        running.client.send(new GetServiceTemplateVersionCommand({ templateName: 'web', majorVersion: 'one', minorVersion: '0' })),
      ],
    ];
    for (const [what, promise] of cases) {
      await expectError(promise, 'ValidationException', 400).catch((e: Error) => {
        e.message = `${what}: ${e.message}`;
        throw e;
      });
    }
  });

  test('the request is checked before resources are looked up', async () => {
    // An unknown instance with an invalid request: the request problem wins.
    await expectError(
      running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'no-such', deploymentType: 'SIDEWAYS' as never })),
      'ValidationException',
      400,
    );
    // The same unknown instance with a valid request: not found.
    await expectError(
      running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'frontend', name: 'no-such', deploymentType: 'CURRENT_VERSION' })),
      'ResourceNotFoundException',
      404,
    );
    await expectError(
      running.client.send(new UpdateServiceInstanceCommand({ serviceName: 'no-such-service', name: 'fe-dev', deploymentType: 'NONE' })),
      'ResourceNotFoundException',
      404,
    );
  });
});
