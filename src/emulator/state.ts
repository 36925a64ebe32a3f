// The emulator's whole world as one JSON-serialisable value, so that `--state FILE` can persist it as is.
// Timestamps are epoch seconds (what the wire carries); deadlines of pending transitions are epoch milliseconds.
import type { DeploymentStatus } from './shapes';

export const STATE_FORMAT = 1;

export interface OutputEntry {
  key: string;
  valueString: string;
}

export interface EnvironmentTemplateRecord {
  name: string;
  displayName?: string;
  description?: string;
  createdAt: number;
  lastModifiedAt: number;
}

export interface EnvironmentRecord {
  name: string;
  templateName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
  deploymentStatus: DeploymentStatus;
  deploymentStatusMessage?: string;
  description?: string;
  spec?: string;
  createdAt: number;
  lastDeploymentAttemptedAt: number;
  lastDeploymentSucceededAt: number;
}

export interface CompatibleEnvironmentTemplate {
  templateName: string;
  majorVersion: string;
}

export interface TemplateVersionRecord {
  majorVersion: string;
  minorVersion: string;
  status: string;
  statusMessage?: string;
  description?: string;
  schema?: string;
  compatibleEnvironmentTemplates: CompatibleEnvironmentTemplate[];
  supportedComponentSources?: string[];
  createdAt: number;
  lastModifiedAt: number;
}

export interface ServiceTemplateRecord {
  name: string;
  displayName?: string;
  description?: string;
  pipelineProvisioning?: string;
  createdAt: number;
  lastModifiedAt: number;
  versions: TemplateVersionRecord[];
}

export interface ServiceRecord {
  name: string;
  templateName: string;
  description?: string;
  status: string;
  statusMessage?: string;
  spec: string;
  createdAt: number;
  lastModifiedAt: number;
}

/** A transition that a timer will make; kept in state so that a restart with --state resumes it. */
export interface PendingTransition {
  kind: 'deploy' | 'cancel';
  deploymentId?: string;
  dueAt: number;
}

export interface InstanceRecord {
  serviceName: string;
  name: string;
  environmentName: string;
  templateName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
  deploymentStatus: DeploymentStatus;
  deploymentStatusMessage?: string;
  spec: string;
  createdAt: number;
  lastDeploymentAttemptedAt: number;
  lastDeploymentSucceededAt: number;
  lastClientRequestToken?: string;
  lastAttemptedDeploymentId?: string;
  lastSucceededDeploymentId?: string;
  outputs: OutputEntry[];
  failNextDeployment: boolean;
  pending?: PendingTransition;
}

export interface ComponentRecord {
  name: string;
  environmentName: string;
  serviceName?: string;
  serviceInstanceName?: string;
  description?: string;
  deploymentStatus: DeploymentStatus;
  deploymentStatusMessage?: string;
  createdAt: number;
  lastModifiedAt: number;
  lastDeploymentAttemptedAt?: number;
  lastDeploymentSucceededAt?: number;
}

export interface InstanceState {
  spec: string;
  templateName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
}

export interface DeploymentRecord {
  id: string;
  /** Creation order, for "newest first" when timestamps tie. */
  seq: number;
  serviceName: string;
  serviceInstanceName: string;
  environmentName: string;
  targetArn: string;
  targetResourceCreatedAt: number;
  deploymentStatus: DeploymentStatus;
  deploymentStatusMessage?: string;
  createdAt: number;
  lastModifiedAt: number;
  completedAt?: number;
  lastAttemptedDeploymentId?: string;
  lastSucceededDeploymentId?: string;
  initialState: InstanceState;
  targetState: InstanceState;
  /** The instance's outputs when the deployment succeeded. */
  outputs?: OutputEntry[];
}

/** A remembered successful UpdateServiceInstance, for clientToken replays. */
export interface ClientTokenRecord {
  serviceName: string;
  instanceName: string;
  token: string;
  fingerprint: string;
  response: Record<string, unknown>;
  at: number;
}

