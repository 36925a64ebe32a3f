// UpdateServiceInstance's version rules (design §3), written from Proton's API reference: which template version a
// deployment type targets, and when that target is refused. Kept apart from the extension's checker on purpose:
// the tests compare the two.
import { notFound, validation } from './errors';
import type { DeploymentUpdateType } from './shapes';
import {
  findEnvironment,
  findVersion,
  num,
  recommendedMinor,
  recommendedVersion,
  type EmulatorState,
  type InstanceRecord,
  type ServiceTemplateRecord,
  type TemplateVersionRecord,
} from './state';

export interface UpdateTarget {
  major: string;
  minor: string;
  version: TemplateVersionRecord | undefined;
}

function versionLabel(t: ServiceTemplateRecord, major: string, minor?: string): string {
  return minor === undefined ? `major version ${major} of service template ${t.name}` : `version ${major}.${minor} of service template ${t.name}`;
}

/** A named version must exist (ResourceNotFound) and be PUBLISHED (Validation). */
function requirePublished(t: ServiceTemplateRecord, major: string, minor: string): TemplateVersionRecord {
  const v = findVersion(t, major, minor);
  if (!v) throw notFound(`The requested service template version does not exist: ${versionLabel(t, major, minor)}.`);
  if (v.status !== 'PUBLISHED') {
    throw validation(`${cap(versionLabel(t, major, minor))} is ${v.status}; only PUBLISHED versions can be deployed.`);
  }
  return v;
}

/** A named major must exist (ResourceNotFound) and have a PUBLISHED minor (Validation); returns that recommended minor. */
function requireMajor(t: ServiceTemplateRecord, major: string): string {
  if (!t.versions.some((v) => v.majorVersion === major)) {
    throw notFound(`The requested service template version does not exist: ${versionLabel(t, major)}.`);
  }
  const minor = recommendedMinor(t, major);
  if (minor === undefined) throw validation(`${cap(versionLabel(t, major))} has no PUBLISHED minor version.`);
  return minor;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The template version an update targets, or the error Proton answers. `major`/`minor` are the request's
 * templateMajorVersion/templateMinorVersion.
 */
export function resolveTarget(
  state: EmulatorState,
  inst: InstanceRecord,
  template: ServiceTemplateRecord,
  type: DeploymentUpdateType,
  major: string | undefined,
  minor: string | undefined,
): UpdateTarget {
  const curMajor = inst.templateMajorVersion;
  const curMinor = inst.templateMinorVersion;
  switch (type) {
    case 'NONE':
    case 'CURRENT_VERSION': {
      if (major !== undefined || minor !== undefined) {
        throw validation(`deploymentType ${type} does not take templateMajorVersion or templateMinorVersion; the instance stays on version ${curMajor}.${curMinor}.`);
      }
      return { major: curMajor, minor: curMinor, version: findVersion(template, curMajor, curMinor) };
    }
    case 'MINOR_VERSION': {
      if (major !== undefined && num(major) !== num(curMajor)) {
        throw validation(`deploymentType MINOR_VERSION keeps the major version ${curMajor}; templateMajorVersion ${major} needs MAJOR_VERSION.`);
      }
      if (minor === undefined) {
        const rec = recommendedMinor(template, curMajor);
        if (rec === undefined) throw validation(`${cap(versionLabel(template, curMajor))} has no PUBLISHED minor version.`);
        return { major: curMajor, minor: rec, version: findVersion(template, curMajor, rec) };
      }
      return { major: curMajor, minor, version: requirePublished(template, curMajor, minor) };
    }
    case 'MAJOR_VERSION': {
      if (major === undefined && minor !== undefined) {
        throw validation('deploymentType MAJOR_VERSION with templateMinorVersion needs templateMajorVersion too.');
      }
      let target: UpdateTarget;
      if (major === undefined) {
        const rec = recommendedVersion(template);
        if (!rec || num(rec.major) <= num(curMajor)) {
          throw validation(
            `Service template ${template.name} has no PUBLISHED major version higher than ${curMajor}` +
              (rec ? ` (its recommended version is ${rec.major}.${rec.minor})` : '') + '.',
          );
        }
        target = { major: rec.major, minor: rec.minor, version: findVersion(template, rec.major, rec.minor) };
      } else {
        if (num(major) <= num(curMajor)) {
          throw validation(`deploymentType MAJOR_VERSION needs a major version higher than the current ${curMajor}; got ${major}.`);
        }
        if (minor === undefined) {
          const rec = requireMajor(template, major);
          target = { major, minor: rec, version: findVersion(template, major, rec) };
        } else {
          target = { major, minor, version: requirePublished(template, major, minor) };
        }
      }
      // Compatibility is read from the target version itself.
      const env = findEnvironment(state, inst.environmentName);
      const compat = target.version?.compatibleEnvironmentTemplates ?? [];
      if (env && !compat.some((c) => c.templateName === env.templateName && num(c.majorVersion) === num(env.templateMajorVersion))) {
        throw validation(
          `${cap(versionLabel(template, target.major, target.minor))} is not compatible with environment ${env.name} ` +
            `(environment template ${env.templateName} major version ${env.templateMajorVersion}); it supports ` +
            (compat.length ? compat.map((c) => `${c.templateName}:${c.majorVersion}`).join(', ') : 'no environment templates') + '.',
        );
      }
      return target;
    }
  }
}
