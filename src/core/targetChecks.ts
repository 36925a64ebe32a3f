// The checks of one target that need Proton's data (design §4): the instance exists, is not busy, the directive's
// deploymentType and versions are allowed (deploymentTarget's rules), and the inputs satisfy the schema of the
// version the update would land on. Reads cached facts only; what is missing goes into `needs`.
import type { FactNeed } from './checker';
import { landsOnCurrent, offeredVersions, resolveTarget, type UpdateRequest } from './deploymentTarget';
import { problem, type Problem, type Span } from './problems';
import { CURRENT_VAL, isBusy, type DeploymentType } from './protonModel';
import { instanceKey, type InstanceSummary, type ProtonFacts } from './protonSnapshot';
import { checkInstanceSpec, instanceIndex, instanceInputs, isObj } from './serviceSpec';
import type { SpecDocument } from './specDocument';
import type { SpecTarget } from './specTargets';
import { closest } from './suggest';
import { schemaNodeAt, tryParseTemplateSchema, type TemplateSchema } from './templateSchema';
import { availableUpdate, findVersion, newerMajors, type AvailableUpdate, type TemplateInfo } from './templateVersions';
import { parse as parseYaml } from './yamlLibrary';

export interface LandingVersion {
  major: string;
  minor: string;
  /**
   * Why this version: 'current', 'named' (by the directive or the picker), the deploymentType that picks it, or
   * 'refused' (Proton would refuse the directive and it names no existing version: the inputs are not judged).
   */
  why: 'current' | 'named' | DeploymentType | 'refused';
}

export interface TargetInfo {
  target: SpecTarget;
  instance?: InstanceSummary;
  template?: TemplateInfo;
  /** The version an update lands on (inputs are checked against its schema). */
  landing?: LandingVersion;
  schema?: TemplateSchema;
  /** The `instances` entry of the target, or -1. */
  entryIndex: number;
  /** True when Proton would refuse the directive's deploymentType/versions. */
  refused?: boolean;
  /** Busy status of the instance or its component. */
  busy?: string;
  update?: AvailableUpdate;
  /** When `update` is a minor: the newest major the environment supports as well, if any. */
  newerMajor?: { major: string; minor: string };
}

const schemaCache = new Map<string, TemplateSchema | null>();

function schemaOf(text: string): TemplateSchema | undefined {
  let s = schemaCache.get(text);
  if (s === undefined) {
    const r = tryParseTemplateSchema(text);
    s = 'schema' in r ? r.schema : null;
    if (schemaCache.size >= 64) schemaCache.delete(schemaCache.keys().next().value as string);
    schemaCache.set(text, s);
  }
  return s ?? undefined;
}

/** Where a target-level problem goes: a directive word, else the instance entry's name, else `instances`. */
function anchor(sd: SpecDocument, t: SpecTarget, entry: number, ...keys: string[]): Pick<Problem, 'span' | 'path' | 'onKey'> {
  const d = t.directive;
  if (d) {
    for (const k of keys) {
      const f = d.fields.find((x) => x.key === k);
      if (f) return { span: f.valueSpan };
    }
    return { span: d.markerSpan };
  }
  if (entry >= 0) return { path: ['instances', entry, 'name'] };
  return { path: isObj(sd.js) && 'instances' in sd.js ? ['instances'] : [], onKey: true };
}