export interface EmulatorState {
  format: typeof STATE_FORMAT;
  accountId: string;
  region: string;
  environmentTemplates: EnvironmentTemplateRecord[];
  environments: EnvironmentRecord[];
  serviceTemplates: ServiceTemplateRecord[];
  services: ServiceRecord[];
  instances: InstanceRecord[];
  components: ComponentRecord[];
  deployments: DeploymentRecord[];
  clientTokens: ClientTokenRecord[];
  nextSeq: number;
}

export const BUSY_STATUSES: readonly DeploymentStatus[] = ['IN_PROGRESS', 'CANCELLING', 'DELETE_IN_PROGRESS'];

export const nowSeconds = (): number => Date.now() / 1000;

export function arn(state: EmulatorState, resource: string): string {
  return `arn:aws:proton:${state.region}:${state.accountId}:${resource}`;
}

export const instanceArn = (s: EmulatorState, i: { serviceName: string; name: string }) =>
  arn(s, `service/${i.serviceName}/service-instance/${i.name}`);

// ---- lookups ----

export function findService(s: EmulatorState, name: string): ServiceRecord | undefined {
  return s.services.find((x) => x.name === name);
}

export function findInstance(s: EmulatorState, serviceName: string, name: string): InstanceRecord | undefined {
  return s.instances.find((x) => x.serviceName === serviceName && x.name === name);
}

export function findServiceTemplate(s: EmulatorState, name: string): ServiceTemplateRecord | undefined {
  return s.serviceTemplates.find((x) => x.name === name);
}

export function findEnvironment(s: EmulatorState, name: string): EnvironmentRecord | undefined {
  return s.environments.find((x) => x.name === name);
}

export function findVersion(t: ServiceTemplateRecord, major: string, minor: string): TemplateVersionRecord | undefined {
  return t.versions.find((v) => v.majorVersion === major && v.minorVersion === minor);
}

export function attachedComponent(s: EmulatorState, i: InstanceRecord): ComponentRecord | undefined {
  return s.components.find((c) => c.serviceName === i.serviceName && c.serviceInstanceName === i.name);
}

// ---- versions: numbers compare numerically ("10" > "9") ----

export const num = (v: string): number => Number(v);

export function compareVersions(aMajor: string, aMinor: string, bMajor: string, bMinor: string): number {
  return num(aMajor) - num(bMajor) || num(aMinor) - num(bMinor);
}

/** The highest PUBLISHED minor of a major, i.e. that major's recommendedMinorVersion. */
export function recommendedMinor(t: ServiceTemplateRecord, major: string): string | undefined {
  let best: string | undefined;
  for (const v of t.versions) {
    if (v.majorVersion !== major || v.status !== 'PUBLISHED') continue;
    if (best === undefined || num(v.minorVersion) > num(best)) best = v.minorVersion;
  }
  return best;
}

/** The highest PUBLISHED version, the template's recommendedVersion. */
export function recommendedVersion(t: ServiceTemplateRecord): { major: string; minor: string } | undefined {
  let best: TemplateVersionRecord | undefined;
  for (const v of t.versions) {
    if (v.status !== 'PUBLISHED') continue;
    if (!best || compareVersions(v.majorVersion, v.minorVersion, best.majorVersion, best.minorVersion) > 0) best = v;
  }
  return best && { major: best.majorVersion, minor: best.minorVersion };
}

export type VersionStatus = 'UP_TO_DATE' | 'BEHIND_MINOR' | 'BEHIND_MAJOR';

/** How far an instance is behind its template's recommended version. */
export function deployedVersionStatus(s: EmulatorState, i: InstanceRecord): VersionStatus {
  const t = findServiceTemplate(s, i.templateName);
  const rec = t && recommendedVersion(t);
  if (!rec) return 'UP_TO_DATE';
  if (num(i.templateMajorVersion) < num(rec.major)) return 'BEHIND_MAJOR';
  if (num(i.templateMajorVersion) === num(rec.major) && num(i.templateMinorVersion) < num(rec.minor)) return 'BEHIND_MINOR';
  return 'UP_TO_DATE';
}
