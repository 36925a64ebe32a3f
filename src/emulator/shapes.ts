// The input shapes of the operations the emulator serves, with the Smithy model's constraints
// (com.amazonaws.proton, 2020-07-20), and the request validation AWS's front end applies before an operation runs:
// a member of the wrong JSON type → SerializationException; required members, lengths, patterns, ranges and enums
// → ValidationException listing every violation, in Coral's wording ("N validation errors detected: ...").
import {
  CLIENT_TOKEN_MAX,
  CLIENT_TOKEN_PATTERN,
  DEPLOYMENT_TYPES,
  RESOURCE_NAME_MAX,
  RESOURCE_NAME_PATTERN,
  SPEC_MAX_LENGTH,
  VERSION_PART_MAX,
  VERSION_PART_PATTERN,
} from '../core/protonModel';
import { ProtonError } from './errors';

export type Shape =
  | { kind: 'string'; min?: number; max?: number; pattern?: string; enum?: readonly string[]; sensitive?: boolean }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'list'; member: Shape; min?: number; max?: number }
  | { kind: 'structure'; members: Record<string, Member> };

export interface Member {
  shape: Shape;
  required?: boolean;
}

// Shared simple shapes, named as in the model.
export const ResourceName: Shape = { kind: 'string', min: 1, max: RESOURCE_NAME_MAX, pattern: RESOURCE_NAME_PATTERN };
export const NextToken: Shape = { kind: 'string', pattern: '^[A-Za-z0-9+=/]+$' };
export const EmptyNextToken: Shape = { kind: 'string', min: 0, max: 0 };
export const MaxPageResults: Shape = { kind: 'integer', min: 1, max: 100 };
export const TemplateVersionPart: Shape = { kind: 'string', min: 1, max: VERSION_PART_MAX, pattern: VERSION_PART_PATTERN };
export const SpecContents: Shape = { kind: 'string', min: 1, max: SPEC_MAX_LENGTH, sensitive: true };
export const ClientToken: Shape = { kind: 'string', min: 0, max: CLIENT_TOKEN_MAX, pattern: CLIENT_TOKEN_PATTERN };
export const DeploymentId: Shape = {
  kind: 'string',
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
};

export const SERVICE_STATUSES = [
  'CREATE_IN_PROGRESS',
  'CREATE_FAILED_CLEANUP_IN_PROGRESS',
  'CREATE_FAILED_CLEANUP_COMPLETE',
  'CREATE_FAILED_CLEANUP_FAILED',
  'CREATE_FAILED',
  'ACTIVE',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'UPDATE_IN_PROGRESS',
  'UPDATE_FAILED_CLEANUP_IN_PROGRESS',
  'UPDATE_FAILED_CLEANUP_COMPLETE',
  'UPDATE_FAILED_CLEANUP_FAILED',
  'UPDATE_FAILED',
  'UPDATE_COMPLETE_CLEANUP_FAILED',
] as const;

export const FILTER_KEYS = [
  'name',
  'deploymentStatus',
  'templateName',
  'serviceName',
  'deployedTemplateVersionStatus',
  'environmentName',
  'lastDeploymentAttemptedAtBefore',
  'lastDeploymentAttemptedAtAfter',
  'createdAtBefore',
  'createdAtAfter',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORT_BY = [
  'name',
  'deploymentStatus',
  'templateName',
  'serviceName',
  'environmentName',
  'lastDeploymentAttemptedAt',
  'createdAt',
] as const;
export type SortBy = (typeof SORT_BY)[number];
export const SORT_ORDERS = ['ASCENDING', 'DESCENDING'] as const;

const str = (s: Shape, required = false): Member => ({ shape: s, required });
const struct = (members: Record<string, Member>): Shape => ({ kind: 'structure', members });

const pageMembers = { nextToken: str(NextToken), maxResults: str(MaxPageResults) };

/** Input shapes by operation name. */
export const INPUT_SHAPES: Record<string, Shape> = {
  ListServices: struct({ ...pageMembers }),
  GetService: struct({ name: str(ResourceName, true) }),
  ListServiceInstances: struct({
    serviceName: str(ResourceName),
    ...pageMembers,
    filters: str({
      kind: 'list',
      member: struct({
        key: str({ kind: 'string', enum: FILTER_KEYS }),
        value: str({ kind: 'string' }),
      }),
    }),
    sortBy: str({ kind: 'string', enum: SORT_BY }),
    sortOrder: str({ kind: 'string', enum: SORT_ORDERS }),
  }),
  GetServiceInstance: struct({ name: str(ResourceName, true), serviceName: str(ResourceName, true) }),
  UpdateServiceInstance: struct({
    name: str(ResourceName, true),
    serviceName: str(ResourceName, true),
    deploymentType: str({ kind: 'string', enum: DEPLOYMENT_TYPES }, true),
    spec: str(SpecContents),
    templateMajorVersion: str(TemplateVersionPart),
    templateMinorVersion: str(TemplateVersionPart),
    clientToken: str(ClientToken),
  }),
  CancelServiceInstanceDeployment: struct({
    serviceInstanceName: str(ResourceName, true),
    serviceName: str(ResourceName, true),
  }),
  ListServiceInstanceOutputs: struct({
    serviceInstanceName: str(ResourceName, true),
    serviceName: str(ResourceName, true),
    nextToken: str(EmptyNextToken),
    deploymentId: str(DeploymentId),
  }),
  ListServiceTemplates: struct({ ...pageMembers }),
  GetServiceTemplate: struct({ name: str(ResourceName, true) }),
  ListServiceTemplateVersions: struct({
    templateName: str(ResourceName, true),
    ...pageMembers,
    majorVersion: str(TemplateVersionPart),
  }),
  GetServiceTemplateVersion: struct({
    templateName: str(ResourceName, true),
    majorVersion: str(TemplateVersionPart, true),
    minorVersion: str(TemplateVersionPart, true),
  }),
  ListEnvironmentTemplates: struct({ ...pageMembers }),
  GetEnvironmentTemplate: struct({ name: str(ResourceName, true) }),
  GetEnvironment: struct({ name: str(ResourceName, true) }),
  ListEnvironments: struct({
    ...pageMembers,
    environmentTemplates: str({
      kind: 'list',
      member: struct({ templateName: str(ResourceName, true), majorVersion: str(TemplateVersionPart, true) }),
    }),
  }),
  ListComponents: struct({
    nextToken: str(NextToken),
    environmentName: str(ResourceName),
    serviceName: str(ResourceName),
    serviceInstanceName: str(ResourceName),
    maxResults: str(MaxPageResults),
  }),
  GetComponent: struct({ name: str(ResourceName, true) }),
  ListDeployments: struct({
    nextToken: str(NextToken),
    environmentName: str(ResourceName),
    serviceName: str(ResourceName),
    serviceInstanceName: str(ResourceName),
    componentName: str(ResourceName),
    maxResults: str(MaxPageResults),
  }),
  GetDeployment: struct({
    id: str(DeploymentId, true),
    environmentName: str(ResourceName),
    serviceName: str(ResourceName),
    serviceInstanceName: str(ResourceName),
    componentName: str(ResourceName),
  }),
};

const regexCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) regexCache.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

