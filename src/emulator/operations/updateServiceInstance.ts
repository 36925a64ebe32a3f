// UpdateServiceInstance, in the order of checks docs/emulator.md (Protocol) fixes: (request validated by the caller) → resources
// exist → clientToken replay → busy → version rules → spec. Tokens are scoped to the instance, remembered for 8 hours,
// and only for calls that succeeded.
import { startDeployment } from '../deployments';
import { conflict, notFound, validation } from '../errors';
import { checkSpec } from '../specRules';
import { isBusy, type DeploymentType } from '../../core/protonModel';
import { attachedComponent, findServiceTemplate } from '../lookups';
import { resolveTarget } from '../updateRules';
import { instance } from '../outputShapes';
import { requireInstance } from './instances';
import type { Handler } from './types';

export const TOKEN_TTL_MS = 8 * 3600 * 1000;

export const UpdateServiceInstance: Handler = (store, input) => {
  const s = store.state;
  const inst = requireInstance(s, input.serviceName, input.name);
  const type = input.deploymentType as DeploymentType;
  const token: string | undefined = input.clientToken;

  const now = Date.now();
  const before = s.clientTokens.length;
  s.clientTokens = s.clientTokens.filter((t) => now - t.at < TOKEN_TTL_MS);
  const expired = s.clientTokens.length !== before;
  const fingerprint = JSON.stringify([type, input.spec ?? null, input.templateMajorVersion ?? null, input.templateMinorVersion ?? null]);
  if (token !== undefined && token !== '') {
    const seen = s.clientTokens.find((t) => t.serviceName === inst.serviceName && t.instanceName === inst.name && t.token === token);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        throw validation(
          `IdempotentParameterMismatch: the clientToken ${token} was already used for a different UpdateServiceInstance request on service instance ${inst.name}.`,
        );
      }
      if (expired) store.save();
      return structuredClone(seen.response);
    }
  }

  const busy = isBusy(inst.deploymentStatus);
  const comp = attachedComponent(s, inst);
  if (busy) {
    throw conflict(`The service instance ${inst.name} of service ${inst.serviceName} can't be updated while its deployment status is ${inst.deploymentStatus}.`);
  }
  if (comp && isBusy(comp.deploymentStatus)) {
    throw conflict(
      `The service instance ${inst.name} of service ${inst.serviceName} can't be updated while its attached component ${comp.name} is ${comp.deploymentStatus}.`,
    );
  }

  const template = findServiceTemplate(s, inst.templateName);
  if (!template) throw notFound(`The service template ${inst.templateName} does not exist.`);
  const target = resolveTarget(s, inst, template, type, input.templateMajorVersion, input.templateMinorVersion);

  if (type === 'NONE') {
    if (input.spec !== undefined) inst.spec = checkSpec(inst, template, target, input.spec);
  } else {
    const spec = type === 'CURRENT_VERSION' && input.spec === undefined ? inst.spec : checkSpec(inst, template, target, input.spec);
    startDeployment(store, inst, { major: target.major, minor: target.minor, spec }, token || undefined);
  }

  const response = { serviceInstance: instance(s, inst) };
  if (token !== undefined && token !== '') {
    s.clientTokens.push({ serviceName: inst.serviceName, instanceName: inst.name, token, fingerprint, response: structuredClone(response), at: now });
  }
  store.save();
  return response;
};
