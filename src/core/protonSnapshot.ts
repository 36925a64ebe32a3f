// What the extension knows of a Proton account at one moment, as plain data: the shape the tree shows, the checker
// reads and the update command offers from. src/proton fills it (paginated, cached); nothing here fetches.
import type { EnvironmentInfo, InstanceVersionInfo, TemplateInfo, TemplateVersionInfo } from './templateVersions';

export interface InstanceSummary extends InstanceVersionInfo {
  serviceName: string;
  arn: string;
  deploymentStatus: string;
  deploymentStatusMessage?: string;
  createdAt?: Date;
  lastDeploymentAttemptedAt?: Date;
  lastDeploymentSucceededAt?: Date;
  lastAttemptedDeploymentId?: string;
  lastSucceededDeploymentId?: string;
}

export interface ComponentSummary {
  name: string;
  environmentName: string;
  serviceName?: string;
  serviceInstanceName?: string;
  deploymentStatus: string;
}

export interface ProtonSnapshot {
  /** Every service instance, in ListServiceInstances order. */
  instances: InstanceSummary[];
  /** Service templates by name, each with its versions (summaries: no schema, compatibility unknown). */
  templates: Map<string, TemplateInfo>;
  environments: Map<string, EnvironmentInfo>;
  /** Components attached to instances, by `service/instance`; undefined when not loaded. */
  components?: Map<string, ComponentSummary>;
}

export const instanceKey = (serviceName: string, name: string): string => `${serviceName}/${name}`;

export const versionKey = (templateName: string, major: string, minor: string): string => `${templateName}:${major}.${minor}`;

/**
 * Read access to cached Proton facts for the checker and the update command. Lookups never fetch: a miss returns
 * undefined and the caller may ask src/proton to fetch it in the background, then check again.
 */
export interface ProtonFacts {
  snapshot: ProtonSnapshot | undefined;
  /** A version with its schema and compatibleEnvironmentTemplates (GetServiceTemplateVersion), when cached. */
  versionDetail(templateName: string, major: string, minor: string): TemplateVersionInfo | undefined;
  /** The deployed ServiceSpec text of an instance (GetServiceInstance), when cached. */
  deployedSpec?(serviceName: string, instanceName: string): string | undefined;
}