interface Collected {
  typeErrors: string[];
  violations: string[];
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function walk(shape: Shape, v: unknown, path: string, out: Collected): void {
  switch (shape.kind) {
    case 'string': {
      if (typeof v !== 'string') {
        out.typeErrors.push(`${path || 'input'}: expected a string, got ${jsonType(v)}`);
        return;
      }
      const shown = shape.sensitive ? '' : ` '${v}'`;
      const len = [...v].length;
      if (shape.min !== undefined && len < shape.min) {
        out.violations.push(`Value${shown} at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
      }
      if (shape.max !== undefined && len > shape.max) {
        out.violations.push(`Value${shown} at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      }
      if (shape.pattern !== undefined && !regex(shape.pattern).test(v)) {
        out.violations.push(`Value${shown} at '${path}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      if (shape.enum && !shape.enum.includes(v)) {
        out.violations.push(`Value${shown} at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      }
      return;
    }
    case 'integer': {
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        out.typeErrors.push(`${path}: expected an integer, got ${typeof v === 'number' ? 'a fractional number' : jsonType(v)}`);
        return;
      }
      if (shape.min !== undefined && v < shape.min) {
        out.violations.push(`Value '${v}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`);
      }
      if (shape.max !== undefined && v > shape.max) {
        out.violations.push(`Value '${v}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(v)) {
        out.typeErrors.push(`${path}: expected a list, got ${jsonType(v)}`);
        return;
      }
      if (shape.min !== undefined && v.length < shape.min) {
        out.violations.push(`Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
      }
      if (shape.max !== undefined && v.length > shape.max) {
        out.violations.push(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      }
      // Coral names list members 1-based: filters.1.member.key
      v.forEach((item, i) => {
        if (item === null) return;
        walk(shape.member, item, `${path}.${i + 1}.member`, out);
      });
      return;
    }
    case 'structure': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        out.typeErrors.push(`${path || 'input'}: expected an object, got ${jsonType(v)}`);
        return;
      }
      const obj = v as Record<string, unknown>;
      for (const [name, m] of Object.entries(shape.members)) {
        const child = path ? `${path}.${name}` : name;
        const value = obj[name];
        // JSON null counts as absent, as in AWS's JSON protocols.
        if (value === undefined || value === null) {
          if (m.required) out.violations.push(`Value null at '${child}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        walk(m.shape, value, child, out);
      }
      return;
    }
  }
}

/**
 * Validates a request body against an input shape. Returns the input with nulls removed; throws
 * SerializationException or ValidationException. Members the model does not define are ignored, as AWS does.
 */
export function validateInput(operation: string, body: unknown): Record<string, unknown> {
  const shape = INPUT_SHAPES[operation];
  const out: Collected = { typeErrors: [], violations: [] };
  if (shape) walk(shape, body, '', out);
  if (out.typeErrors.length) {
    throw new ProtonError('SerializationException', `Cannot deserialize the ${operation} request: ${out.typeErrors.join('; ')}`);
  }
  if (out.violations.length) {
    const n = out.violations.length;
    throw new ProtonError('ValidationException', `${n} validation error${n === 1 ? '' : 's'} detected: ${out.violations.join('; ')}`);
  }
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (v !== null && v !== undefined) clean[k] = v;
  return clean;
}
