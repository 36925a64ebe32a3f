// Loads a ProtonSnapshot with a fixed request budget (README "Requests"):
//   ceil(N/100) ListServiceInstances + ListServiceTemplates (paged) + ListEnvironments (paged) + ListComponents (paged)
//   + per template in use: one ListServiceTemplateVersions for its majors and one per major for that major's minors
//     (only majors from the lowest major in use up: see templateVersions).
// Never a request per instance or per service. Template listings start as soon as a page names a new template.
import { instanceKey, type ComponentSummary, type InstanceSummary, type ProtonSnapshot } from '../core/protonSnapshot';
import { findVersion, type TemplateInfo, type TemplateVersionInfo } from '../core/templateVersions';
import type { ProtonGateway, TemplateSummary, TemplateVersionSummary } from './api';
import { limiter } from './limit';

export interface LoadOptions {
  signal?: AbortSignal;
  /** Called with everything listed so far after each ListServiceInstances page. */
  onInstances?: (soFar: InstanceSummary[]) => void;
  /** Concurrent template listings. */
  concurrency?: number;
  /** Called when listing components failed: they are optional, the rest of the snapshot stands. */
  onComponentsError?: (err: unknown) => void;
  /** A newer major's recommended version some instance could move to (once per version per load). */
  onCandidate?: (template: string, major: string, minor: string) => void;
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
 * One template's versions: the majors listing (started when an instance page first names the template), then one
 * listing per major from the lowest major in use up, each started as soon as the majors are known and a page has
 * shown that major in use or a lower one. Lower majors can never be a target (MINOR_VERSION stays on the current
 * major, MAJOR_VERSION only goes up), so their minors are not listed; their majors-listing entry stays. The lowest
 * major only falls as pages arrive, so no listing is ever wasted.
 */
class TemplateLoader {
  private majors: Map<string, TemplateVersionSummary> | undefined;
  private readonly majorsP: Promise<unknown>;
  private readonly lists = new Map<string, Promise<TemplateVersionSummary[]>>();
  private lowest = Infinity;

  constructor(
    private readonly name: string,
    private readonly list: (name: string, major: string | undefined) => Promise<TemplateVersionSummary[]>,
    private readonly onCandidate?: (template: string, major: string, minor: string) => void,
  ) {
    this.majorsP = list(name, undefined).then((m) => {
      this.majors = new Map(m.map((v) => [v.majorVersion, v]));
      this.start();
    });
    this.majorsP.catch(() => undefined);
  }

  /** An instance on `major` was listed. */
  see(major: string): void {
    if (Number(major) < this.lowest) {
      this.lowest = Number(major);
      this.start();
    }
  }

  private start(): void {
    if (!this.majors) return;
    for (const [m, entry] of this.majors) {
      if (Number(m) < this.lowest || this.lists.has(m)) continue;
      const p = this.list(this.name, m);
      p.catch(() => undefined);
      this.lists.set(m, p);
      // A newer major's recommended minor is a candidate update: its compatibility is fetched meanwhile.
      const rec = entry.recommendedMinorVersion ?? (entry.status === 'PUBLISHED' ? entry.minorVersion : undefined);
      if (Number(m) > this.lowest && rec !== undefined) this.onCandidate?.(this.name, m, rec);
    }
  }

  async versions(): Promise<TemplateVersionInfo[]> {
    await this.majorsP;
    this.start();
    const perMajor = await Promise.all(
      [...this.majors!].map(async ([m, entry]) => mergeMajor(m, entry, this.lists.has(m) ? await this.lists.get(m)! : [])),
    );
    return perMajor.flat();
  }
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

  const loaders = new Map<string, TemplateLoader>();
  const listVersions = gw.listTemplateVersions?.bind(gw);
  const see = (i: InstanceSummary): void => {
    if (!listVersions) return;
    let t = loaders.get(i.templateName);
    if (!t) {
      t = new TemplateLoader(i.templateName, (name, major) => run(() => listVersions(name, major, signal)), opts.onCandidate);
      loaders.set(i.templateName, t);
    }
    t.see(i.templateMajorVersion);
  };
  const instances: InstanceSummary[] = [];
  await gw.listInstances({
    signal,
    onPage: (page) => {
      instances.push(...page);
      for (const i of page) see(i);
      opts.onInstances?.(instances);
    },
  });
  const inUse = [...new Set(instances.map((i) => i.templateName))];
  const templates = new Map<string, TemplateInfo>();
  if (listVersions) {
    const summaries = await summariesP;
    const display = new Map((summaries ?? []).map((t) => [t.name, t.displayName]));
    await Promise.all(inUse.map(async (name) => templates.set(name, { name, displayName: display.get(name), versions: await loaders.get(name)!.versions() })));
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
