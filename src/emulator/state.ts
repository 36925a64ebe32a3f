// The emulator's whole world as one JSON-serialisable value, so that `--state FILE` can persist it as is.
// Timestamps are epoch seconds (what the wire carries); deadlines of pending transitions are epoch milliseconds.
import type { DeploymentStatus } from '../core/protonModel';
import type { CompatibleEnvironmentTemplate } from '../core/templateVersions';

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
