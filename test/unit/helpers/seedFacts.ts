// ProtonFacts with everything cached, read straight from an emulator seed file: what the checker sees once the
// extension's cache is warm. For checker tests and the checker benchmark (no emulator process needed).
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { instanceKey, versionKey, type ComponentSummary, type InstanceSummary, type ProtonFacts, type ProtonSnapshot } from '../../../src/core/protonSnapshot';
import type { EnvironmentInfo, TemplateInfo, TemplateVersionInfo } from '../../../src/core/templateVersions';

type Seed = {
  environments?: { name: string; templateName: string; templateMajorVersion: string }[];
  serviceTemplates?: { name: string; displayName?: string; versions: (TemplateVersionInfo & { majorVersion: string | number; minorVersion: string | number })[] }[];
  services?: { name: string; templateName: string; spec?: string; instances?: { name: string; environmentName: string; templateMajorVersion: string | number; templateMinorVersion: string | number; deploymentStatus?: string; spec?: string }[] }[];
  components?: { name: string; environmentName: string; serviceName?: string; serviceInstanceName?: string; deploymentStatus?: string }[];
};

export interface SeedFacts extends ProtonFacts {
  snapshot: ProtonSnapshot;
  /** How many lookups asked for something not cached (stays 0 with a full seed). */
  misses: number;
}

/** Facts from seed YAML text; `omit` leaves version details out, to test `needs`. */
export function factsFromSeed(text: string, opts: { details?: boolean } = {}): SeedFacts {
  const seed = parseYaml(text) as Seed;
  const details = new Map<string, TemplateVersionInfo>();
  const templates = new Map<string, TemplateInfo>();
  for (const t of seed.serviceTemplates ?? []) {
    const versions = t.versions.map((v) => {
      const full = { ...v, majorVersion: String(v.majorVersion), minorVersion: String(v.minorVersion) };
      details.set(versionKey(t.name, full.majorVersion, full.minorVersion), full);
      return { majorVersion: full.majorVersion, minorVersion: full.minorVersion, status: full.status };
    });
    templates.set(t.name, { name: t.name, displayName: t.displayName, versions });
  }
  const environments = new Map<string, EnvironmentInfo>();
  for (const e of seed.environments ?? []) environments.set(e.name, { name: e.name, templateName: e.templateName, templateMajorVersion: String(e.templateMajorVersion) });
  const instances: InstanceSummary[] = [];
  const specs = new Map<string, string>();
  for (const s of seed.services ?? []) {
    for (const i of s.instances ?? []) {
      instances.push({
        name: i.name,
        serviceName: s.name,
        arn: `arn:aws:proton:us-east-1:123456789012:service/${s.name}/service-instance/${i.name}`,
        environmentName: i.environmentName,
        templateName: s.templateName,
        templateMajorVersion: String(i.templateMajorVersion),
        templateMinorVersion: String(i.templateMinorVersion),
        deploymentStatus: i.deploymentStatus ?? 'SUCCEEDED',
      });
      if (i.spec ?? s.spec) specs.set(instanceKey(s.name, i.name), (i.spec ?? s.spec) as string);
    }
  }
  const components = new Map<string, ComponentSummary>();
  for (const c of seed.components ?? []) {
    if (c.serviceName && c.serviceInstanceName) {
      components.set(instanceKey(c.serviceName, c.serviceInstanceName), { ...c, deploymentStatus: c.deploymentStatus ?? 'SUCCEEDED' });
    }
  }
  const facts: SeedFacts = {
    misses: 0,
    snapshot: { instances, templates, environments, components },
    versionDetail(name, major, minor) {
      const d = opts.details === false ? undefined : details.get(versionKey(name, major, minor));
      if (!d) facts.misses++;
      return d;
    },
    deployedSpec(serviceName, name) {
      return specs.get(instanceKey(serviceName, name));
    },
  };
  return facts;
}

export const factsFromSeedFile = (file: string, opts?: { details?: boolean }): SeedFacts => factsFromSeed(readFileSync(file, 'utf8'), opts);
