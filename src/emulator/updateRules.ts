// UpdateServiceInstance's version rules as Proton answers them: the target comes from src/core's resolveTarget;
// a refusal becomes Proton's error (a version that does not exist → ResourceNotFoundException, any other refusal
// → ValidationException), with the rule's own message.
import { resolveTarget as resolveCoreTarget, type UpdateTarget } from '../core/deploymentTarget';
import type { Problem } from '../core/problems';
import type { DeploymentType } from '../core/protonModel';
import { notFound, validation, type ProtonError } from './errors';
import { findEnvironment } from './lookups';
import type { EmulatorState, InstanceRecord, ServiceTemplateRecord, TemplateVersionRecord } from './state';

export type { UpdateTarget };

/** The ProtonError Proton answers for a refused target. */
export function targetError(p: Problem): ProtonError {
  return p.code === 'version-not-found' ? notFound(p.message) : validation(p.message);
}

/**
 * The template version an update targets, or the error Proton answers. `major`/`minor` are the request's
 * templateMajorVersion/templateMinorVersion.
 */
export function resolveTarget(
  state: EmulatorState,
  inst: InstanceRecord,
  template: ServiceTemplateRecord,
  deploymentType: DeploymentType,
  templateMajorVersion: string | undefined,
  templateMinorVersion: string | undefined,
): UpdateTarget<TemplateVersionRecord> {
  const result = resolveCoreTarget(
    { deploymentType, templateMajorVersion, templateMinorVersion },
    { instance: inst, template, environment: findEnvironment(state, inst.environmentName) },
  );
  if (result.problem) throw targetError(result.problem);
  return result.target;
}
