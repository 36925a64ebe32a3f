// The seed as the tests read it, to derive what the emulator must answer (versions by src/core's rules), and
// generated seeds for bulk tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  GetServiceInstanceCommand,
  paginateListServiceInstances,
  type ListServiceInstancesCommandInput,
  type ProtonClient,
  type ServiceInstance,
  type ServiceInstanceSummary,
} from '@aws-sdk/client-proton';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  deployedVersionStatus,
  recommendedMinor as coreRecommendedMinor,
  recommendedVersion as coreRecommendedVersion,
  type VersionRef,
} from '../../../src/core/templateVersions';
import { seedPath } from './paths';

export interface SeedVersion {
  majorVersion: string;
  minorVersion: string;
  status: string;
  schema?: string;
  description?: string;
  compatibleEnvironmentTemplates: { templateName: string; majorVersion: string }[];
}
export interface SeedTemplate {
  name: string;
  displayName?: string;
  versions: SeedVersion[];
}
export interface SeedInstance {
  serviceName: string;
  templateName: string;
  name: string;
  environmentName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
  deploymentStatus: string;
  spec?: string;
  outputs?: { key: string; valueString: string }[];
  failNextDeployment?: boolean;
  createdAt?: string;
}
export interface SeedComponent {
  name: string;
  environmentName: string;
  serviceName?: string;
  serviceInstanceName?: string;
  deploymentStatus: string;
}
export interface SeedEnvironment {
  name: string;
  templateName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
}
export interface SeedModel {
  accountId: string;
  region: string;
  environments: SeedEnvironment[];
  serviceTemplates: SeedTemplate[];
  services: { name: string; templateName: string; spec?: string }[];
  instances: SeedInstance[];
  components: SeedComponent[];
}

const str = (v: unknown): string => String(v);

