// A small Proton account for the checker tests: one template with published, DRAFT and incompatible versions,
// instances in every situation the version rules distinguish, and schemas using every keyword the checker reports.
import { factsFromSeed } from './seedFacts';

const S1 = `
schema:
  format: {openapi: "3.0.0"}
  service_input_type: "Svc"
  pipeline_input_type: "Pipe"
  types:
    Svc:
      type: object
      properties:
        image: {type: string, description: "The container image", minLength: 1, maxLength: 30}
        size: {type: string, enum: [small, medium, large], default: small, description: "Task size"}
        count: {type: integer, minimum: 1, maximum: 10, default: 1}
        tag: {type: string, pattern: "^[a-z]+$"}
        public: {type: boolean}
        health: {$ref: "#/Health"}
      required: [image]
    Health:
      type: object
      properties:
        path: {type: string, default: "/"}
        interval: {type: number}
      required: [interval]
    Pipe:
      type: object
      properties:
        dockerfile: {type: string}
      required: [dockerfile]
`;

const S2 = `
schema:
  format: {openapi: "3.0.0"}
  service_input_type: "Svc"
  types:
    Svc:
      type: object
      properties:
        image: {type: string}
        container_port: {type: number, minimum: 1}
      required: [image, container_port]
`;

const indent = (s: string) => s.trim().split('\n').map((l) => `          ${l}`).join('\n');

const version = (major: string, minor: string, status: string, schema: string, envMajors: string[]) => `
      - majorVersion: "${major}"
        minorVersion: "${minor}"
        status: ${status}
        compatibleEnvironmentTemplates: [${envMajors.map((m) => `{templateName: env-tpl, majorVersion: "${m}"}`).join(', ')}]
        schema: |
${indent(schema)}`;

const inst = (name: string, env: string, major: string, minor: string, status = 'SUCCEEDED') =>
  `\n      - {name: ${name}, environmentName: ${env}, templateMajorVersion: "${major}", templateMinorVersion: "${minor}", deploymentStatus: ${status}, spec: "${DEPLOYED}"}`;

const DEPLOYED = 'proton: ServiceSpec\\ninstances:\\n  - {name: dev, environment: dev, spec: {image: deployed-image, tag: keep}}\\n';

export const ACCOUNT_SEED = `
environments:
  - {name: dev, templateName: env-tpl, templateMajorVersion: "2"}
  - {name: old, templateName: env-tpl, templateMajorVersion: "1"}
serviceTemplates:
  - name: svc-tpl
    versions:${version('1', '0', 'PUBLISHED', S1, ['1', '2'])}${version('1', '1', 'PUBLISHED', S1, ['1', '2'])}${version('1', '2', 'DRAFT', S1, ['1', '2'])}${version('2', '0', 'PUBLISHED', S2, ['2'])}${version('3', '0', 'DRAFT', S2, ['2'])}
services:
  - name: web
    templateName: svc-tpl
    instances:${inst('dev', 'dev', '1', '0')}${inst('old', 'old', '1', '1')}${inst('busy', 'dev', '1', '1', 'IN_PROGRESS')}${inst('comp', 'dev', '1', '1')}
  - name: api
    templateName: svc-tpl
    instances:${inst('solo', 'dev', '2', '0')}
components:
  - {name: web-cache, environmentName: dev, serviceName: web, serviceInstanceName: comp, deploymentStatus: IN_PROGRESS}
`;

export const accountFacts = (opts?: { details?: boolean }) => factsFromSeed(ACCOUNT_SEED, opts);
