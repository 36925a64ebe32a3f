// Template versions as Proton orders and recommends them. Works on plain data shaped like the API's
// ServiceTemplateVersion(Summary), so the emulator's records and the extension's cached answers both fit.
// Version parts are decimal strings that compare as numbers ("10" > "9").

export interface CompatibleEnvironmentTemplate {
  templateName: string;
  majorVersion: string;
}

export interface TemplateVersionInfo {
  majorVersion: string;
  minorVersion: string;
  status: string;
  /** The template's schema.yaml text (GetServiceTemplateVersion only). */
  schema?: string;
  /** Per version (GetServiceTemplateVersion only); undefined when not known yet. */
  compatibleEnvironmentTemplates?: CompatibleEnvironmentTemplate[];
  description?: string;
}

export interface TemplateInfo {
  name: string;
  displayName?: string;
  versions: TemplateVersionInfo[];
}

/** What the version rules need of an instance. */
export interface InstanceVersionInfo {
  name: string;
  serviceName?: string;
  environmentName: string;
  templateName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
  deploymentStatus?: string;
}

/** What the compatibility rule needs of the instance's environment. */
export interface EnvironmentInfo {
  name: string;
  templateName: string;
  templateMajorVersion: string;
}

export interface VersionRef {
  major: string;
  minor: string;
}

export const num = (v: string): number => Number(v);

export const versionLabel = (v: VersionRef): string => `${v.major}.${v.minor}`;

export function compareVersions(aMajor: string, aMinor: string, bMajor: string, bMinor: string): number {
  return num(aMajor) - num(bMajor) || num(aMinor) - num(bMinor);
}

export const compareVersionInfo = (a: TemplateVersionInfo, b: TemplateVersionInfo): number =>
  compareVersions(a.majorVersion, a.minorVersion, b.majorVersion, b.minorVersion);

export function findVersion<V extends TemplateVersionInfo>(
  t: { versions: readonly V[] },
  major: string,
  minor: string,
): V | undefined {
  return t.versions.find((v) => num(v.majorVersion) === num(major) && num(v.minorVersion) === num(minor));
}

export const hasMajor = (t: { versions: readonly TemplateVersionInfo[] }, major: string): boolean =>
  t.versions.some((v) => num(v.majorVersion) === num(major));

export const isPublished = (v: TemplateVersionInfo | undefined): boolean => v?.status === 'PUBLISHED';

/** The highest PUBLISHED minor of a major: that major's recommendedMinorVersion. */
export function recommendedMinor(t: { versions: readonly TemplateVersionInfo[] }, major: string): string | undefined {
  let best: string | undefined;
  for (const v of t.versions) {
    if (num(v.majorVersion) !== num(major) || v.status !== 'PUBLISHED') continue;
    if (best === undefined || num(v.minorVersion) > num(best)) best = v.minorVersion;
  }
  return best;
}

/** The highest PUBLISHED version: the template's recommendedVersion. */
export function recommendedVersion(t: { versions: readonly TemplateVersionInfo[] }): VersionRef | undefined {
  let best: TemplateVersionInfo | undefined;
  for (const v of t.versions) {
    if (v.status === 'PUBLISHED' && (!best || compareVersionInfo(v, best) > 0)) best = v;
  }
  return best && { major: best.majorVersion, minor: best.minorVersion };
}

/** PUBLISHED versions, highest first. */
export function publishedVersions<V extends TemplateVersionInfo>(t: { versions: readonly V[] }): V[] {
  return t.versions.filter((v) => v.status === 'PUBLISHED').sort((a, b) => compareVersionInfo(b, a));
}

export const DEPLOYED_VERSION_STATUSES = ['UP_TO_DATE', 'BEHIND_MINOR', 'BEHIND_MAJOR'] as const;
export type DeployedVersionStatus = (typeof DEPLOYED_VERSION_STATUSES)[number];

/** How far a deployed version is behind its template's recommended version (the ListServiceInstances filter). */
export function deployedVersionStatus(
  t: { versions: readonly TemplateVersionInfo[] } | undefined,
  major: string,
  minor: string,
): DeployedVersionStatus {
  const rec = t && recommendedVersion(t);
  if (!rec) return 'UP_TO_DATE';
  if (num(major) < num(rec.major)) return 'BEHIND_MAJOR';
  if (num(major) === num(rec.major) && num(minor) < num(rec.minor)) return 'BEHIND_MINOR';
  return 'UP_TO_DATE';
}

/**
 * Whether a version's compatibleEnvironmentTemplates admit an environment. Unknown compatibility (not fetched)
 * or an unknown environment count as compatible: only what is known is refused.
 */
export function isCompatible(v: TemplateVersionInfo | undefined, env: EnvironmentInfo | undefined): boolean {
  if (!env || !v?.compatibleEnvironmentTemplates) return true;
  return v.compatibleEnvironmentTemplates.some(
    (c) => c.templateName === env.templateName && num(c.majorVersion) === num(env.templateMajorVersion),
  );
}

export interface AvailableUpdate {
  kind: 'minor' | 'major';
  major: string;
  minor: string;
}

/**
 * The update an instance could take now: a newer recommended minor of its major, else the highest newer major
 * (its recommended minor) compatible with the instance's environment. The minor wins: it is the safe step.
 */
export function availableUpdate(
  inst: InstanceVersionInfo,
  t: { versions: readonly TemplateVersionInfo[] } | undefined,
  env?: EnvironmentInfo,
): AvailableUpdate | undefined {
  if (!t) return undefined;
  const cur = { major: inst.templateMajorVersion, minor: inst.templateMinorVersion };
  const recMinor = recommendedMinor(t, cur.major);
  if (recMinor !== undefined && num(recMinor) > num(cur.minor)) return { kind: 'minor', major: cur.major, minor: recMinor };
  const major = newerMajors(inst, t, env)[0];
  return major && { kind: 'major', major: major.majorVersion, minor: major.minorVersion };
}

/**
 * For each major higher than the instance's, its recommended minor, when that version is compatible with the
 * environment; highest first.
 */
export function newerMajors<V extends TemplateVersionInfo>(
  inst: InstanceVersionInfo,
  t: { versions: readonly V[] },
  env?: EnvironmentInfo,
): V[] {
  const majors = [...new Set(t.versions.map((v) => v.majorVersion))].filter((m) => num(m) > num(inst.templateMajorVersion));
  const out: V[] = [];
  for (const m of majors) {
    const minor = recommendedMinor(t, m);
    const v = minor === undefined ? undefined : findVersion(t, m, minor);
    if (v && isCompatible(v, env)) out.push(v);
  }
  return out.sort((a, b) => compareVersionInfo(b, a));
}
