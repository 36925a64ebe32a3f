// What the update command offers for one instance: the four deploymentTypes, each saying what it would do to the
// instance now (or why it cannot apply), and the template versions MINOR_VERSION / MAJOR_VERSION may land on.
// Built only from the shared rules (resolveTarget, offeredVersions, newerMajors), so the picker never offers what
// Proton would refuse.
import { DEPLOYMENT_TYPES, isBusy, type DeploymentType } from './protonModel';
import { offeredVersions, resolveTarget, type TargetContext } from './deploymentTarget';
import { findVersion, newerMajors, num, recommendedMinor, recommendedVersion, type TemplateVersionInfo, type VersionRef } from './templateVersions';

export interface DeploymentTypeChoice {
  type: DeploymentType;
  /** What happens to the instance now: "redeploy the spec on v1.2", "v1.2 → v1.4 (recommended)". */
  detail: string;
  /** Where the update lands when chosen without naming a version. */
  target?: VersionRef;
  /** Set when the type cannot apply to this instance now: the reason, shown instead of acting. */
  disabledReason?: string;
  /** MINOR_VERSION and MAJOR_VERSION ask for the version next. */
  needsVersion: boolean;
}

export const v = (r: VersionRef): string => `v${r.major}.${r.minor}`;

const ref = (x: TemplateVersionInfo): VersionRef => ({ major: x.majorVersion, minor: x.minorVersion });

/** The four deploymentTypes in the API's order, each with what it would do now or why it cannot apply. */
export function deploymentTypeChoices(ctx: TargetContext): DeploymentTypeChoice[] {
  return DEPLOYMENT_TYPES.map((type) => choiceFor(type, ctx));
}

function choiceFor(type: DeploymentType, ctx: TargetContext): DeploymentTypeChoice {
  const cur: VersionRef = { major: ctx.instance.templateMajorVersion, minor: ctx.instance.templateMinorVersion };
  switch (type) {
    case 'NONE':
      return { type, detail: `metadata only, no deployment: the spec is stored, ${v(cur)} keeps running`, target: cur, needsVersion: false };
    case 'CURRENT_VERSION':
      return { type, detail: `redeploy the spec on ${v(cur)}`, target: cur, needsVersion: false };
    case 'MINOR_VERSION':
      return minorChoice(ctx, cur);
    case 'MAJOR_VERSION':
      return majorChoice(ctx, cur);
  }
}

function minorChoice(ctx: TargetContext, cur: VersionRef): DeploymentTypeChoice {
  const type = 'MINOR_VERSION';
  const rec = recommendedMinor(ctx.template, cur.major);
  if (rec !== undefined && num(rec) > num(cur.minor)) {
    const target = { major: cur.major, minor: rec };
    return { type, needsVersion: true, target, detail: `${v(cur)} → ${v(target)} (recommended)` };
  }
  // Nothing newer, but Proton takes any other published minor of the major: an older one is a roll back.
  if (offeredVersions(type, ctx).length > 0) {
    return { type, needsVersion: true, detail: `roll back to an older minor: ${v(cur)} is the newest published minor of major ${cur.major}` };
  }
  return {
    type,
    needsVersion: true,
    detail: `no other minor version: ${v(cur)} is the only published minor of major ${cur.major}`,
    disabledReason: `${ctx.template.name} has no other published minor version in major ${cur.major} than ${v(cur)}.`,
  };
}

function majorChoice(ctx: TargetContext, cur: VersionRef): DeploymentTypeChoice {
  const type = 'MAJOR_VERSION';
  const best = newerMajors(ctx.instance, ctx.template, ctx.environment)[0];
  if (best) {
    const target = ref(best);
    return { type, needsVersion: true, target, detail: `${v(cur)} → ${v(target)} (recommended major)` };
  }
  // Nothing newer that fits: say whether nothing is published or the environment rules it out.
  const refused = resolveTarget({ deploymentType: type }, ctx).problem;
  const newer = ctx.template.versions.some((x) => x.status === 'PUBLISHED' && num(x.majorVersion) > num(cur.major));
  const reason = newer
    ? refused?.code === 'version-incompatible-environment'
      ? refused.message
      : `No published major version of ${ctx.template.name} newer than ${cur.major} is compatible with environment ${ctx.instance.environmentName}.`
    : `${ctx.template.name} has no published major version newer than ${cur.major}.`;
  return { type, needsVersion: true, detail: newer ? incompatibleDetail(ctx, cur) : `no newer major version than ${cur.major}`, disabledReason: reason };
}

