// ListServices, GetService.
import { notFound } from '../errors';
import { paginate } from '../pagination';
import { findService } from '../lookups';
import { service, serviceSummary } from '../outputShapes';
import type { Handler } from './types';

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export const ListServices: Handler = (store, input) => {
  const s = store.state;
  const { page, nextToken } = paginate([...s.services].sort(byName), input, ['ListServices']);
  return { services: page.map((x) => serviceSummary(s, x)), ...(nextToken ? { nextToken } : {}) };
};

export const GetService: Handler = (store, input) => {
  const svc = findService(store.state, input.name);
  if (!svc) throw notFound(`The service ${input.name} does not exist.`);
  return { service: service(store.state, svc) };
};
