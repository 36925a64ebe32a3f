// Generated seeds for benchmarks: a large, uniform account (unlike the hand-written demo seed), written as a .json
// seed with its specs as mappings, so that the emulator loads it without parsing or writing any YAML.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_TEMPLATE = 'bench-fargate';

const SCHEMA = `schema:
  format:
    openapi: "3.0.0"
  service_input_type: "ServiceInput"
  types:
    ServiceInput:
      type: object
      properties:
        image:
          type: string
          minLength: 1
          maxLength: 200
        port:
          type: number
          default: 80
          minimum: 1
          maximum: 65535
        desired_count:
          type: number
          default: 1
          minimum: 1
          maximum: 10
        task_size:
          type: string
          enum: [x-small, small, medium, large, x-large]
          default: x-small
      required: [image]
`;

export interface GeneratedSeed {
  file: string;
  /** `[serviceName, instanceName]` of every instance, in seed order. */
  instances: Array<[string, string]>;
  cleanup(): void;
}

/**
 * Writes a seed with `instanceCount` instances, `perService` per service (Proton's quota is 20), spread over a
 * few environments, each with its own spec text and two outputs, to a temporary file.
 */
export function writeGeneratedSeed(instanceCount: number, perService = 20): GeneratedSeed {
  const envs = ['dev', 'test', 'staging', 'perf', 'prod'];
  const services: unknown[] = [];
  const instances: Array<[string, string]> = [];
  const serviceCount = Math.ceil(instanceCount / perService);
  for (let s = 0; s < serviceCount; s++) {
    const serviceName = `svc-${String(s).padStart(4, '0')}`;
    const list: unknown[] = [];
    for (let i = 0; i < perService && instances.length < instanceCount; i++) {
      const name = `inst-${String(i).padStart(2, '0')}`;
      const env = envs[i % envs.length];
      instances.push([serviceName, name]);
      const inputs = {
        image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${serviceName}:1.${i}.0`,
        port: 8080,
        desired_count: 1 + (i % 4),
        task_size: ['x-small', 'small', 'medium'][i % 3],
      };
      const spec = { proton: 'ServiceSpec', instances: [{ name, environment: env, spec: inputs }] };
      list.push({
        name,
        environmentName: env,
        templateMajorVersion: '1',
        templateMinorVersion: i % 3 === 0 ? '0' : '1',
        deploymentStatus: 'SUCCEEDED',
        spec,
        outputs: [
          { key: 'ServiceURL', valueString: `https://${serviceName}-${name}.${env}.example.com` },
          { key: 'LogGroupName', valueString: `/proton/${serviceName}/${name}` },
        ],
      });
    }
    services.push({ name: serviceName, templateName: BENCH_TEMPLATE, instances: list });
  }
  const seed = {
    accountId: '123456789012',
    region: 'us-east-1',
    environmentTemplates: [{ name: 'bench-env' }],
    environments: envs.map((name) => ({ name, templateName: 'bench-env', templateMajorVersion: '1', templateMinorVersion: '0' })),
    serviceTemplates: [
      {
        name: BENCH_TEMPLATE,
        versions: ['0', '1'].map((minor) => ({
          majorVersion: '1',
          minorVersion: minor,
          status: 'PUBLISHED',
          schema: SCHEMA,
          compatibleEnvironmentTemplates: [{ templateName: 'bench-env', majorVersion: '1' }],
        })),
      },
    ],
    services,
    components: [],
  };
  const dir = mkdtempSync(join(tmpdir(), 'proton-bench-'));
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(seed, null, 1));
  return { file, instances, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