export function checkTarget(sd: SpecDocument, t: SpecTarget, facts: ProtonFacts, out: Problem[], needs: FactNeed[]): TargetInfo {
  const entryIndex = instanceIndex(sd.js, t.name);
  const info: TargetInfo = { target: t, entryIndex };
  const snap = facts.snapshot;
  if (!snap) {
    needs.push({ kind: 'snapshot' });
    return info;
  }
  const inst = snap.instances.find((i) => i.serviceName === t.serviceName && i.name === t.name);
  if (!inst) {
    out.push(notFound(sd, t, entryIndex, snap.instances));
    return info;
  }
  info.instance = inst;
  const comp = snap.components?.get(instanceKey(t.serviceName, t.name));
  const busy = isBusy(inst.deploymentStatus) ? inst.deploymentStatus : isBusy(comp?.deploymentStatus) ? comp?.deploymentStatus : undefined;
  if (busy) {
    info.busy = busy;
    const who = isBusy(inst.deploymentStatus) ? `Instance ${t.serviceName}/${t.name} is ${busy}` : `Component ${comp?.name} of ${t.serviceName}/${t.name} is ${busy}`;
    out.push(problem('instance-busy', `${who}: Proton refuses an update until it settles.`, {
      ...anchor(sd, t, entryIndex),
      data: { status: busy },
    }));
  }
  const summary = snap.templates.get(inst.templateName);
  if (!summary) return info;
  // Version details (schema, compatibility) where cached; summaries otherwise.
  const template: TemplateInfo = {
    ...summary,
    versions: summary.versions.map((v) => facts.versionDetail(summary.name, v.majorVersion, v.minorVersion) ?? v),
  };
  info.template = template;
  const env = snap.environments.get(inst.environmentName);
  const before = out.length;
  info.landing = versionChecks(sd, t, inst, template, env, entryIndex, out);
  info.refused = out.slice(before).some((p) => p.severity === 'error');
  info.update = availableUpdate(inst, template, env);
  const major = info.update?.kind === 'minor' ? newerMajors(inst, template, env)[0] : undefined;
  if (major) info.newerMajor = { major: major.majorVersion, minor: major.minorVersion };
  updateAvailable(sd, t, info, out);
  inputChecks(sd, t, info, facts, out, needs);
  return info;
}

function notFound(sd: SpecDocument, t: SpecTarget, entry: number, all: readonly InstanceSummary[]): Problem {
  const ofService = all.filter((i) => i.serviceName === t.serviceName).map((i) => i.name);
  if (!ofService.length) {
    const guess = closest(t.serviceName, [...new Set(all.map((i) => i.serviceName))]);
    return problem('target-not-found', `Proton has no service "${t.serviceName}"${guess ? `; did you mean "${guess}"?` : '.'}`, {
      ...anchor(sd, t, entry, 'serviceName'),
      data: { replacement: t.directive ? guess : undefined },
    });
  }
  const guess = closest(t.name, ofService);
  return problem(
    'target-not-found',
    `Service ${t.serviceName} has no instance "${t.name}"` + (guess ? `; did you mean "${guess}"?` : `; it has ${ofService.join(', ')}.`),
    { ...anchor(sd, t, entry, 'name'), data: { replacement: t.directive ? guess : undefined } },
  );
}

/** Spans of the directive's fields, for the version quick fixes. */
function fieldSpans(t: SpecTarget): Record<string, { span: Span; valueSpan: Span }> {
  const out: Record<string, { span: Span; valueSpan: Span }> = {};
  for (const f of t.directive?.fields ?? []) out[f.key] = { span: f.span, valueSpan: f.valueSpan };
  return out;
}

