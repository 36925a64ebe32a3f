// ListServiceInstances: filters (different keys AND, repeated keys OR), then sort, as docs/emulator.md (Listing) fixes.
// Date filters take RFC 3339 UTC times (the model: "with no UTC offset", e.g. 1985-04-12T23:20:50.52Z) and compare
// strictly (Before: earlier than; After: later than).
import { validation } from './errors';
import { DEPLOYMENT_STATUSES } from '../core/protonModel';
import type { FilterKey, SortBy } from './shapes';
import { DEPLOYED_VERSION_STATUSES, deployedVersionStatus } from '../core/templateVersions';
import { findServiceTemplate } from './lookups';
import type { EmulatorState, InstanceRecord } from './state';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;

/** RFC 3339 → epoch seconds, keeping fractional seconds beyond milliseconds. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 60) return undefined;
  return ms / 1000 + (frac ? Number(`0${frac}`) : 0);
}

type Predicate = (i: InstanceRecord) => boolean;

function predicate(state: EmulatorState, key: FilterKey, value: string): Predicate {
  const date = (): number => {
    const t = parseRfc3339(value);
    if (t === undefined) throw validation(`The value of filter ${key} must be an RFC 3339 timestamp such as 1985-04-12T23:20:50.52Z; got "${value}".`);
    return t;
  };
  switch (key) {
    case 'name':
    case 'serviceName':
    case 'templateName':
    case 'environmentName':
      return (i) => i[key] === value;
    case 'deploymentStatus':
      if (!(DEPLOYMENT_STATUSES as readonly string[]).includes(value)) {
        throw validation(`The value of filter deploymentStatus must be one of ${DEPLOYMENT_STATUSES.join(', ')}; got "${value}".`);
      }
      return (i) => i.deploymentStatus === value;
    case 'deployedTemplateVersionStatus':
      if (!(DEPLOYED_VERSION_STATUSES as readonly string[]).includes(value)) {
        throw validation(`The value of filter deployedTemplateVersionStatus must be one of ${DEPLOYED_VERSION_STATUSES.join(', ')}; got "${value}".`);
      }
      return (i) => deployedVersionStatus(findServiceTemplate(state, i.templateName), i.templateMajorVersion, i.templateMinorVersion) === value;
    case 'createdAtBefore': {
      const t = date();
      return (i) => i.createdAt < t;
    }
    case 'createdAtAfter': {
      const t = date();
      return (i) => i.createdAt > t;
    }
    case 'lastDeploymentAttemptedAtBefore': {
      const t = date();
      return (i) => i.lastDeploymentAttemptedAt < t;
    }
    case 'lastDeploymentAttemptedAtAfter': {
      const t = date();
      return (i) => i.lastDeploymentAttemptedAt > t;
    }
  }
}

export function filterInstances(
  state: EmulatorState,
  items: InstanceRecord[],
  filters: { key?: string; value?: string }[] | undefined,
): InstanceRecord[] {
  if (!filters || filters.length === 0) return items;
  const byKey = new Map<string, Predicate[]>();
  filters.forEach(({ key, value }, n) => {
    // The model makes neither member required; a filter without both cannot select anything, so (our choice)
    // it is refused the way the service words a missing member.
    if (key === undefined || value === undefined) {
      const missing = key === undefined ? 'key' : 'value';
      throw validation(
        `1 validation error detected: Value null at 'filters.${n + 1}.member.${missing}' failed to satisfy constraint: Member must not be null`,
      );
    }
    const list = byKey.get(key) ?? [];
    list.push(predicate(state, key as FilterKey, value));
    byKey.set(key, list);
  });
  const groups = [...byKey.values()];
  return items.filter((i) => groups.every((ors) => ors.some((p) => p(i))));
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by `sortBy` (ties: serviceName, then name); default serviceName then name; DESCENDING reverses. */
export function sortInstances(items: InstanceRecord[], sortBy: SortBy | undefined, order: string | undefined): InstanceRecord[] {
  const dir = order === 'DESCENDING' ? -1 : 1;
  return [...items].sort(
    (a, b) =>
      dir * ((sortBy ? cmp(a[sortBy], b[sortBy]) : 0) || cmp(a.serviceName, b.serviceName) || cmp(a.name, b.name)),
  );
}
