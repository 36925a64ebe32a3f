// ListDeployments (newest first), GetDeployment (with initialState/targetState).
import { findDeployment, deploymentsNewestFirst } from '../deployments';
import { notFound, validation } from '../errors';
import { paginate } from '../pagination';
import { deployment, deploymentSummary } from '../outputShapes';
import type { Handler } from './types';

export const ListDeployments: Handler = (store, input) => {
  const s = store.state;
  if (input.serviceInstanceName !== undefined && input.serviceName === undefined) {
    throw validation('serviceName is required when serviceInstanceName is given.');
  }
  // The emulator only deploys service instances, so a component filter matches none of its deployments.
  const items = deploymentsNewestFirst(
    s.deployments.filter(
      (d) =>
        input.componentName === undefined &&
        (input.environmentName === undefined || d.environmentName === input.environmentName) &&
        (input.serviceName === undefined || d.serviceName === input.serviceName) &&
        (input.serviceInstanceName === undefined || d.serviceInstanceName === input.serviceInstanceName),
    ),
  );
  const query = ['ListDeployments', input.environmentName ?? null, input.serviceName ?? null, input.serviceInstanceName ?? null, input.componentName ?? null];
  const { page, nextToken } = paginate(items, input, query);
  return { deployments: page.map((d) => deploymentSummary(s, d)), ...(nextToken ? { nextToken } : {}) };
};

export const GetDeployment: Handler = (store, input) => {
  if (input.serviceInstanceName !== undefined && input.serviceName === undefined) {
    throw validation('serviceName is required when serviceInstanceName is given.');
  }
  const d = findDeployment(store, input.id);
  const mismatch =
    d &&
    ((input.environmentName !== undefined && d.environmentName !== input.environmentName) ||
      (input.serviceName !== undefined && d.serviceName !== input.serviceName) ||
      (input.serviceInstanceName !== undefined && d.serviceInstanceName !== input.serviceInstanceName) ||
      input.componentName !== undefined);
  if (!d || mismatch) throw notFound(`The deployment ${input.id} does not exist.`);
  return { deployment: deployment(store.state, d) };
};