/** "no compatible newer major: web v3.0 needs environment template vpc 3; dev runs vpc 2", as far as known. */
function incompatibleDetail(ctx: TargetContext, cur: VersionRef): string {
  const env = ctx.environment;
  // Only called when a newer major is published, so the template's recommended (highest PUBLISHED) version is one.
  const best = recommendedVersion(ctx.template);
  const newest = best && num(best.major) > num(cur.major) ? findVersion(ctx.template, best.major, best.minor) : undefined;
  const needs = newest?.compatibleEnvironmentTemplates?.map((c) => `${c.templateName} ${c.majorVersion}`);
  if (!env || !newest || !needs?.length) return `no compatible newer major: environment ${ctx.instance.environmentName} does not support it`;
  return `no compatible newer major: ${ctx.template.name} ${v(ref(newest))} needs environment template ${needs.join(' or ')}; ` +
    `${env.name} runs ${env.templateName} ${env.templateMajorVersion}`;
}

export interface VersionChoice {
  major: string;
  minor: string;
  recommended: boolean;
  /** "v1.4" */
  label: string;
  /** "recommended", or the version's place relative to the current one. */
  description: string;
  /** The version's own description, when it has one. */
  detail?: string;
}

/** The PUBLISHED versions a person may choose for MINOR_VERSION or MAJOR_VERSION, recommended first and marked. */
export function versionChoices(type: 'MINOR_VERSION' | 'MAJOR_VERSION', ctx: TargetContext): VersionChoice[] {
  const cur = { major: ctx.instance.templateMajorVersion, minor: ctx.instance.templateMinorVersion };
  return offeredVersions(type, ctx).map(({ version, recommended }) => {
    const r = ref(version);
    const older = num(r.major) === num(cur.major) && num(r.minor) < num(cur.minor);
    const description = [recommended ? 'recommended' : '', older ? `older than ${v(cur)} (roll back)` : ''].filter(Boolean).join(' · ');
    return { ...r, recommended, label: v(r), description, detail: version.description };
  });
}

/**
 * The version to preselect: the directive's when it names one that is offered (a major alone means that major's
 * first offered minor), else the first (recommended) one.
 */
export function preselectedVersion(
  choices: readonly VersionChoice[],
  wanted?: { templateMajorVersion?: string; templateMinorVersion?: string },
): VersionChoice | undefined {
  const major = wanted?.templateMajorVersion;
  const minor = wanted?.templateMinorVersion;
  const match = choices.find(
    (c) => (major === undefined || num(c.major) === num(major)) && (minor === undefined || num(c.minor) === num(minor)) && (major !== undefined || minor !== undefined),
  );
  return match ?? choices[0];
}

/** Why no update can be submitted for the instance now (it or its component is busy), or undefined. */
export function busyReason(
  instance: { serviceName?: string; name: string; deploymentStatus?: string },
  component?: { name: string; deploymentStatus: string },
): string | undefined {
  const who = instance.serviceName ? `${instance.serviceName}/${instance.name}` : instance.name;
  if (isBusy(instance.deploymentStatus)) {
    return `Service instance ${who} is ${instance.deploymentStatus}: a deployment is in progress — wait or cancel it.`;
  }
  if (component && isBusy(component.deploymentStatus)) {
    return `Component ${component.name} of service instance ${who} is ${component.deploymentStatus}: Proton refuses updates until it settles.`;
  }
  return undefined;
}
