// Loads a ProtonSnapshot with a fixed request budget (README "Requests"):
//   ceil(N/100) ListServiceInstances + ListServiceTemplates (paged) + ListEnvironments (paged) + ListComponents (paged)
//   + per template in use: one ListServiceTemplateVersions for its majors and one per major for that major's minors
//     (only majors from the lowest major in use up: see templateVersions).
// Never a request per instance or per service. Template listings start as soon as a page names a new template.
import { instanceKey, type ComponentSummary, type InstanceSummary, type ProtonSnapshot } from '../core/protonSnapshot';
import { findVersion, type TemplateInfo, type TemplateVersionInfo } from '../core/templateVersions';
import type { ProtonGateway, TemplateSummary, TemplateVersionSummary } from './api';
import { limiter, type Limit } from './limit';

export interface LoadOptions {
  signal?: AbortSignal;
  /** Called with everything listed so far after each ListServiceInstances page. */
  onInstances?: (soFar: InstanceSummary[]) => void;
  /** Concurrent template listings. */
  concurrency?: number;
  /** Called when listing components failed: they are optional, the rest of the snapshot stands. */
  onComponentsError?: (err: unknown) => void;
}

/** A major's versions from its own listing; the majors listing's entry and recommended minor fill gaps. */
function mergeMajor(major: string, majorsEntry: TemplateVersionSummary | undefined, minors: TemplateVersionSummary[]): TemplateVersionInfo[] {
  const out: TemplateVersionInfo[] = minors.map(({ recommendedMinorVersion: _r, ...v }) => v);
  if (majorsEntry && !findVersion({ versions: out }, major, majorsEntry.minorVersion)) {
    const { recommendedMinorVersion: _r, ...v } = majorsEntry;
    out.push(v);
  }
  return out;
}

/**
 * A template's versions: the majors listing (started when an instance page first names the template), then one
 * listing per major from the lowest major in use up. Lower majors can never be a target (MINOR_VERSION stays on the
 * current major, MAJOR_VERSION only goes up), so their minors are not listed; their majors-listing entry stays.
 */
function templateVersions(gw: ProtonGateway, name: string, run: Limit, signal?: AbortSignal) {
  const list = gw.listTemplateVersions!.bind(gw);
  const majorsP = run(() => list(name, undefined, signal));
  majorsP.catch(() => undefined);
  return async (lowestMajorInUse: number): Promise<TemplateVersionInfo[]> => {
    const byMajor = new Map((await majorsP).map((v) => [v.majorVersion, v]));
    const perMajor = await Promise.all(
      [...byMajor.keys()].map(async (m) => {
        const entry = byMajor.get(m)!;
        if (Number(m) < lowestMajorInUse) return mergeMajor(m, entry, []);
        return mergeMajor(m, entry, await run(() => list(name, m, signal)));
      }),
    );
    return perMajor.flat();
  };
}

export async function loadSnapshot(gw: ProtonGateway, opts: LoadOptions = {}): Promise<ProtonSnapshot> {
  const { signal } = opts;
  const run = limiter(opts.concurrency ?? 8);
  const summariesP: Promise<TemplateSummary[] | undefined> = gw.listTemplateSummaries ? gw.listTemplateSummaries(signal) : Promise.resolve(undefined);
  const environmentsP = gw.listEnvironments(signal);
  const componentsP = gw.listComponents(signal).then(
    (c) => c,
    (err: unknown) => {
      opts.onComponentsError?.(err);
      return undefined;
    },
  );
  // Keep every promise observed from the start, so a failure of one never surfaces as an unhandled rejection
  // while another is awaited.
  for (const p of [summariesP, environmentsP]) p.catch(() => undefined);

  const versionLoads = new Map<string, (lowestMajorInUse: number) => Promise<TemplateVersionInfo[]>>();
  const startTemplate = (name: string): void => {
    if (gw.listTemplateVersions && !versionLoads.has(name)) versionLoads.set(name, templateVersions(gw, name, run, signal));
  };
  const instances: InstanceSummary[] = [];
  await gw.listInstances({
    signal,
    onPage: (page) => {
      instances.push(...page);
      for (const i of page) startTemplate(i.templateName);
      opts.onInstances?.(instances);
    },
  });
  const lowest = new Map<string, number>();
  for (const i of instances) lowest.set(i.templateName, Math.min(lowest.get(i.templateName) ?? Infinity, Number(i.templateMajorVersion)));
  const inUse = [...lowest.keys()];
  const templates = new Map<string, TemplateInfo>();
  if (gw.listTemplateVersions) {
    const summaries = await summariesP;
    const display = new Map((summaries ?? []).map((t) => [t.name, t.displayName]));
    await Promise.all(
      inUse.map(async (name) => templates.set(name, { name, displayName: display.get(name), versions: await versionLoads.get(name)!(lowest.get(name)!) })),
    );
  } else {
    for (const t of await gw.listTemplates(inUse, signal)) templates.set(t.name, t);
  }
  const environments = new Map((await environmentsP).map((e) => [e.name, e]));
  const componentList = await componentsP;
  let components: Map<string, ComponentSummary> | undefined;
  if (componentList) {
    components = new Map();
    for (const c of componentList) {
      if (c.serviceName && c.serviceInstanceName) components.set(instanceKey(c.serviceName, c.serviceInstanceName), c);
    }
  }
  return { instances, templates, environments, components };
}