function versionChecks(
  sd: SpecDocument,
  t: SpecTarget,
  inst: InstanceSummary,
  template: TemplateInfo,
  env: Parameters<typeof availableUpdate>[2],
  entry: number,
  out: Problem[],
): LandingVersion {
  const current: LandingVersion = { major: inst.templateMajorVersion, minor: inst.templateMinorVersion, why: 'current' };
  const type = t.deploymentType;
  if (!type) {
    // Versions named without a type: check inputs against that version when it exists.
    const { templateMajorVersion: major, templateMinorVersion: minor } = t;
    return major !== undefined && minor !== undefined && findVersion(template, major, minor) ? { major, minor, why: 'named' } : current;
  }
  const req: UpdateRequest = { deploymentType: type, templateMajorVersion: t.templateMajorVersion, templateMinorVersion: t.templateMinorVersion };
  const ctx = { instance: inst, template, environment: env };
  const res = resolveTarget(req, ctx);
  const fields = fieldSpans(t);
  if (res.problem) {
    const p = res.problem;
    const at = PROBLEM_FIELDS[p.code] ?? ['deploymentType'];
    const offered = type === 'MINOR_VERSION' || type === 'MAJOR_VERSION' ? offeredVersions(type, ctx) : [];
    const rec = offered.find((o) => o.recommended)?.version ?? offered[0]?.version;
    out.push({
      ...p,
      ...anchor(sd, t, entry, ...at),
      data: {
        ...p.data,
        deploymentType: type,
        current: { major: current.major, minor: current.minor },
        recommended: rec && { major: rec.majorVersion, minor: rec.minorVersion },
        fieldSpans: fields,
        typeSpan: fields.deploymentType?.valueSpan,
      },
    });
    // Judge the inputs against the version the directive names when it exists: that is what the author means to
    // deploy. Otherwise judge them against none: problems against the current version would be about a version
    // nobody targets (its schema still serves completion and hover).
    const major = t.templateMajorVersion ?? (type === 'MINOR_VERSION' ? current.major : undefined);
    const minor = t.templateMinorVersion;
    if (major !== undefined && minor !== undefined && findVersion(template, major, minor)) return { major, minor, why: 'named' };
    return { ...current, why: 'refused' };
  }
  if (landsOnCurrent(req, res.target, inst)) {
    out.push(problem(
      'version-no-newer',
      `deploymentType ${type} deploys ${template.name} ${res.target.major}.${res.target.minor}, the version ${t.serviceName}/${t.name} runs already; ` +
        `there is no newer PUBLISHED ${type === 'MINOR_VERSION' ? `minor version of major ${current.major}` : 'major version'}.`,
      { ...anchor(sd, t, entry, 'templateMinorVersion', 'deploymentType'), data: { fieldSpans: fields } },
    ));
  }
  const named = t.templateMajorVersion !== undefined || t.templateMinorVersion !== undefined;
  return { major: res.target.major, minor: res.target.minor, why: named ? 'named' : type };
}

/** The directive words a version problem is placed on, first present wins. */
const PROBLEM_FIELDS: Partial<Record<string, string[]>> = {
  'version-not-allowed': ['templateMajorVersion', 'templateMinorVersion'],
  'version-major-mismatch': ['templateMajorVersion'],
  'version-major-not-higher': ['templateMajorVersion'],
  'version-minor-without-major': ['templateMinorVersion'],
  'version-not-found': ['templateMinorVersion', 'templateMajorVersion', 'deploymentType'],
  'version-not-published': ['templateMinorVersion', 'templateMajorVersion', 'deploymentType'],
  'version-incompatible-environment': ['templateMajorVersion', 'deploymentType'],
  'version-no-newer': ['deploymentType'],
};

function updateAvailable(sd: SpecDocument, t: SpecTarget, info: TargetInfo, out: Problem[]): void {
  const { update: u, landing, instance: inst, template } = info;
  if (!u || !landing || !inst || !template || info.refused) return;
  if (Number(landing.major) > Number(u.major) || (Number(landing.major) === Number(u.major) && Number(landing.minor) >= Number(u.minor))) return;
  const how = u.kind === 'minor' ? 'MINOR_VERSION' : 'MAJOR_VERSION';
  out.push(problem(
    'version-update-available',
    `${template.name} ${u.major}.${u.minor} is available for ${t.serviceName}/${t.name} (it runs ${inst.templateMajorVersion}.${inst.templateMinorVersion}); deploymentType ${how} deploys it.`,
    { ...anchor(sd, t, info.entryIndex, 'deploymentType'), data: { major: u.major, minor: u.minor, kind: u.kind } },
  ));
}

function landingLabel(info: TargetInfo, t: SpecTarget): string {
  const l = info.landing as LandingVersion;
  // A version is named by a directive, or (the update command's gate) chosen in the version picker.
  const named = t.directive ? "the directive's version" : 'the chosen version';
  const why = l.why === 'current' ? 'the current version' : l.why === 'named' ? named : `the version ${l.why} deploys`;
  return `${info.template?.name} ${l.major}.${l.minor}, ${why}`;
}