/** Reads a seed file (under test/fixtures/seeds unless absolute) into the model the tests compute with. */
export function loadSeed(file: string): SeedModel {
  const raw = parseYaml(readFileSync(path.isAbsolute(file) ? file : seedPath(file), 'utf8'));
  return seedModel(raw);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function seedModel(raw: any): SeedModel {
  return {
    accountId: str(raw.accountId),
    region: str(raw.region),
    environments: (raw.environments ?? []).map((e: SeedEnvironment) => ({
      name: e.name,
      templateName: e.templateName,
      templateMajorVersion: str(e.templateMajorVersion),
      templateMinorVersion: str(e.templateMinorVersion),
    })),
    serviceTemplates: (raw.serviceTemplates ?? []).map((t: SeedTemplate) => ({
      name: t.name,
      displayName: t.displayName,
      versions: t.versions.map((v) => ({
        ...v,
        majorVersion: str(v.majorVersion),
        minorVersion: str(v.minorVersion),
        compatibleEnvironmentTemplates: v.compatibleEnvironmentTemplates.map((c) => ({
          templateName: c.templateName,
          majorVersion: str(c.majorVersion),
        })),
      })),
    })),
    services: (raw.services ?? []).map((s: { name: string; templateName: string; spec?: string }) => ({
      name: s.name,
      templateName: s.templateName,
      spec: s.spec,
    })),
    instances: (raw.services ?? []).flatMap((s: { name: string; templateName: string; instances?: SeedInstance[] }) =>
      (s.instances ?? []).map((i) => ({
        ...i,
        serviceName: s.name,
        templateName: s.templateName,
        templateMajorVersion: str(i.templateMajorVersion),
        templateMinorVersion: str(i.templateMinorVersion),
        deploymentStatus: i.deploymentStatus ?? 'SUCCEEDED',
      })),
    ),
    components: raw.components ?? [],
  };
}

export function seedTemplate(seed: SeedModel, name: string): SeedTemplate {
  const template = seed.serviceTemplates.find((t) => t.name === name);
  assert.ok(template, `seed has service template ${name}`);
  return template;
}

/** The template's recommended version, by src/core's rule (its own tests are tables in test/unit/core). */
export function recommendedVersion(seed: SeedModel, templateName: string): VersionRef | undefined {
  return coreRecommendedVersion(seedTemplate(seed, templateName));
}

/** A major's recommended minor, by src/core's rule. */
export function recommendedMinor(seed: SeedModel, templateName: string, major: string): string | undefined {
  return coreRecommendedMinor(seedTemplate(seed, templateName), major);
}

/** UP_TO_DATE / BEHIND_MINOR / BEHIND_MAJOR against the template's recommended version, by src/core's rule. */
export function versionStatus(seed: SeedModel, instance: SeedInstance): string {
  assert.ok(recommendedVersion(seed, instance.templateName), `template ${instance.templateName} has a recommended version`);
  return deployedVersionStatus(seedTemplate(seed, instance.templateName), instance.templateMajorVersion, instance.templateMinorVersion);
}

export function seedInstance(seed: SeedModel, name: string): SeedInstance {
  const instance = seed.instances.find((i) => i.name === name);
  assert.ok(instance, `seed has instance ${name}`);
  return instance;
}

/** GetServiceInstance for a seeded instance, by its name alone. */
export async function getSeededInstance(client: ProtonClient, seed: SeedModel, name: string): Promise<ServiceInstance> {
  const out = await client.send(new GetServiceInstanceCommand({ serviceName: seedInstance(seed, name).serviceName, name }));
  assert.ok(out.serviceInstance);
  return out.serviceInstance;
}

/** The inputs of one instance in a ServiceSpec text (its `instances[name].spec`). */
export function instanceInputs(specText: string | undefined, instanceName: string): Record<string, unknown> {
  assert.ok(specText, `a spec for ${instanceName}`);
  const doc = parseYaml(specText) as { proton?: string; instances?: { name: string; spec?: Record<string, unknown> }[] };
  assert.equal(doc.proton, 'ServiceSpec');
  const entry = doc.instances?.find((i) => i.name === instanceName);
  assert.ok(entry, `the spec has an instances entry named ${instanceName}`);
  return entry.spec ?? {};
}

/** A ServiceSpec text for one instance with the given inputs. */
export function serviceSpec(instanceName: string, environment: string, inputs: Record<string, unknown>): string {
  return stringifyYaml({ proton: 'ServiceSpec', instances: [{ name: instanceName, environment, spec: inputs }] });
}

/** The default order of ListServiceInstances: serviceName, then instance name. */
export function byServiceThenName(a: { serviceName?: string; name?: string }, b: { serviceName?: string; name?: string }): number {
  return cmp(a.serviceName ?? '', b.serviceName ?? '') || cmp(a.name ?? '', b.name ?? '');
}

export function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every instance, following nextToken to the end. */
export async function listAllInstances(
  client: ProtonClient,
  input: ListServiceInstancesCommandInput = {},
): Promise<ServiceInstanceSummary[]> {
  const all: ServiceInstanceSummary[] = [];
  for await (const page of paginateListServiceInstances({ client }, input)) all.push(...(page.serviceInstances ?? []));
  return all;
}

/** A small deterministic pseudo-random sequence (LCG), so that generated seeds are the same on every run. */
export function lcg(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const BULK_STATUSES = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'IN_PROGRESS', 'DELETE_FAILED'];

/**
 * A seed with `count` instances spread (deterministically, in shuffled order) over services svc-a..., environments
 * and versions of one template "app" (1.0, 1.1, 2.0 PUBLISHED; no required inputs), with timestamps of their own.
 */
export function bulkSeedText(count: number, servicesCount = 7): string {
  const random = lcg(20261007);
  const services = Array.from({ length: servicesCount }, (_, n) => ({
    name: `svc-${String.fromCharCode(97 + n)}`,
    templateName: 'app',
    instances: [] as Record<string, unknown>[],
  }));
  const order = Array.from({ length: count }, (_, n) => n);
  for (let n = order.length - 1; n > 0; n--) {
    const k = Math.floor(random() * (n + 1));
    [order[n], order[k]] = [order[k], order[n]];
  }
  const versions = [['1', '0'], ['1', '1'], ['2', '0']];
  const environments = ['e-dev', 'e-test', 'e-prod'];
  const base = Date.parse('2025-06-01T00:00:00Z');
  for (const n of order) {
    const [major, minor] = versions[Math.floor(random() * versions.length)];
    const created = base + Math.floor(random() * 90 * 86400) * 1000;
    services[n % servicesCount].instances.push({
      name: `inst-${String(n).padStart(3, '0')}`,
      environmentName: environments[Math.floor(random() * environments.length)],
      templateMajorVersion: major,
      templateMinorVersion: minor,
      deploymentStatus: BULK_STATUSES[Math.floor(random() * BULK_STATUSES.length)],
      createdAt: new Date(created).toISOString(),
      lastDeploymentAttemptedAt: new Date(created + Math.floor(random() * 30 * 86400) * 1000).toISOString(),
    });
  }
  const schema = [
    'schema:',
    '  format:',
    '    openapi: "3.0.0"',
    '  service_input_type: "AppInput"',
    '  types:',
    '    AppInput:',
    '      type: object',
    '      properties:',
    '        image:',
    '          type: string',
    '          default: "app:latest"',
    '',
  ].join('\n');
  return stringifyYaml({
    accountId: '444455556666',
    region: 'eu-west-1',
    environmentTemplates: [{ name: 'env-t' }],
    environments: environments.map((name) => ({ name, templateName: 'env-t', templateMajorVersion: '1', templateMinorVersion: '0' })),
    serviceTemplates: [
      {
        name: 'app',
        versions: versions.map(([majorVersion, minorVersion]) => ({
          majorVersion,
          minorVersion,
          status: 'PUBLISHED',
          schema,
          compatibleEnvironmentTemplates: [{ templateName: 'env-t', majorVersion: '1' }],
        })),
      },
    ],
    // Services in shuffled order too, so that the listing order has to be made by sorting.
    services: [...services].sort(() => random() - 0.5),
    components: [],
  });
}
