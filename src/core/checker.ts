// The spec checker (design §4): every check on one parsed spec, each problem placed on the exact key, value or
// directive word. The rules themselves live in serviceSpec, deploymentTarget, templateVersions and templateSchema;
// this adds ranges, directives and the Proton data. Proton data is only read (ProtonFacts): what is missing is
// returned as `needs`, for the caller to fetch once in the background and check again.
import type { Problem, ProblemCode, Severity, Span } from './problems';
import { problem } from './problems';
import { SPEC_MAX_LENGTH } from './protonModel';
import type { ProtonFacts } from './protonSnapshot';
import { instanceIndex, isObj, isServiceSpec, specStructureProblems } from './serviceSpec';
import { codePoints, looksLikeServiceSpec, parseSpecDocument, spanOfPath, spanToRange, type Range, type SpecDocument } from './specDocument';
import type { Directive } from './directives';
import { specTargets, type OpsMapping, type SpecTarget, type SpecTargets } from './specTargets';
import { checkTarget, type TargetInfo } from './targetChecks';

export interface CheckedProblem {
  code: ProblemCode;
  severity: Severity;
  message: string;
  /** 0-based, like VS Code. */
  range: Range;
  /** The same place as offsets in the text. */
  span: Span;
  /** What quick fixes need (spans, allowed values, suggestions). */
  data?: Record<string, unknown>;
}

export type FactNeed =
  | { kind: 'snapshot' }
  | { kind: 'versionDetail'; templateName: string; major: string; minor: string }
  | { kind: 'deployedSpec'; serviceName: string; name: string };

export interface CheckOptions {
  /** Cached Proton data; without it only the local checks run. */
  facts?: ProtonFacts;
  /** The spec's path, from the same base as `opsMappings`. */
  specPath?: string;
  opsMappings?: readonly OpsMapping[];
  /** Check the text as a spec even when it does not look like one (a file named on the command line). */
  force?: boolean;
  /** A problem found before parsing (the bytes were not UTF-8), reported first. */
  encodingProblem?: Problem;
}

export interface CheckResult {
  /** False when the text is not a spec file (nothing was checked). */
  isSpec: boolean;
  problems: CheckedProblem[];
  targets: SpecTargets;
  /** Every directive comment (valid or not), for CodeLens, completion and hover. */
  directives: Directive[];
  /** Per target: the instance, the version the update lands on and its schema, for CodeLens, completion, hover. */
  targetInfo: TargetInfo[];
  /** Proton data the checks lacked: fetch it, then check again. */
  needs: FactNeed[];
}

/** Turns a core problem (path or span) into a placed one. */
export function locate(sd: SpecDocument, p: Problem): CheckedProblem {
  const span = p.span ?? spanOfPath(sd, p.path ?? [], p.onKey);
  const out: CheckedProblem = { code: p.code, severity: p.severity, message: p.message, range: spanToRange(sd, span), span };
  if (p.data) out.data = p.data;
  return out;
}

function tooLargeProblem(sd: SpecDocument): Problem {
  const start = Math.min(sd.text.length, SPEC_MAX_LENGTH);
  const nl = sd.text.indexOf('\n', start);
  const end = nl < 0 || nl - start > 200 ? Math.min(sd.text.length, start + 1) : nl;
  const size = sd.unparsed ? `${sd.text.length.toLocaleString('en-US')}+` : codePoints(sd.text).toLocaleString('en-US');
  return problem('spec-too-large', `The spec has ${size} characters; Proton accepts at most ${SPEC_MAX_LENGTH.toLocaleString('en-US')}.`, {
    span: { start, end: Math.max(start, end) },
  });
}

/** Checks one spec text (or an already parsed one: parse once per document version and pass it). Never throws. */
export function checkSpecDocument(input: string | SpecDocument, opts: CheckOptions = {}): CheckResult {
  const sd = typeof input === 'string' ? parseSpecDocument(input) : input;
  try {
    return runChecks(sd, opts);
  } catch (e) {
    // A safety net: a rule that throws on some input must not take the editor's diagnostics or the CLI down.
    const p = problem('yaml-syntax', `The spec could not be checked: ${(e as Error)?.message ?? String(e)}`, { span: { start: 0, end: 0 } });
    const result: CheckResult = { isSpec: true, problems: [], targets: { targets: [], source: 'none' }, directives: [], targetInfo: [], needs: [] };
    return finish(sd, result, [p]);
  }
}

function runChecks(sd: SpecDocument, opts: CheckOptions): CheckResult {
  const none: SpecTargets = { targets: [], source: 'none' };
  const result: CheckResult = { isSpec: true, problems: [], targets: none, directives: sd.directives.directives, targetInfo: [], needs: [] };
  if (!opts.force && !opts.encodingProblem && !sd.unparsed && !looksLikeServiceSpec(sd.text) && !isServiceSpec(sd.js)) {
    return { ...result, isSpec: false };
  }
  const raw: Problem[] = opts.encodingProblem ? [opts.encodingProblem] : [];
  if (sd.tooLarge) raw.push(tooLargeProblem(sd));
  if (sd.unparsed) return finish(sd, result, raw);
  raw.push(...sd.syntax, ...sd.directives.problems);
  const known = opts.facts?.snapshot?.instances;
  result.targets = specTargets({
    text: sd.text,
    directives: sd.directives.directives,
    specPath: opts.specPath,
    opsMappings: opts.opsMappings,
    knownInstances: known,
    parsed: sd.js,
  });
  if (sd.syntax.length) {
    // While a person types the YAML is often broken: keep the targets' versions and schemas for completion, but
    // report only the syntax.
    const partial = { ...sd, js: sd.partial };
    if (opts.facts) for (const t of result.targets.targets) result.targetInfo.push(checkTarget(partial, t, opts.facts, [], result.needs));
    return finish(sd, result, raw);
  }
  raw.push(...specStructureProblems(sd.js));
  const listed = isServiceSpec(sd.js) && Array.isArray(sd.js.instances);
  for (const t of result.targets.targets) {
    if (listed && instanceIndex(sd.js, t.name) < 0) raw.push(notInSpec(sd, t, result.targets.source));
    if (!opts.facts) continue;
    result.targetInfo.push(checkTarget(sd, t, opts.facts, raw, result.needs));
  }
  return finish(sd, result, raw);
}

function notInSpec(sd: SpecDocument, t: SpecTarget, source: string): Problem {
  const why = source === 'proton-ops' ? ', which proton-ops maps to this file' : source === 'directive' ? ', which the directive names' : '';
  const field = t.directive?.fields.find((f) => f.key === 'name');
  const hasInstances = isObj(sd.js) && 'instances' in sd.js;
  return problem('target-not-in-spec', `"instances" has no entry named "${t.name}"${why}.`, {
    ...(field ? { span: field.valueSpan } : { path: hasInstances ? ['instances'] : [], onKey: true }),
    data: { serviceName: t.serviceName, instance: t.name },
  });
}

function finish(sd: SpecDocument, result: CheckResult, raw: Problem[]): CheckResult {
  const seen = new Set<string>();
  for (const p of raw) {
    const c = locate(sd, p);
    const key = `${c.code}|${c.span.start}|${c.span.end}|${c.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.problems.push(c);
  }
  result.problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const needs = new Map(result.needs.map((n) => [JSON.stringify(n), n]));
  result.needs = [...needs.values()];
  return result;
}
