// Service templates and their versions; environment templates.
import { notFound } from '../errors';
import { paginate } from '../pagination';
import { compareVersionInfo, findVersion, num, recommendedMinor } from '../../core/templateVersions';
import { findServiceTemplate } from '../lookups';
import type { TemplateVersionRecord } from '../state';
import { environmentTemplate, serviceTemplate, templateVersion, templateVersionSummary } from '../outputShapes';
import type { Handler } from './types';

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byVersion = compareVersionInfo;

export const ListServiceTemplates: Handler = (store, input) => {
  const s = store.state;
  const { page, nextToken } = paginate([...s.serviceTemplates].sort(byName), input, ['ListServiceTemplates']);
  return { templates: page.map((t) => serviceTemplate(s, t)), ...(nextToken ? { nextToken } : {}) };
};

export const GetServiceTemplate: Handler = (store, input) => {
  const t = findServiceTemplate(store.state, input.name);
  if (!t) throw notFound(`The service template ${input.name} does not exist.`);
  return { serviceTemplate: serviceTemplate(store.state, t) };
};

/**
 * With majorVersion: that major's minors. Without: one entry per major — its recommended minor when it has a
 * PUBLISHED one, else its highest minor.
 */
export const ListServiceTemplateVersions: Handler = (store, input) => {
  const s = store.state;
  const t = findServiceTemplate(s, input.templateName);
  if (!t) throw notFound(`The service template ${input.templateName} does not exist.`);
  let versions: TemplateVersionRecord[];
  if (input.majorVersion !== undefined) {
    versions = t.versions.filter((v) => num(v.majorVersion) === num(input.majorVersion)).sort(byVersion);
  } else {
    const majors = new Map<string, TemplateVersionRecord>();
    for (const v of [...t.versions].sort(byVersion)) {
      const rec = recommendedMinor(t, v.majorVersion);
      const chosen = majors.get(v.majorVersion);
      if (rec !== undefined) {
        if (v.minorVersion === rec) majors.set(v.majorVersion, v);
      } else if (!chosen || num(v.minorVersion) > num(chosen.minorVersion)) {
        majors.set(v.majorVersion, v);
      }
    }
    versions = [...majors.values()].sort(byVersion);
  }
  const { page, nextToken } = paginate(versions, input, ['ListServiceTemplateVersions', t.name, input.majorVersion ?? null]);
  return { templateVersions: page.map((v) => templateVersionSummary(s, t, v)), ...(nextToken ? { nextToken } : {}) };
};

export const GetServiceTemplateVersion: Handler = (store, input) => {
  const s = store.state;
  const t = findServiceTemplate(s, input.templateName);
  const v = t && findVersion(t, input.majorVersion, input.minorVersion);
  if (!t || !v) {
    throw notFound(`The requested service template version does not exist: ${input.templateName}:${input.majorVersion}.${input.minorVersion}.`);
  }
  return { serviceTemplateVersion: templateVersion(s, t, v) };
};

export const ListEnvironmentTemplates: Handler = (store, input) => {
  const s = store.state;
  const { page, nextToken } = paginate([...s.environmentTemplates].sort(byName), input, ['ListEnvironmentTemplates']);
  return { templates: page.map((t) => environmentTemplate(s, t)), ...(nextToken ? { nextToken } : {}) };
};

export const GetEnvironmentTemplate: Handler = (store, input) => {
  const t = store.state.environmentTemplates.find((x) => x.name === input.name);
  if (!t) throw notFound(`The environment template ${input.name} does not exist.`);
  return { environmentTemplate: environmentTemplate(store.state, t) };
};
