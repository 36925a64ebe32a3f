// The Proton model's constants (Smithy model proton 2020-07-20), shared by the emulator, the checker, the CLI and
// the extension so that every layer agrees on the enums, patterns and limits.

export const DEPLOYMENT_TYPES = ['NONE', 'CURRENT_VERSION', 'MINOR_VERSION', 'MAJOR_VERSION'] as const;
export type DeploymentType = (typeof DEPLOYMENT_TYPES)[number];

export const DEPLOYMENT_STATUSES = [
  'IN_PROGRESS',
  'FAILED',
  'SUCCEEDED',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'DELETE_COMPLETE',
  'CANCELLING',
  'CANCELLED',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** Statuses in which Proton refuses an update of the instance (or of the instance whose component it is). */
export const BUSY_STATUSES: readonly DeploymentStatus[] = ['IN_PROGRESS', 'CANCELLING', 'DELETE_IN_PROGRESS'];

export const isBusy = (status: string | undefined): boolean =>
  status !== undefined && (BUSY_STATUSES as readonly string[]).includes(status);

export const TEMPLATE_VERSION_STATUSES = ['REGISTRATION_IN_PROGRESS', 'REGISTRATION_FAILED', 'DRAFT', 'PUBLISHED'] as const;
export type TemplateVersionStatus = (typeof TEMPLATE_VERSION_STATUSES)[number];

/** ResourceName: service, instance, environment and template names. */
export const RESOURCE_NAME_PATTERN = '^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$';
export const RESOURCE_NAME_MAX = 100;
/** TemplateVersionPart: templateMajorVersion / templateMinorVersion. */
export const VERSION_PART_PATTERN = '^(0|([1-9]{1}\\d*))$';
export const VERSION_PART_MAX = 20;
/** SpecContents: the most characters a spec may have. */
export const SPEC_MAX_LENGTH = 51_200;
/** ClientToken. */
export const CLIENT_TOKEN_PATTERN = '^[!-~]*$';
export const CLIENT_TOKEN_MAX = 64;

/** A spec value that keeps the deployed value of that input. */
export const CURRENT_VAL = '${Proton::CURRENT_VAL}';

const resourceNameRe = new RegExp(RESOURCE_NAME_PATTERN);
const versionPartRe = new RegExp(VERSION_PART_PATTERN);

export const isResourceName = (s: unknown): s is string =>
  typeof s === 'string' && s.length >= 1 && s.length <= RESOURCE_NAME_MAX && resourceNameRe.test(s);

export const isVersionPart = (s: unknown): s is string =>
  typeof s === 'string' && s.length >= 1 && s.length <= VERSION_PART_MAX && versionPartRe.test(s);

export const isDeploymentType = (s: unknown): s is DeploymentType =>
  typeof s === 'string' && (DEPLOYMENT_TYPES as readonly string[]).includes(s);
