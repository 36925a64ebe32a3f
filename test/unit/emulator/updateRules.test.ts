// UpdateServiceInstance's rules (docs/emulator.md "UpdateServiceInstance", "Protocol" for the order of checks):
// each rule through the real SDK, with the typed exception and the model's HTTP status; what a successful update
// targets is read back from GetDeployment's targetState.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import {
  GetDeploymentCommand,
  ListDeploymentsCommand,
  UpdateServiceInstanceCommand,
  type ServiceInstance,
  type ServiceInstanceState,
  type UpdateServiceInstanceCommandInput,
} from '@aws-sdk/client-proton';
import {
  expectError,
  instanceInputs,
  loadSeed,
  recommendedMinor,
  recommendedVersion,
  seedInstance,
  seedPath,
  serviceSpec,
  useEmulator,
  getSeededInstance,
} from '../helpers/emulator';

const SEED = 'account.yaml';
const seed = loadSeed(SEED);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Input = Omit<UpdateServiceInstanceCommandInput, 'serviceName' | 'deploymentType'> & {
  deploymentType: UpdateServiceInstanceCommandInput['deploymentType'];
};

describe('UpdateServiceInstance rules', () => {
  // Deployments never finish during these tests: each test sees the seeded state (reset) plus its own calls.
  const running = useEmulator(['--seed', seedPath(SEED), '--deploy-ms', '600000']);
  beforeEach(() => running.emu.reset());

  const update = (input: Input): Promise<{ serviceInstance?: ServiceInstance }> =>
    running.client.send(new UpdateServiceInstanceCommand({ serviceName: seedInstance(seed, input.name!).serviceName, ...input }));
  /** A ServiceSpec for the instance (in its own environment) with these inputs. */
  const spec = (name: string, inputs: Record<string, unknown>): string => serviceSpec(name, seedInstance(seed, name).environmentName, inputs);
  const get = (name: string): Promise<ServiceInstance> => getSeededInstance(running.client, seed, name);
  const deploymentsOf = async (name: string): Promise<string[]> => {
    const out = await running.client.send(
      new ListDeploymentsCommand({ serviceName: seedInstance(seed, name).serviceName, serviceInstanceName: name }),
    );
    return (out.deployments ?? []).map((d) => d.id ?? '');
  };
  /** Starts a deployment and returns what it targets. */
  const deploy = async (input: Input): Promise<ServiceInstanceState & { answer: ServiceInstance }> => {
    const before = await get(input.name!);
    const out = await update(input);
    const answer = out.serviceInstance;
    assert.ok(answer);
    assert.equal(answer.deploymentStatus, 'IN_PROGRESS');
    assert.match(answer.lastAttemptedDeploymentId ?? '', UUID);
    assert.notEqual(answer.lastAttemptedDeploymentId, before.lastAttemptedDeploymentId, 'a new deployment id');
    const deployment = (await running.client.send(new GetDeploymentCommand({ id: answer.lastAttemptedDeploymentId }))).deployment;
    assert.ok(deployment);
    assert.equal(deployment.serviceInstanceName, input.name);
    assert.equal(deployment.targetResourceType, 'SERVICE_INSTANCE');
    const target = deployment.targetState?.serviceInstance;
    assert.ok(target, 'the deployment has a serviceInstance target state');
    return { ...target, answer };
  };
  const versionOf = (s: { templateMajorVersion?: string; templateMinorVersion?: string }): string =>
    `${s.templateMajorVersion}.${s.templateMinorVersion}`;

  describe('busy instances and components', () => {
    for (const name of ['fe-busy', 'fe-cancelling', 'fe-deleting']) {
      test(`${seedInstance(seed, name).deploymentStatus} instance → ConflictException 409, for every deploymentType`, async () => {
        for (const deploymentType of ['NONE', 'CURRENT_VERSION', 'MINOR_VERSION', 'MAJOR_VERSION'] as const) {
          await expectError(update({ name, deploymentType }), 'ConflictException', 409);
        }
      });
    }
    for (const name of ['fe-comp-busy', 'fe-comp-cancelling', 'fe-comp-deleting']) {
      const component = seed.components.find((c) => c.serviceInstanceName === name);
      test(`attached component ${component?.deploymentStatus} → ConflictException 409`, async () => {
        assert.equal(seedInstance(seed, name).deploymentStatus, 'SUCCEEDED', 'the instance itself is not busy');
        await expectError(update({ name, deploymentType: 'CURRENT_VERSION' }), 'ConflictException', 409);
        await expectError(update({ name, deploymentType: 'NONE', spec: spec(name, { image: 'nginx:9' }) }), 'ConflictException', 409);
      });
    }
    test('a component that is not attached, or not busy, does not block', async () => {
      assert.ok(seed.components.some((c) => c.environmentName === 'dev' && !c.serviceInstanceName && c.deploymentStatus === 'IN_PROGRESS'));
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION' });
      assert.ok(seed.components.some((c) => c.serviceInstanceName === 'be-dev' && c.deploymentStatus === 'SUCCEEDED'));
      await deploy({ name: 'be-dev', deploymentType: 'CURRENT_VERSION' });
    });
    test('FAILED and CANCELLED instances can be updated', async () => {
      await deploy({ name: 'fe-failed', deploymentType: 'CURRENT_VERSION' });
      await deploy({ name: 'fe-cancelled', deploymentType: 'CURRENT_VERSION' });
    });
    test('busy is checked before the version rules and the spec', async () => {
      await expectError(update({ name: 'fe-busy', deploymentType: 'NONE', templateMajorVersion: '1' }), 'ConflictException', 409);
      await expectError(
        update({ name: 'fe-busy', deploymentType: 'CURRENT_VERSION', spec: spec('fe-busy', { port: 'eighty' }) }),
        'ConflictException',
        409,
      );
      await expectError(update({ name: 'fe-comp-busy', deploymentType: 'MINOR_VERSION', templateMajorVersion: '2' }), 'ConflictException', 409);
    });
    test('an instance made busy by an update refuses a second update', async () => {
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION' });
      await expectError(update({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION' }), 'ConflictException', 409);
      await expectError(update({ name: 'fe-dev', deploymentType: 'NONE', spec: spec('fe-dev', { image: 'nginx:2' }) }), 'ConflictException', 409);
    });
  });

  describe('NONE and CURRENT_VERSION', () => {
    for (const deploymentType of ['NONE', 'CURRENT_VERSION'] as const) {
      test(`${deploymentType} with a template version → ValidationException 400`, async () => {
        const current = seedInstance(seed, 'fe-dev');
        await expectError(update({ name: 'fe-dev', deploymentType, templateMajorVersion: '2' }), 'ValidationException', 400);
        await expectError(update({ name: 'fe-dev', deploymentType, templateMinorVersion: '2' }), 'ValidationException', 400);
        // Even naming the version already deployed.
        await expectError(
          update({
            name: 'fe-dev',
            deploymentType,
            templateMajorVersion: current.templateMajorVersion,
            templateMinorVersion: current.templateMinorVersion,
          }),
          'ValidationException',
          400,
        );
        await expectError(
          update({ name: 'fe-dev', deploymentType, templateMajorVersion: current.templateMajorVersion }),
          'ValidationException',
          400,
        );
        assert.equal((await get('fe-dev')).deploymentStatus, 'SUCCEEDED', 'nothing started');
      });
    }

    test('NONE updates the spec only: no deployment, same status and versions', async () => {
      const before = await get('fe-dev');
      const deploymentsBefore = await deploymentsOf('fe-dev');
      const newSpec = spec('fe-dev', { image: 'nginx:1.26', port: 8081 });
      const out = await update({ name: 'fe-dev', deploymentType: 'NONE', spec: newSpec });
      const answer = out.serviceInstance;
      assert.equal(answer?.deploymentStatus, before.deploymentStatus);
      assert.equal(answer?.lastAttemptedDeploymentId, before.lastAttemptedDeploymentId);
      assert.equal(answer?.templateMajorVersion, before.templateMajorVersion);
      assert.equal(answer?.templateMinorVersion, before.templateMinorVersion);
      const after = await get('fe-dev');
      assert.deepEqual(instanceInputs(after.spec, 'fe-dev'), { image: 'nginx:1.26', port: 8081 });
      assert.equal(after.deploymentStatus, before.deploymentStatus);
      assert.equal(after.lastAttemptedDeploymentId, before.lastAttemptedDeploymentId);
      assert.equal(after.lastDeploymentAttemptedAt?.getTime(), before.lastDeploymentAttemptedAt?.getTime());
      assert.equal(versionOf(after), versionOf(before));
      assert.deepEqual(await deploymentsOf('fe-dev'), deploymentsBefore, 'no deployment recorded');
    });

    test('CURRENT_VERSION deploys the new spec on the current version', async () => {
      const before = await get('fe-dev');
      const newSpec = spec('fe-dev', { image: 'nginx:1.26' });
      const target = await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: newSpec, clientToken: 'token-current-1' });
      assert.equal(versionOf(target), versionOf(before));
      assert.equal(target.templateName, 'web');
      assert.deepEqual(instanceInputs(target.spec, 'fe-dev'), { image: 'nginx:1.26' });
      assert.equal(target.answer.lastClientRequestToken, 'token-current-1');
      assert.ok((target.answer.lastDeploymentAttemptedAt?.getTime() ?? 0) > (before.lastDeploymentAttemptedAt?.getTime() ?? 0));
      const now = await get('fe-dev');
      assert.equal(now.deploymentStatus, 'IN_PROGRESS');
      assert.equal(now.lastAttemptedDeploymentId, target.answer.lastAttemptedDeploymentId);
      assert.equal(now.lastClientRequestToken, 'token-current-1');
    });

    test('CURRENT_VERSION without a spec redeploys the deployed spec', async () => {
      const target = await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION' });
      assert.deepEqual(instanceInputs(target.spec, 'fe-dev'), instanceInputs(seedInstance(seed, 'fe-dev').spec, 'fe-dev'));
    });
  });

  describe('MINOR_VERSION', () => {
    test('a major other than the current one → ValidationException', async () => {
      await expectError(update({ name: 'fe-dev', deploymentType: 'MINOR_VERSION', templateMajorVersion: '2' }), 'ValidationException', 400);
      await expectError(
        update({ name: 'fe-staging', deploymentType: 'MINOR_VERSION', templateMajorVersion: '1', templateMinorVersion: '2' }),
        'ValidationException',
        400,
      );
    });

    test('no minor → the recommended minor of the current major (never a DRAFT, never another major)', async () => {
      for (const name of ['fe-dev', 'fe-staging', 'be-dev']) {
        await running.emu.reset();
        const i = seedInstance(seed, name);
        const expected = `${i.templateMajorVersion}.${recommendedMinor(seed, i.templateName, i.templateMajorVersion)}`;
        const target = await deploy({ name, deploymentType: 'MINOR_VERSION' });
        assert.equal(versionOf(target), expected, name);
      }
      assert.equal(recommendedMinor(seed, 'web', '1'), '2', 'the seed has a DRAFT 1.3 above the recommended 1.2');
      const explicitMajor = await deploy({ name: 'fe-fail', deploymentType: 'MINOR_VERSION', templateMajorVersion: '1' });
      assert.equal(versionOf(explicitMajor), '1.2');
    });

    test('a named minor must exist (ResourceNotFoundException) and be PUBLISHED (ValidationException)', async () => {
      await expectError(update({ name: 'fe-dev', deploymentType: 'MINOR_VERSION', templateMinorVersion: '7' }), 'ResourceNotFoundException', 404);
      await expectError(update({ name: 'fe-dev', deploymentType: 'MINOR_VERSION', templateMinorVersion: '3' }), 'ValidationException', 400);
      await expectError(
        update({ name: 'fe-staging', deploymentType: 'MINOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '2' }),
        'ValidationException',
        400,
      );
    });

    test('a named PUBLISHED minor is deployed; a lower minor than the current one is allowed', async () => {
      const up = await deploy({
        name: 'fe-dev',
        deploymentType: 'MINOR_VERSION',
        templateMinorVersion: '1',
        spec: spec('fe-dev', { image: 'nginx:1.26', tag: 'v2' }),
      });
      assert.equal(versionOf(up), '1.1');
      const down = await deploy({
        name: 'fe-ready',
        deploymentType: 'MINOR_VERSION',
        templateMajorVersion: '1',
        templateMinorVersion: '0',
        spec: spec('fe-ready', { image: 'nginx:1.27' }),
      });
      assert.equal(versionOf(down), '1.0');
    });

    test('the spec is validated against the target minor\'s schema', async () => {
      // `replicas` exists from web 1.2 on.
      const withReplicas = spec('fe-dev', { image: 'nginx:1.26', replicas: 3 });
      await expectError(update({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: withReplicas }), 'ValidationException', 400, 'replicas');
      const target = await deploy({ name: 'fe-dev', deploymentType: 'MINOR_VERSION', spec: withReplicas });
      assert.equal(versionOf(target), '1.2');
      // Without a spec, the deployed spec must satisfy the target: fe-ready's replicas and tag are unknown to 1.0.
      await running.emu.reset();
      await expectError(
        update({ name: 'fe-ready', deploymentType: 'MINOR_VERSION', templateMinorVersion: '0' }),
        'ValidationException',
        400,
        'replicas',
        'tag',
      );
    });
  });

  describe('MAJOR_VERSION', () => {
    const v2 = (name: string): string => spec(name, { image: 'nginx:2.0', replicas: 2 });

    test('a major not higher than the current one → ValidationException', async () => {
      await expectError(
        update({ name: 'fe-staging', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', spec: v2('fe-staging') }),
        'ValidationException',
        400,
      );
      await expectError(
        update({ name: 'fe-staging', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '1', templateMinorVersion: '2' }),
        'ValidationException',
        400,
      );
    });

    test('a minor without a major → ValidationException', async () => {
      await expectError(
        update({ name: 'fe-dev', deploymentType: 'MAJOR_VERSION', templateMinorVersion: '1', spec: v2('fe-dev') }),
        'ValidationException',
        400,
      );
    });

    test('no major → the template\'s recommended version', async () => {
      const rec = recommendedVersion(seed, 'web');
      assert.ok(rec);
      // fe-ready's deployed spec satisfies web 2.x, so no spec is needed.
      const target = await deploy({ name: 'fe-ready', deploymentType: 'MAJOR_VERSION' });
      assert.equal(versionOf(target), `${rec.major}.${rec.minor}`);
      assert.deepEqual(instanceInputs(target.spec, 'fe-ready'), instanceInputs(seedInstance(seed, 'fe-ready').spec, 'fe-ready'));
    });

    test('no major while already on the recommended major → ValidationException', async () => {
      await expectError(update({ name: 'fe-staging', deploymentType: 'MAJOR_VERSION', spec: v2('fe-staging') }), 'ValidationException', 400);
      await expectError(update({ name: 'fe-prod', deploymentType: 'MAJOR_VERSION' }), 'ValidationException', 400);
      await expectError(update({ name: 'be-dev', deploymentType: 'MAJOR_VERSION' }), 'ValidationException', 400);
    });

    test('a major without a minor → that major\'s recommended minor; major and minor → exactly that', async () => {
      const target = await deploy({ name: 'fe-dev', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', spec: v2('fe-dev') });
      assert.equal(versionOf(target), `2.${recommendedMinor(seed, 'web', '2')}`);
      await running.emu.reset();
      const exact = await deploy({
        name: 'fe-dev',
        deploymentType: 'MAJOR_VERSION',
        templateMajorVersion: '2',
        templateMinorVersion: '0',
        spec: v2('fe-dev'),
      });
      assert.equal(versionOf(exact), '2.0');
      assert.deepEqual(instanceInputs(exact.spec, 'fe-dev'), { image: 'nginx:2.0', replicas: 2 });
    });

    test('a version that does not exist → ResourceNotFoundException', async () => {
      await expectError(
        update({ name: 'fe-dev', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '9', spec: v2('fe-dev') }),
        'ResourceNotFoundException',
        404,
      );
      await expectError(
        update({ name: 'fe-dev', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '7', spec: v2('fe-dev') }),
        'ResourceNotFoundException',
        404,
      );
    });

    test('a major with no PUBLISHED minor, or a DRAFT minor → ValidationException', async () => {
      assert.equal(recommendedMinor(seed, 'web', '3'), undefined, 'web 3 has only DRAFT minors');
      await expectError(
        update({ name: 'fe-dev', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '3', spec: spec('fe-dev', { image: 'nginx:3' }) }),
        'ValidationException',
        400,
      );
      await expectError(
        update({ name: 'fe-dev', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: '2', spec: v2('fe-dev') }),
        'ValidationException',
        400,
      );
    });

    test('the target version must list the environment\'s template and major as compatible', async () => {
      // legacy runs env-legacy 1: web 2.0 lists it, web 2.1 (the recommended minor of 2) does not.
      await expectError(update({ name: 'fe-legacy', deploymentType: 'MAJOR_VERSION', spec: v2('fe-legacy') }), 'ValidationException', 400);
      await expectError(
        update({ name: 'fe-legacy', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', spec: v2('fe-legacy') }),
        'ValidationException',
        400,
      );
      const ok = await deploy({
        name: 'fe-legacy',
        deploymentType: 'MAJOR_VERSION',
        templateMajorVersion: '2',
        templateMinorVersion: '0',
        spec: v2('fe-legacy'),
      });
      assert.equal(versionOf(ok), '2.0');
      // edge runs env-base 2: web 2.x lists env-base 1 only (template name matches, major does not).
      for (const minor of ['0', '1']) {
        await expectError(
          update({ name: 'fe-edge', deploymentType: 'MAJOR_VERSION', templateMajorVersion: '2', templateMinorVersion: minor, spec: v2('fe-edge') }),
          'ValidationException',
          400,
        );
      }
    });

    test('without a spec, the deployed spec is validated against the target schema, naming every problem', async () => {
      // fe-dev's spec (web 1.0): no replicas (required in 2.x), port 80 (2.x minimum 1024), hostname (unknown to 2.x).
      await expectError(update({ name: 'fe-dev', deploymentType: 'MAJOR_VERSION' }), 'ValidationException', 400, 'replicas', 'port', 'hostname');
      assert.equal((await get('fe-dev')).deploymentStatus, 'SUCCEEDED');
    });
  });

  describe('spec', () => {
    const current = (inputs: Record<string, unknown>): Promise<unknown> =>
      update({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', inputs) });
    const invalid = (inputs: Record<string, unknown>, ...named: string[]): Promise<unknown> =>
      expectError(current(inputs), 'ValidationException', 400, ...named);

    test('must be a YAML ServiceSpec with an instances entry for the instance in its environment', async () => {
      const cases = [
        'proton: [ServiceSpec\ninstances: {',
        'just a string',
        'proton: EnvironmentSpec\nspec:\n  image: nginx:1.25\n',
        'instances:\n  - name: fe-dev\n    environment: dev\n    spec:\n      image: nginx:1.25\n',
        serviceSpec('fe-other', 'dev', { image: 'nginx:1.25' }),
        serviceSpec('fe-dev', 'prod', { image: 'nginx:1.25' }),
        'proton: ServiceSpec\ninstances: {}\n',
      ];
      for (const text of cases) {
        await expectError(update({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: text }), 'ValidationException', 400).catch(
          (e: Error) => {
            e.message = `${JSON.stringify(text)}: ${e.message}`;
            throw e;
          },
        );
      }
      await expectError(
        update({ name: 'fe-dev', deploymentType: 'NONE', spec: serviceSpec('fe-other', 'dev', { image: 'nginx:1.25' }) }),
        'ValidationException',
        400,
        'fe-dev',
      );
    });

    test('required inputs without a default must be given', async () => {
      await invalid({ port: 8080 }, 'image');
      // `region` is required but has a default.
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', { image: 'nginx:1.26' }) });
    });

    test('types', async () => {
      await invalid({ image: 'nginx:1.26', port: 'eighty' }, 'port');
      await invalid({ image: 42 }, 'image');
      await invalid({ image: 'nginx:1.26', debug: 'yes' }, 'debug');
      await invalid({ image: 'nginx:1.26', size: ['small'] }, 'size');
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', { image: 'nginx:1.26', port: 8080, debug: true }) });
    });

    test('enum', async () => {
      await invalid({ image: 'nginx:1.26', size: 'huge' }, 'size');
      await invalid({ image: 'nginx:1.26', size: 'SMALL' }, 'size');
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', { image: 'nginx:1.26', size: 'large' }) });
    });

    test('pattern, as an unanchored ECMAScript regex', async () => {
      // hostname: "^[a-z][a-z0-9-]*$" (anchored by the schema itself)
      await invalid({ image: 'nginx:1.26', hostname: 'Front_End' }, 'hostname');
      await invalid({ image: 'nginx:1.26', hostname: '9lives' }, 'hostname');
      // tag (web 1.1+): "v[0-9]+" without anchors matches anywhere in the value.
      const ready = (tag: string): Promise<unknown> =>
        update({ name: 'fe-ready', deploymentType: 'CURRENT_VERSION', spec: spec('fe-ready', { image: 'nginx:1.27', tag }) });
      await expectError(ready('release'), 'ValidationException', 400, 'tag');
      await expectError(ready('v'), 'ValidationException', 400, 'tag');
      const target = await deploy({
        name: 'fe-ready',
        deploymentType: 'CURRENT_VERSION',
        spec: spec('fe-ready', { image: 'nginx:1.27', tag: 'release-v12-final' }),
      });
      assert.equal(instanceInputs(target.spec, 'fe-ready').tag, 'release-v12-final');
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', { image: 'nginx:1.26', hostname: 'web-1' }) });
    });

    test('minimum and maximum, inclusive', async () => {
      await invalid({ image: 'nginx:1.26', port: 0 }, 'port');
      await invalid({ image: 'nginx:1.26', port: 65536 }, 'port');
      await invalid({ image: 'nginx:1.26', port: -80 }, 'port');
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', { image: 'nginx:1.26', port: 65535 }) });
      await running.emu.reset();
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', { image: 'nginx:1.26', port: 1 }) });
    });

    test('minLength and maxLength, inclusive', async () => {
      await invalid({ image: 'ab' }, 'image');
      await invalid({ image: 'x'.repeat(41) }, 'image');
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', { image: 'abc' }) });
      await running.emu.reset();
      await deploy({ name: 'fe-dev', deploymentType: 'CURRENT_VERSION', spec: spec('fe-dev', { image: 'x'.repeat(40) }) });
    });

    test('inputs the schema does not define are refused', async () => {
      await invalid({ image: 'nginx:1.26', colour: 'red' }, 'colour');
    });

    test('every problem is named in one ValidationException', async () => {
      await invalid({ port: 0, size: 'huge', colour: 'red', hostname: 'Bad Host' }, 'image', 'port', 'size', 'colour', 'hostname');
      assert.equal((await get('fe-dev')).deploymentStatus, 'SUCCEEDED', 'nothing started');
    });

    test('only the instance\'s own entry is validated; the whole ServiceSpec is stored', async () => {
      const text = [
        'proton: ServiceSpec',
        'instances:',
        '  - name: fe-dev',
        '    environment: dev',
        '    spec:',
        '      image: "nginx:1.30"',
        '  - name: fe-somewhere-else',
        '    environment: prod',
        '    spec:',
        '      whatever: 1',
        '',
      ].join('\n');
      await update({ name: 'fe-dev', deploymentType: 'NONE', spec: text });
      const stored = (await get('fe-dev')).spec;
      assert.deepEqual(instanceInputs(stored, 'fe-dev'), { image: 'nginx:1.30' });
      assert.deepEqual(instanceInputs(stored, 'fe-somewhere-else'), { whatever: 1 });
    });

    test('defaults are applied when validating but not written into the stored spec', async () => {
      await update({ name: 'fe-dev', deploymentType: 'NONE', spec: spec('fe-dev', { image: 'nginx:1.26' }) });
      assert.deepEqual(instanceInputs((await get('fe-dev')).spec, 'fe-dev'), { image: 'nginx:1.26' });
    });

    test('"${Proton::CURRENT_VAL}" keeps the deployed value, and the stored spec holds it resolved', async () => {
      const deployed = instanceInputs(seedInstance(seed, 'fe-dev').spec, 'fe-dev');
      await update({
        name: 'fe-dev',
        deploymentType: 'NONE',
        spec: spec('fe-dev', { image: '${Proton::CURRENT_VAL}', port: '${Proton::CURRENT_VAL}', size: 'medium' }),
      });
      const stored = (await get('fe-dev')).spec ?? '';
      assert.ok(!stored.includes('CURRENT_VAL'), 'resolved in the stored spec');
      assert.deepEqual(instanceInputs(stored, 'fe-dev'), { image: deployed.image, port: deployed.port, size: 'medium' });
      // The same through a deployment's target state.
      await running.emu.reset();
      const target = await deploy({
        name: 'fe-dev',
        deploymentType: 'CURRENT_VERSION',
        spec: spec('fe-dev', { image: '${Proton::CURRENT_VAL}', hostname: '${Proton::CURRENT_VAL}' }),
      });
      assert.deepEqual(instanceInputs(target.spec, 'fe-dev'), { image: deployed.image, hostname: deployed.hostname });
    });

    test('"${Proton::CURRENT_VAL}" with nothing deployed for that input → ValidationException', async () => {
      assert.equal(instanceInputs(seedInstance(seed, 'fe-ready').spec, 'fe-ready').hostname, undefined);
      await expectError(
        update({
          name: 'fe-ready',
          deploymentType: 'CURRENT_VERSION',
          spec: spec('fe-ready', { image: 'nginx:1.27', hostname: '${Proton::CURRENT_VAL}' }),
        }),
        'ValidationException',
        400,
        'hostname',
      );
    });
  });
});