function inputChecks(sd: SpecDocument, t: SpecTarget, info: TargetInfo, facts: ProtonFacts, out: Problem[], needs: FactNeed[]): void {
  const { landing, template, instance: inst } = info;
  if (!landing || !template || !inst || info.entryIndex < 0) return;
  // An entry whose spec is not a mapping has a structure problem already; judging its inputs adds only noise.
  const entry = (sd.js as { instances: unknown[] }).instances[info.entryIndex];
  if (!isObj(entry) || !isObj(entry.spec)) return;
  const detail = facts.versionDetail(template.name, landing.major, landing.minor);
  if (!detail) {
    needs.push({ kind: 'versionDetail', templateName: template.name, major: landing.major, minor: landing.minor });
    return;
  }
  const schema = detail.schema ? schemaOf(detail.schema) : undefined;
  if (!schema) return;
  info.schema = schema;
  // "${Proton::CURRENT_VAL}" needs the deployed spec; until it is cached those inputs are not judged.
  const keep = Object.entries(instanceInputs(sd.js, t.name)).filter(([, v]) => v === CURRENT_VAL).map(([k]) => k);
  let deployed: Record<string, unknown> | undefined;
  if (keep.length) {
    const text = facts.deployedSpec?.(t.serviceName, t.name);
    if (text === undefined) needs.push({ kind: 'deployedSpec', serviceName: t.serviceName, name: t.name });
    else deployed = instanceInputs(safeParse(text), t.name);
  }
  const res = checkInstanceSpec(sd.js, { instanceName: t.name, environmentName: inst.environmentName, schema, deployedInputs: deployed ?? {} });
  const label = landingLabel(info, t);
  for (const p of res.problems) {
    // Structure is specStructureProblems' job; only the environment mismatch is new here.
    if (p.code !== 'spec-structure' && !p.code.startsWith('input-')) continue;
    if (p.code === 'spec-structure' && !(typeof entry.environment === 'string' && entry.environment !== '')) continue;
    const rel = p.path ?? [];
    if (!deployed && rel.length >= 4 && rel[2] === 'spec' && keep.includes(String(rel[3]))) continue;
    if (!p.code.startsWith('input-')) {
      out.push(p);
      continue;
    }
    if (landing.why === 'refused') continue;
    out.push({ ...p, message: `${p.message} (${label})`, data: { ...p.data, ...inputData(schema, rel, sd) } });
  }
}

/** For quick fixes and hover: the schema facts of the input at a problem's path. */
function inputData(schema: TemplateSchema, path: (string | number)[], sd: SpecDocument): Record<string, unknown> {
  const inPipeline = path[0] === 'pipeline';
  const type = inPipeline ? schema.pipelineInputType : schema.serviceInputType;
  const rel = inPipeline ? path.slice(1) : path.slice(3);
  if (!type) return {};
  const node = schemaNodeAt(schema, type, rel);
  const parent = schemaNodeAt(schema, type, rel.slice(0, -1));
  const props = parent && isObj(parent.properties) ? Object.keys(parent.properties) : [];
  const here = instanceValueAt(sd.js, path.slice(0, -1));
  const present = new Set(isObj(here) ? Object.keys(here) : []);
  return {
    path,
    input: rel[rel.length - 1],
    enum: node?.enum,
    default: node?.default,
    type: node?.type ?? (node?.properties ? 'object' : undefined),
    minimum: node?.minimum,
    known: props.filter((p) => !present.has(p)),
  };
}

function instanceValueAt(js: unknown, path: (string | number)[]): unknown {
  let v = js;
  for (const step of path) {
    if (Array.isArray(v) && typeof step === 'number') v = v[step];
    else if (isObj(v) && Object.hasOwn(v, step)) v = v[step as string];
    else return undefined;
  }
  return v;
}

function safeParse(text: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}
