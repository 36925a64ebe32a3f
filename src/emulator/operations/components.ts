// ListComponents (by environment, service, service instance), GetComponent.
import { notFound, validation } from '../errors';
import { paginate } from '../pagination';
import { component, componentSummary } from '../outputShapes';
import type { Handler } from './types';

export const ListComponents: Handler = (store, input) => {
  const s = store.state;
  if (input.serviceInstanceName !== undefined && input.serviceName === undefined) {
    throw validation('serviceName is required when serviceInstanceName is given.');
  }
  const items = s.components
    .filter(
      (c) =>
        (input.environmentName === undefined || c.environmentName === input.environmentName) &&
        (input.serviceName === undefined || c.serviceName === input.serviceName) &&
        (input.serviceInstanceName === undefined || c.serviceInstanceName === input.serviceInstanceName),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const query = ['ListComponents', input.environmentName ?? null, input.serviceName ?? null, input.serviceInstanceName ?? null];
  const { page, nextToken } = paginate(items, input, query);
  return { components: page.map((c) => componentSummary(s, c)), ...(nextToken ? { nextToken } : {}) };
};

export const GetComponent: Handler = (store, input) => {
  const c = store.state.components.find((x) => x.name === input.name);
  if (!c) throw notFound(`The component ${input.name} does not exist.`);
  return { component: component(store.state, c) };
};
