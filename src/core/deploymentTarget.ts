// Which template version an UpdateServiceInstance lands on for each deploymentType, and when Proton refuses it
// (docs/emulator.md, "UpdateServiceInstance"). One implementation: the emulator maps a refusal to Proton's error, the checker to a diagnostic,
// the update command offers only the versions allowed here.
import type { DeploymentType } from './protonModel';
import { problem, type Problem } from './problems';
import {
  findVersion,
  hasMajor,
  isCompatible,
  newerMajors,
  num,
  publishedVersions,
  recommendedMinor,
  recommendedVersion,
  type EnvironmentInfo,
  type InstanceVersionInfo,
  type TemplateInfo,
  type TemplateVersionInfo,
} from './templateVersions';

export interface UpdateRequest {
  deploymentType: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
}

export interface UpdateTarget<V extends TemplateVersionInfo = TemplateVersionInfo> {
  major: string;
  minor: string;
  /** The target version's record; undefined only when the instance's current version is unknown to the template. */
  version: V | undefined;
}

export type TargetResult<V extends TemplateVersionInfo = TemplateVersionInfo> =
  | { target: UpdateTarget<V>; problem?: undefined }
  | { problem: Problem; target?: undefined };

export interface TargetContext<V extends TemplateVersionInfo = TemplateVersionInfo> {
  instance: InstanceVersionInfo;
  template: TemplateInfo & { versions: readonly V[] };
  /** The instance's environment, for the compatibility rule (skipped when unknown). */
  environment?: EnvironmentInfo;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function label(t: TemplateInfo, major: string, minor?: string): string {
  return minor === undefined
    ? `major version ${major} of service template ${t.name}`
    : `version ${major}.${minor} of service template ${t.name}`;
}

const VERSION_FIELDS = ['templateMajorVersion', 'templateMinorVersion'];

/** The template version an update targets, or the problem for which Proton refuses it. */
export function resolveTarget<V extends TemplateVersionInfo>(req: UpdateRequest, ctx: TargetContext<V>): TargetResult<V> {
  const { instance: inst, template: t } = ctx;
  const major = req.templateMajorVersion;
  const minor = req.templateMinorVersion;
  const cur = { major: inst.templateMajorVersion, minor: inst.templateMinorVersion };
  const fail = (p: Problem): TargetResult<V> => ({ problem: p });
  const at = (m: string, n: string): TargetResult<V> => ({ target: { major: m, minor: n, version: findVersion(t, m, n) } });

  /** A named version must exist and be PUBLISHED. */
  const published = (m: string, n: string): TargetResult<V> => {
    const v = findVersion(t, m, n);
    if (!v) {
      return fail(problem('version-not-found', `The requested service template version does not exist: ${label(t, m, n)}.`, {
        data: { major: m, minor: n },
      }));
    }
    if (v.status !== 'PUBLISHED') {
      return fail(problem('version-not-published', `${cap(label(t, m, n))} is ${v.status}; only PUBLISHED versions can be deployed.`, {
        data: { major: m, minor: n, status: v.status },
      }));
    }
    return { target: { major: m, minor: n, version: v } };
  };
  /** A named major must exist and have a PUBLISHED minor; the target is its recommended minor. */
  const majorOnly = (m: string): TargetResult<V> => {
    if (!hasMajor(t, m)) {
      return fail(problem('version-not-found', `The requested service template version does not exist: ${label(t, m)}.`, {
        data: { major: m },
      }));
    }
    const rec = recommendedMinor(t, m);
    if (rec === undefined) {
      return fail(problem('version-not-published', `${cap(label(t, m))} has no PUBLISHED minor version.`, { data: { major: m } }));
    }
    return at(m, rec);
  };

  switch (req.deploymentType) {
    case 'NONE':
    case 'CURRENT_VERSION':
      if (major !== undefined || minor !== undefined) {
        return fail(problem(
          'version-not-allowed',
          `deploymentType ${req.deploymentType} does not take templateMajorVersion or templateMinorVersion; the instance stays on version ${cur.major}.${cur.minor}.`,
          { data: { fields: VERSION_FIELDS.filter((f) => (f === 'templateMajorVersion' ? major : minor) !== undefined) } },
        ));
      }
      return at(cur.major, cur.minor);
    case 'MINOR_VERSION': {
      if (major !== undefined && num(major) !== num(cur.major)) {
        return fail(problem(
          'version-major-mismatch',
          `deploymentType MINOR_VERSION keeps the major version ${cur.major}; templateMajorVersion ${major} needs MAJOR_VERSION.`,
          { data: { current: cur.major, major } },
        ));
      }
      if (minor !== undefined) return published(cur.major, minor);
      const rec = recommendedMinor(t, cur.major);
      if (rec === undefined) {
        return fail(problem('version-not-published', `${cap(label(t, cur.major))} has no PUBLISHED minor version.`, {
          data: { major: cur.major },
        }));
      }
      return at(cur.major, rec);
    }
    case 'MAJOR_VERSION': {
      if (major === undefined && minor !== undefined) {
        return fail(problem(
          'version-minor-without-major',
          'deploymentType MAJOR_VERSION with templateMinorVersion needs templateMajorVersion too.',
        ));
      }
      let result: TargetResult<V>;
      if (major === undefined) {
        const rec = recommendedVersion(t);
        if (!rec || num(rec.major) <= num(cur.major)) {
          return fail(problem(
            'version-no-newer',
            `Service template ${t.name} has no PUBLISHED major version higher than ${cur.major}` +
              (rec ? ` (its recommended version is ${rec.major}.${rec.minor})` : '') + '.',
            { data: { current: cur.major } },
          ));
        }
        result = at(rec.major, rec.minor);
      } else if (num(major) <= num(cur.major)) {
        return fail(problem(
          'version-major-not-higher',
          `deploymentType MAJOR_VERSION needs a major version higher than the current ${cur.major}; got ${major}.`,
          { data: { current: cur.major, major } },
        ));
      } else {
        result = minor === undefined ? majorOnly(major) : published(major, minor);
      }
      if (result.problem) return result;
      // Compatibility is read from the target version itself.
      const { target } = result;
      const env = ctx.environment;
      if (env && !isCompatible(target.version, env)) {
        const compat = target.version?.compatibleEnvironmentTemplates ?? [];
        return fail(problem(
          'version-incompatible-environment',
          `${cap(label(t, target.major, target.minor))} is not compatible with environment ${env.name} ` +
            `(environment template ${env.templateName} major version ${env.templateMajorVersion}); it supports ` +
            (compat.length ? compat.map((c) => `${c.templateName}:${c.majorVersion}`).join(', ') : 'no environment templates') + '.',
          { data: { major: target.major, minor: target.minor, environment: env.name } },
        ));
      }
      return result;
    }
  }
}

/**
 * The versions a person may choose for MINOR_VERSION (the current major's other PUBLISHED minors) or
 * MAJOR_VERSION (PUBLISHED versions of higher majors compatible with the environment), recommended first.
 * DRAFT and other unpublished versions are never offered.
 */
export function offeredVersions<V extends TemplateVersionInfo>(
  type: 'MINOR_VERSION' | 'MAJOR_VERSION',
  ctx: TargetContext<V>,
): { version: V; recommended: boolean }[] {
  const { instance: inst, template: t } = ctx;
  const curMajor = num(inst.templateMajorVersion);
  const curMinor = num(inst.templateMinorVersion);
  if (type === 'MINOR_VERSION') {
    const rec = recommendedMinor(t, inst.templateMajorVersion);
    return publishedVersions(t)
      .filter((v) => num(v.majorVersion) === curMajor && num(v.minorVersion) !== curMinor)
      .map((v) => ({ version: v, recommended: rec !== undefined && num(v.minorVersion) === num(rec) }))
      .sort((a, b) => Number(b.recommended) - Number(a.recommended));
  }
  const recMajors = new Set(newerMajors(inst, t, ctx.environment).map((v) => `${v.majorVersion}.${v.minorVersion}`));
  const overall = recommendedVersion(t);
  return publishedVersions(t)
    .filter((v) => num(v.majorVersion) > curMajor && isCompatible(v, ctx.environment))
    .map((v) => ({
      version: v,
      recommended: overall !== undefined && num(v.majorVersion) === num(overall.major) && num(v.minorVersion) === num(overall.minor),
      majorRecommended: recMajors.has(`${v.majorVersion}.${v.minorVersion}`),
    }))
    .sort((a, b) => Number(b.recommended) - Number(a.recommended))
    .map(({ version, recommended }) => ({ version, recommended }));
}

/**
 * Whether a MINOR_VERSION or MAJOR_VERSION update lands on the version the instance runs already: Proton accepts
 * it, but nothing newer is deployed (version-no-newer).
 */
export function landsOnCurrent(req: UpdateRequest, target: { major: string; minor: string }, inst: InstanceVersionInfo): boolean {
  if (req.deploymentType !== 'MINOR_VERSION' && req.deploymentType !== 'MAJOR_VERSION') return false;
  return num(target.major) === num(inst.templateMajorVersion) && num(target.minor) === num(inst.templateMinorVersion);
}
