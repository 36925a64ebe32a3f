// Which template version an UpdateServiceInstance lands on for each deploymentType, and when Proton refuses it
// (docs/emulator.md, "UpdateServiceInstance"). One implementation: the emulator maps a refusal to Proton's error, the checker to a diagnostic,
// the update command offers only the versions allowed here.
import type { DeploymentType } from './protonModel';
import { problem, type Problem } from './problems';
import {
  findVersion,
  hasMajor,
  isCompatible,
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

/** The rules' view of one request on one template: the lookups every deploymentType uses. */
class Resolution<V extends TemplateVersionInfo> {
  readonly cur: { major: string; minor: string };
  constructor(
    readonly req: UpdateRequest,
    readonly ctx: TargetContext<V>,
  ) {
    this.cur = { major: ctx.instance.templateMajorVersion, minor: ctx.instance.templateMinorVersion };
  }

  get t(): TargetContext<V>['template'] {
    return this.ctx.template;
  }

  fail(p: Problem): TargetResult<V> {
    return { problem: p };
  }

  at(m: string, n: string): TargetResult<V> {
    return { target: { major: m, minor: n, version: findVersion(this.t, m, n) } };
  }

  /** A named version must exist and be PUBLISHED. */
  published(m: string, n: string): TargetResult<V> {
    const v = findVersion(this.t, m, n);
    if (!v) {
      return this.fail(problem('version-not-found', `The requested service template version does not exist: ${label(this.t, m, n)}.`, {
        data: { major: m, minor: n },
      }));
    }
    if (v.status !== 'PUBLISHED') {
      return this.fail(problem('version-not-published', `${cap(label(this.t, m, n))} is ${v.status}; only PUBLISHED versions can be deployed.`, {
        data: { major: m, minor: n, status: v.status },
      }));
    }
    return { target: { major: m, minor: n, version: v } };
  }

  /** A major's recommended minor; the major must have a PUBLISHED minor (and exist, when `mustExist`). */
  recommendedOf(m: string, mustExist: boolean): TargetResult<V> {
    if (mustExist && !hasMajor(this.t, m)) {
      return this.fail(problem('version-not-found', `The requested service template version does not exist: ${label(this.t, m)}.`, {
        data: { major: m },
      }));
    }
    const rec = recommendedMinor(this.t, m);
    if (rec === undefined) {
      return this.fail(problem('version-not-published', `${cap(label(this.t, m))} has no PUBLISHED minor version.`, { data: { major: m } }));
    }
    return this.at(m, rec);
  }
}

/** NONE and CURRENT_VERSION stay on the current version and take none in the request. */
function stay<V extends TemplateVersionInfo>(r: Resolution<V>): TargetResult<V> {
  const { templateMajorVersion: major, templateMinorVersion: minor, deploymentType } = r.req;
  if (major !== undefined || minor !== undefined) {
    return r.fail(problem(
      'version-not-allowed',
      `deploymentType ${deploymentType} does not take templateMajorVersion or templateMinorVersion; the instance stays on version ${r.cur.major}.${r.cur.minor}.`,
      { data: { fields: VERSION_FIELDS.filter((f) => (f === 'templateMajorVersion' ? major : minor) !== undefined) } },
    ));
  }
  return r.at(r.cur.major, r.cur.minor);
}

/** MINOR_VERSION keeps the major: a named minor (PUBLISHED), or the major's recommended minor. */
function minorUpdate<V extends TemplateVersionInfo>(r: Resolution<V>): TargetResult<V> {
  const { templateMajorVersion: major, templateMinorVersion: minor } = r.req;
  if (major !== undefined && num(major) !== num(r.cur.major)) {
    return r.fail(problem(
      'version-major-mismatch',
      `deploymentType MINOR_VERSION keeps the major version ${r.cur.major}; templateMajorVersion ${major} needs MAJOR_VERSION.`,
      { data: { current: r.cur.major, major } },
    ));
  }
  return minor !== undefined ? r.published(r.cur.major, minor) : r.recommendedOf(r.cur.major, false);
}

/** MAJOR_VERSION's version before the compatibility check: named, or the template's recommended one. */
function majorCandidate<V extends TemplateVersionInfo>(r: Resolution<V>): TargetResult<V> {
  const { templateMajorVersion: major, templateMinorVersion: minor } = r.req;
  if (major === undefined && minor !== undefined) {
    return r.fail(problem('version-minor-without-major', 'deploymentType MAJOR_VERSION with templateMinorVersion needs templateMajorVersion too.'));
  }
  if (major === undefined) {
    const rec = recommendedVersion(r.t);
    if (!rec || num(rec.major) <= num(r.cur.major)) {
      return r.fail(problem(
        'version-no-newer',
        `Service template ${r.t.name} has no PUBLISHED major version higher than ${r.cur.major}` +
          (rec ? ` (its recommended version is ${rec.major}.${rec.minor})` : '') + '.',
        { data: { current: r.cur.major } },
      ));
    }
    return r.at(rec.major, rec.minor);
  }
  if (num(major) <= num(r.cur.major)) {
    return r.fail(problem(
      'version-major-not-higher',
      `deploymentType MAJOR_VERSION needs a major version higher than the current ${r.cur.major}; got ${major}.`,
      { data: { current: r.cur.major, major } },
    ));
  }
  return minor === undefined ? r.recommendedOf(major, true) : r.published(major, minor);
}

/** MAJOR_VERSION: a higher major, whose version (itself, not its major) is compatible with the environment. */
function majorUpdate<V extends TemplateVersionInfo>(r: Resolution<V>): TargetResult<V> {
  const result = majorCandidate(r);
  const env = r.ctx.environment;
  if (result.problem || !env || isCompatible(result.target.version, env)) return result;
  const { target } = result;
  const compat = target.version?.compatibleEnvironmentTemplates ?? [];
  return r.fail(problem(
    'version-incompatible-environment',
    `${cap(label(r.t, target.major, target.minor))} is not compatible with environment ${env.name} ` +
      `(environment template ${env.templateName} major version ${env.templateMajorVersion}); it supports ` +
      (compat.length ? compat.map((c) => `${c.templateName}:${c.majorVersion}`).join(', ') : 'no environment templates') + '.',
    { data: { major: target.major, minor: target.minor, environment: env.name } },
  ));
}

/** The template version an update targets, or the problem for which Proton refuses it. */
export function resolveTarget<V extends TemplateVersionInfo>(req: UpdateRequest, ctx: TargetContext<V>): TargetResult<V> {
  const r = new Resolution(req, ctx);
  switch (req.deploymentType) {
    case 'NONE':
    case 'CURRENT_VERSION':
      return stay(r);
    case 'MINOR_VERSION':
      return minorUpdate(r);
    case 'MAJOR_VERSION':
      return majorUpdate(r);
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
  const overall = recommendedVersion(t);
  return publishedVersions(t)
    .filter((v) => num(v.majorVersion) > curMajor && isCompatible(v, ctx.environment))
    .map((v) => ({
      version: v,
      recommended: overall !== undefined && num(v.majorVersion) === num(overall.major) && num(v.minorVersion) === num(overall.minor),
    }))
    .sort((a, b) => Number(b.recommended) - Number(a.recommended));
}

/**
 * Whether a MINOR_VERSION or MAJOR_VERSION update lands on the version the instance runs already: Proton accepts
 * it, but nothing newer is deployed (version-no-newer).
 */
export function landsOnCurrent(req: UpdateRequest, target: { major: string; minor: string }, inst: InstanceVersionInfo): boolean {
  if (req.deploymentType !== 'MINOR_VERSION' && req.deploymentType !== 'MAJOR_VERSION') return false;
  return num(target.major) === num(inst.templateMajorVersion) && num(target.minor) === num(inst.templateMinorVersion);
}
