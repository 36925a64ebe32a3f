// ListServiceInstances (filters → sort → paginate), GetServiceInstance, ListServiceInstanceOutputs,
// CancelServiceInstanceDeployment.
import { findDeployment, startCancel } from '../deployments';
import { conflict, notFound } from '../errors';
import { filterInstances, sortInstances } from '../filters';
import { paginate } from '../pagination';
import type { SortBy } from '../shapes';
import { findInstance, findService } from '../lookups';
import type { EmulatorState, InstanceRecord } from '../state';
import { instance, instanceSummary } from '../outputShapes';
import type { Handler } from './types';

export function requireInstance(s: EmulatorState, serviceName: string, name: string): InstanceRecord {
  if (!findService(s, serviceName)) throw notFound(`The service ${serviceName} does not exist.`);
  const inst = findInstance(s, serviceName, name);
  if (!inst) throw notFound(`The service instance ${name} of service ${serviceName} does not exist.`);
  return inst;
}

export const ListServiceInstances: Handler = (store, input) => {
  const s = store.state;
  if (input.serviceName !== undefined && !findService(s, input.serviceName)) {
    throw notFound(`The service ${input.serviceName} does not exist.`);
  }
  const scoped = input.serviceName === undefined ? s.instances : s.instances.filter((i) => i.serviceName === input.serviceName);
  const filtered = filterInstances(s, scoped, input.filters);
  const sorted = sortInstances(filtered, input.sortBy as SortBy | undefined, input.sortOrder);
  const query = ['ListServiceInstances', input.serviceName ?? null, input.filters ?? [], input.sortBy ?? null, input.sortOrder ?? null];
  const { page, nextToken } = paginate(sorted, input, query);
  return { serviceInstances: page.map((i) => instanceSummary(s, i)), ...(nextToken ? { nextToken } : {}) };
};

export const GetServiceInstance: Handler = (store, input) => {
  const inst = requireInstance(store.state, input.serviceName, input.name);
  return { serviceInstance: instance(store.state, inst) };
};

export const ListServiceInstanceOutputs: Handler = (store, input) => {
  const inst = requireInstance(store.state, input.serviceName, input.serviceInstanceName);
  if (input.deploymentId === undefined) return { outputs: inst.outputs.map((o) => ({ ...o })) };
  const d = findDeployment(store, input.deploymentId);
  if (!d || d.serviceName !== inst.serviceName || d.serviceInstanceName !== inst.name) {
    throw notFound(`The deployment ${input.deploymentId} of service instance ${inst.name} does not exist.`);
  }
  return { outputs: (d.outputs ?? []).map((o) => ({ ...o })) };
};

export const CancelServiceInstanceDeployment: Handler = (store, input) => {
  const inst = requireInstance(store.state, input.serviceName, input.serviceInstanceName);
  if (inst.deploymentStatus !== 'IN_PROGRESS') {
    throw conflict(
      `The service instance ${inst.name} of service ${inst.serviceName} has no deployment in progress to cancel (its deployment status is ${inst.deploymentStatus}).`,
    );
  }
  startCancel(store, inst);
  store.save();
  return { serviceInstance: instance(store.state, inst) };
};
