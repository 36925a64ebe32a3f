// The confirmation a person reads before an UpdateServiceInstance is sent: where it goes (connection), what it
// changes (service, instance, deploymentType, version) and which text is sent (unsaved edits included or not).
import type { DeploymentType } from './protonModel';
import type { VersionRef } from './templateVersions';
import { v } from './updateChoices';

/** The parts of the connection a person needs to see; never credentials. */
export interface ConnectionLabel {
  profile?: string;
  region: string;
  endpoint?: string;
  isEmulator: boolean;
}

export interface UpdatePlan {
  serviceName: string;
  name: string;
  deploymentType: DeploymentType;
  from: VersionRef;
  to: VersionRef;
  /** The spec's file name, or "Untitled-1". */
  source: string;
  /** The text sent has edits not saved to disk. */
  unsaved: boolean;
}

/** "Proton emulator · us-east-1 · http://127.0.0.1:4566", "profile prod · eu-west-1 · AWS endpoint". */
export function describeConnection(c: ConnectionLabel): string {
  const who = c.isEmulator ? 'Proton emulator' : c.profile ? `profile ${c.profile}` : 'default credentials';
  return [who, c.region, c.endpoint ?? 'AWS endpoint'].join(' · ');
}

/** What the deploymentType does to the version, in words: "1.2 → 1.4", "stays on 1.2 (no deployment)". */
export function versionChange(plan: Pick<UpdatePlan, 'deploymentType' | 'from' | 'to'>): string {
  if (plan.deploymentType === 'NONE') return `stays on ${v(plan.from)} (metadata only, no deployment)`;
  if (plan.deploymentType === 'CURRENT_VERSION') return `stays on ${v(plan.from)} (redeployed)`;
  return `${v(plan.from)} → ${v(plan.to)}`;
}

/** The modal's message (one line) and detail (one fact per line). */
export function confirmationText(plan: UpdatePlan, connection: ConnectionLabel): { message: string; detail: string } {
  const verb = plan.deploymentType === 'NONE' ? 'Update the spec of' : 'Deploy to';
  return {
    message: `${verb} service instance ${plan.serviceName}/${plan.name}?`,
    detail: [
      `Connection: ${describeConnection(connection)}`,
      `Service: ${plan.serviceName}`,
      `Instance: ${plan.name}`,
      `Deployment type: ${plan.deploymentType}`,
      `Version: ${versionChange(plan)}`,
      `Spec: ${plan.source}${plan.unsaved ? ' (unsaved changes included)' : ''}`,
    ].join('\n'),
  };
}
