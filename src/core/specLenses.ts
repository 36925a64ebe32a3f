// The CodeLens lines over each directive and each targeted instance entry: the target's status and version,
// "update available", and the Update… action. Plain data: the adapter turns each into a CodeLens.
import type { CheckResult } from './checker';
import { directiveTarget } from './directives';
import type { Span } from './problems';
import { nodeAt, spanOfPath, type SpecDocument } from './specDocument';

export interface SpecLens {
  /** Where the lens sits (its line is what matters). */
  span: Span;
  title: string;
  tooltip?: string;
  /** Set on the Update… lens: the target to update. */
  update?: { serviceName: string; name: string };
}

/** Lenses for a checked spec, one group per target (directive line, else the instance entry's name). */
export function specLenses(sd: SpecDocument, result: CheckResult): SpecLens[] {
  const out: SpecLens[] = [];
  const seen = new Set<string>();
  for (const info of result.targetInfo) {
    const t = info.target;
    const at = t.directive
      ? t.directive.markerSpan
      : info.entryIndex >= 0 && nodeAt(sd, ['instances', info.entryIndex, 'name']).depth === 3
        ? spanOfPath(sd, ['instances', info.entryIndex, 'name'])
        : undefined;
    if (!at) continue;
    const key = `${at.start}|${t.serviceName}/${t.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const i = info.instance;
    if (!i) {
      out.push({ span: at, title: `${t.serviceName}/${t.name}: not found in Proton` });
      continue;
    }
    out.push({
      span: at,
      title: `${t.serviceName}/${t.name} · ${i.deploymentStatus} · ${i.templateName} ${i.templateMajorVersion}.${i.templateMinorVersion}`,
      tooltip: `Environment ${i.environmentName}`,
    });
    if (info.update) {
      out.push({
        span: at,
        title: `$(arrow-up) ${info.update.major}.${info.update.minor} available (${info.update.kind})` +
          (info.newerMajor ? ` · ${info.newerMajor.major}.${info.newerMajor.minor} (major)` : ''),
        tooltip: `deploymentType ${info.update.kind === 'minor' ? 'MINOR_VERSION' : 'MAJOR_VERSION'} deploys ${info.update.major}.${info.update.minor}` +
          (info.newerMajor ? `; MAJOR_VERSION deploys ${info.newerMajor.major}.${info.newerMajor.minor}` : ''),
      });
    }
    out.push({ span: at, title: 'Update…', tooltip: `Submit UpdateServiceInstance for ${t.serviceName}/${t.name}`, update: { serviceName: t.serviceName, name: t.name } });
  }
  // Directives that name a target Proton data has not described yet still get their Update… lens.
  for (const d of result.directives) {
    const t = directiveTarget(d);
    if (!t || out.some((l) => l.span.start === d.markerSpan.start)) continue;
    out.push({ span: d.markerSpan, title: 'Update…', update: { serviceName: t.serviceName, name: t.name } });
  }
  return out;
}
