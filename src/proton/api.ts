// The contract between src/proton (the only code that talks to Proton) and its users: the tree, the diagnostics,
// the update command and the CLI. Types only: importing this file loads no SDK code. Nothing here imports vscode,
// so the CLI can use src/proton too.
import type { DeploymentType } from '../core/protonModel';
import type { ComponentSummary, InstanceSummary, ProtonFacts, ProtonSnapshot } from '../core/protonSnapshot';
import type { EnvironmentInfo, TemplateInfo, TemplateVersionInfo } from '../core/templateVersions';

/** The connection requests go to, as shown to people (status bar, confirmations, logs). Never holds secrets. */
export interface ConnectionInfo {
  /** Named profile, or undefined for the SDK's default chain. */
  profile?: string;
  region: string;
  /** Where the region came from: the setting, the profile, AWS_REGION, or the us-east-1 fallback. */
  regionSource: 'setting' | 'profile' | 'environment' | 'default';
  /** Custom endpoint (the emulator's or another); undefined for AWS's regional endpoint. */
  endpoint?: string;
  /** True when the endpoint is the local emulator (started by the extension or by `npm start`). */
  isEmulator: boolean;
  /** One line for people: "default · eu-west-1", "Proton emulator · us-east-1". */
  label: string;
}

export interface ServiceInstanceDetail extends InstanceSummary {
  spec?: string;
  lastClientRequestToken?: string;
}

export interface UpdateInput {
  serviceName: string;
  name: string;
  deploymentType: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
  spec?: string;
  /** One token per confirmed submit, reused by every retry of it, so Proton deploys it at most once. */
  clientToken: string;
}

export interface DeploymentSummary {
  id: string;
  arn: string;
  serviceName?: string;
  serviceInstanceName?: string;
  environmentName: string;
  deploymentStatus: string;
  createdAt?: Date;
  lastModifiedAt?: Date;
  completedAt?: Date;
}

export interface DeploymentDetail extends DeploymentSummary {
  deploymentStatusMessage?: string;
  initialSpec?: string;
  targetSpec?: string;
  initialVersion?: { major: string; minor: string };
  targetVersion?: { major: string; minor: string };
}

/** A ListServiceTemplates entry. */
export interface TemplateSummary {
  name: string;
  displayName?: string;
  recommendedVersion?: string;
}

/** A ListServiceTemplateVersions entry: the version plus its major's recommended minor. */
export interface TemplateVersionSummary extends TemplateVersionInfo {
  recommendedMinorVersion?: string;
}

export interface OutputEntry {
  key: string;
  valueString: string;
}

/** Proton's errors, named as the model names them, plus what the client itself can hit. */
export type ProtonErrorName =
  | 'ValidationException'
  | 'ResourceNotFoundException'
  | 'ConflictException'
  | 'AccessDeniedException'
  | 'ThrottlingException'
  | 'InternalServerException'
  | 'ServiceQuotaExceededException'
  | 'CredentialsError'
  | 'NetworkError'
  | 'Cancelled'
  | 'Unknown';

/** Every gateway method rejects with this: the SDK's errors mapped to a name and a message a person can act on. */
export class ProtonRequestError extends Error {
  constructor(
    public readonly errorName: ProtonErrorName,
    message: string,
    public readonly operation: string,
    public readonly requestId?: string,
    public readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'ProtonRequestError';
  }
}

/**
 * True for a ProtonRequestError from any bundle: the SDK side is bundled separately (dist/protonClient.js), so its
 * class is not the extension's and `instanceof` alone is not enough.
 */
export function isProtonRequestError(e: unknown): e is ProtonRequestError {
  return e instanceof ProtonRequestError || (!!e && typeof e === 'object' && (e as Error).name === 'ProtonRequestError' && 'errorName' in e);
}

/** Every call is paginated to the end; transient errors are retried by the SDK's standard retry. */
export interface ProtonGateway {
  readonly connection: ConnectionInfo;
  listInstances(opts?: { onPage?: (page: InstanceSummary[]) => void; signal?: AbortSignal }): Promise<InstanceSummary[]>;
  /** ListServiceTemplates, then ListServiceTemplateVersions for each name given (all templates when omitted). */
  listTemplates(names?: string[], signal?: AbortSignal): Promise<TemplateInfo[]>;
  listEnvironments(signal?: AbortSignal): Promise<EnvironmentInfo[]>;
  listComponents(signal?: AbortSignal): Promise<ComponentSummary[]>;
  getTemplateVersion(templateName: string, major: string, minor: string, signal?: AbortSignal): Promise<TemplateVersionInfo>;
  getServiceInstance(serviceName: string, name: string, signal?: AbortSignal): Promise<ServiceInstanceDetail>;
  updateServiceInstance(input: UpdateInput, signal?: AbortSignal): Promise<ServiceInstanceDetail>;
  cancelServiceInstanceDeployment(serviceName: string, name: string): Promise<ServiceInstanceDetail>;
  listDeployments(serviceName: string, instanceName: string, signal?: AbortSignal): Promise<DeploymentSummary[]>;
  getDeployment(id: string, serviceName: string, instanceName: string, signal?: AbortSignal): Promise<DeploymentDetail>;
  listServiceInstanceOutputs(serviceName: string, name: string, signal?: AbortSignal): Promise<OutputEntry[]>;
  /** ListServiceTemplates alone (optional: the cache falls back to listTemplates). */
  listTemplateSummaries?(signal?: AbortSignal): Promise<TemplateSummary[]>;
  /** One ListServiceTemplateVersions listing: the majors without `majorVersion`, that major's minors with it. */
  listTemplateVersions?(templateName: string, majorVersion?: string, signal?: AbortSignal): Promise<TemplateVersionSummary[]>;
  /** ListServiceInstances filtered by deploymentStatus (OR), for polling what is in flight. */
  listInstancesWithStatus?(statuses: readonly string[], signal?: AbortSignal): Promise<InstanceSummary[]>;
}

/** Where the cache's data stands, for views that must never be silently empty. */
export interface CacheStatus {
  /** A load is running (the snapshot may be partial on a first load). */
  loading: boolean;
  /** The last load failed; the previous snapshot, if any, is kept. */
  error?: ProtonRequestError;
  /** When the snapshot was last completed. */
  loadedAt?: Date;
}

export interface Disposable {
  dispose(): void;
}

/**
 * The shared cache of Proton data (the tree reads it, the checker reads it through ProtonFacts, the update command
 * reads and refreshes it). One per window; emptied when the connection changes.
 */
export interface ProtonCacheApi extends ProtonFacts {
  readonly connection: ConnectionInfo | undefined;
  /** Fires when the snapshot, a cached detail or the connection changes. */
  onDidChange(listener: () => void): Disposable;
  /** The snapshot, loading it once when absent (concurrent callers share one load); `force` reloads. */
  load(force?: boolean): Promise<ProtonSnapshot>;
  /** GetServiceTemplateVersion once per version, cached; concurrent callers share one request. */
  fetchVersionDetail(templateName: string, major: string, minor: string): Promise<TemplateVersionInfo | undefined>;
  /** GetServiceInstance's spec, cached until the instance changes. */
  fetchDeployedSpec(serviceName: string, instanceName: string): Promise<string | undefined>;
  /** Re-reads one instance (GetServiceInstance) and updates the snapshot, e.g. while following a deployment. */
  refreshInstance(serviceName: string, instanceName: string): Promise<ServiceInstanceDetail>;
  /** The gateway for the current connection, built on first use (loads the SDK). */
  gateway(): Promise<ProtonGateway>;
}
