// GetEnvironment, ListEnvironments (environmentTemplates filters combine with OR).
import { notFound } from '../errors';
import { paginate } from '../pagination';
import { num } from '../../core/templateVersions';
import { findEnvironment } from '../lookups';
import { environment, environmentSummary } from '../outputShapes';
import type { Handler } from './types';

export const GetEnvironment: Handler = (store, input) => {
  const e = findEnvironment(store.state, input.name);
  if (!e) throw notFound(`The environment ${input.name} does not exist.`);
  return { environment: environment(store.state, e) };
};

export const ListEnvironments: Handler = (store, input) => {
  const s = store.state;
  const filters: { templateName: string; majorVersion: string }[] = input.environmentTemplates ?? [];
  const items = s.environments
    .filter((e) => filters.length === 0 || filters.some((f) => f.templateName === e.templateName && num(f.majorVersion) === num(e.templateMajorVersion)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { page, nextToken } = paginate(items, input, ['ListEnvironments', filters]);
  return { environments: page.map((e) => environmentSummary(s, e)), ...(nextToken ? { nextToken } : {}) };
};
