// Completion and hover in spec files, as plain data: input names (type, description, default, required) and enum
// values from the schema of the version the update lands on, the ServiceSpec's own keys, and the directive's keys
// and values (deployment types, known services and instances, existing versions).
import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument } from './yamlLibrary';
import type { CheckResult } from './checker';
import { DIRECTIVE_KEYS, type Directive } from './directives';
import { DEPLOYMENT_TYPES } from './protonModel';
import type { ProtonSnapshot } from './protonSnapshot';
import type { Span } from './problems';
import type { TargetInfo } from './targetChecks';
import { schemaNodeAt, type SchemaNode, type TemplateSchema } from './templateSchema';
import { compareVersionInfo } from './templateVersions';

export interface AssistItem {
  label: string;
  kind: 'input' | 'value' | 'key' | 'directiveKey' | 'directiveValue';
  /** What replaces `span`. */
  insertText: string;
  span: Span;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Sorts first (required inputs, the recommended version, the current environment). */
  preselect?: boolean;
}

/** Where an offset sits in the YAML: the key path, and whether on a key or in a value. */
export interface YamlSite {
  path: (string | number)[];
  onKey: boolean;
  /** The key or scalar value hit. */
  hit?: Span;
}

const MARK = '__proton_assist__';

/** The path of the node at `offset` in a parsed document (keys and list indexes), or undefined. */
export function siteAt(contents: unknown, offset: number): YamlSite | undefined {
  let node = contents as YamlNode | null | undefined;
  const path: (string | number)[] = [];
  for (let depth = 0; depth < 200 && node; depth++) {
    if (isMap(node)) {
      let next: YamlNode | undefined;
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        const key = isScalar(k) ? String(k.value) : undefined;
        if (key === undefined) continue;
        if (k?.range && offset >= k.range[0] && offset <= k.range[1]) return { path: [...path, key], onKey: true, hit: { start: k.range[0], end: k.range[1] } };
        if (v?.range && offset >= v.range[0] && offset <= v.range[1]) {
          path.push(key);
          next = v;
          break;
        }
      }
      if (!next) return undefined;
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => (it as YamlNode | null)?.range && offset >= (it as YamlNode).range![0] && offset <= (it as YamlNode).range![1]);
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i] as YamlNode;
    } else return { path, onKey: false, hit: node.range ? { start: node.range[0], end: node.range[1] } : undefined };
  }
  return undefined;
}

/** The completion site at an offset: the partial word and where it sits (found by parsing with a marker there). */
export function completionSite(text: string, offset: number): (YamlSite & { span: Span; partial: string }) | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const prefix = text.slice(lineStart, offset);
  const value = /^(\s*(?:-\s+)?[\w"'.-]+\s*:\s+)(["']?)([^"'#]*)$/.exec(prefix);
  const key = /^(\s*(?:-\s+)?)([\w-]*)$/.exec(prefix);
  if (!value && !key) return undefined;
  const start = value ? lineStart + value[1].length + value[2].length : lineStart + (key as RegExpExecArray)[1].length;
  const partial = value ? value[3] : (key as RegExpExecArray)[2];
  const wordEnd = start + (/^[\w.-]*/.exec(text.slice(start, lineEnd))?.[0].length ?? 0);
  const probe = text.slice(0, start) + (value ? MARK : `${MARK}: 0`) + text.slice(lineEnd);
  const doc = parseDocument(probe, { uniqueKeys: false });
  const site = siteAt(doc.contents, start);
  if (!site) return undefined;
  const path = site.path.filter((p) => p !== MARK);
  return { path, onKey: !value, span: { start, end: Math.max(offset, wordEnd) }, partial };
}

/** The target (and its schema) that describes `instances[i]`, else the first target with a schema. */
function infoFor(result: CheckResult, entry: number | undefined): TargetInfo | undefined {
  return result.targetInfo.find((t) => t.entryIndex === entry && t.schema) ?? result.targetInfo.find((t) => t.schema);
}

/** The schema and type name an input path belongs to, with the path inside that type. */
export function inputSchemaAt(result: CheckResult, path: readonly (string | number)[]): { schema: TemplateSchema; type: string; rel: (string | number)[]; info: TargetInfo } | undefined {
  if (path[0] === 'pipeline') {
    const info = infoFor(result, undefined);
    const type = info?.schema?.pipelineInputType;
    return info?.schema && type ? { schema: info.schema, type, rel: path.slice(1), info } : undefined;
  }
  if (path[0] === 'instances' && typeof path[1] === 'number' && path[2] === 'spec') {
    const info = infoFor(result, path[1]);
    return info?.schema ? { schema: info.schema, type: info.schema.serviceInputType, rel: path.slice(3), info } : undefined;
  }
  return undefined;
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Markdown describing one input. */
export function describeInput(name: string, node: SchemaNode, required: boolean, version?: string): string {
  const lines = [`**${name}**${node.type ? ` \`${node.type}\`` : ''}${required ? ' — required' : ''}`];
  if (node.description) lines.push('', String(node.description));
  const facts: string[] = [];
  if (node.default !== undefined) facts.push(`default \`${show(node.default)}\``);
  if (Array.isArray(node.enum)) facts.push(`one of ${node.enum.map((e) => `\`${show(e)}\``).join(', ')}`);
  if (node.minimum !== undefined) facts.push(`minimum ${node.minimum}`);
  if (node.maximum !== undefined) facts.push(`maximum ${node.maximum}`);
  if (node.minLength !== undefined) facts.push(`minLength ${node.minLength}`);
  if (node.maxLength !== undefined) facts.push(`maxLength ${node.maxLength}`);
  if (node.pattern !== undefined) facts.push(`pattern \`${node.pattern}\``);
  if (facts.length) lines.push('', facts.join(' · '));
  if (version) lines.push('', `_From the schema of ${version}._`);
  return lines.join('\n');
}

const versionOf = (info: TargetInfo): string | undefined => info.landing && info.template && `${info.template.name} ${info.landing.major}.${info.landing.minor}`;

function inputNames(result: CheckResult, site: YamlSite & { span: Span }, present: Set<string>): AssistItem[] {
  const at = inputSchemaAt(result, site.path);
  if (!at) return [];
  const node = schemaNodeAt(at.schema, at.type, at.rel);
  const props = node?.properties && typeof node.properties === 'object' ? (node.properties as Record<string, SchemaNode>) : {};
  const required = new Set(Array.isArray(node?.required) ? node.required : []);
  return Object.keys(props)
    .filter((k) => !present.has(k))
    .map((k) => {
      const p = schemaNodeAt(at.schema, at.type, [...at.rel, k]) ?? {};
      return {
        label: k,
        kind: 'input' as const,
        insertText: `${k}: `,
        span: site.span,
        detail: `${p.type ?? 'input'}${required.has(k) ? ' (required)' : ''}${p.default !== undefined ? ` = ${show(p.default)}` : ''}`,
        documentation: describeInput(k, p, required.has(k), versionOf(at.info)),
        preselect: required.has(k) && p.default === undefined,
      };
    });
}

function inputValues(result: CheckResult, site: YamlSite & { span: Span }): AssistItem[] {
  const at = inputSchemaAt(result, site.path);
  const node = at && schemaNodeAt(at.schema, at.type, at.rel);
  if (!node) return [];
  const values = Array.isArray(node.enum) ? node.enum : node.type === 'boolean' ? [true, false] : node.default !== undefined ? [node.default] : [];
  return values.map((v) => ({
    label: show(v),
    kind: 'value' as const,
    insertText: show(v),
    span: site.span,
    detail: v === node.default ? 'default' : undefined,
    preselect: v === node.default,
  }));
}

const SPEC_KEYS: Record<string, string> = { proton: 'ServiceSpec', pipeline: 'The pipeline inputs', instances: 'The service instances' };
const ENTRY_KEYS: Record<string, string> = { name: 'The instance name', environment: "The instance's environment", spec: 'The instance inputs' };

/** Keys and values of the ServiceSpec itself (proton, instances[].name/environment). */
function structureItems(result: CheckResult, site: YamlSite & { span: Span }, present: Set<string>): AssistItem[] {
  const { path, span } = site;
  if (site.onKey) {
    const keys = path.length === 0 ? SPEC_KEYS : path.length === 2 && path[0] === 'instances' ? ENTRY_KEYS : {};
    return Object.entries(keys).filter(([k]) => !present.has(k)).map(([k, d]) => ({ label: k, kind: 'key', insertText: `${k}: `, span, detail: d }));
  }
  if (path.length === 1 && path[0] === 'proton') return [{ label: 'ServiceSpec', kind: 'value', insertText: 'ServiceSpec', span }];
  if (path.length === 3 && path[0] === 'instances') {
    const infos = result.targetInfo.filter((t) => t.instance);
    if (path[2] === 'name') {
      return infos.map((t) => ({ label: t.target.name, kind: 'value', insertText: t.target.name, span, detail: `${t.target.serviceName}/${t.target.name}` }));
    }
    if (path[2] === 'environment') {
      const env = infos.find((t) => t.entryIndex === path[1])?.instance?.environmentName;
      return env ? [{ label: env, kind: 'value', insertText: env, span, detail: "the instance's environment", preselect: true }] : [];
    }
  }
  return [];
}

/** Completion items at an offset of a spec text, from its last check result. */
export function specCompletions(text: string, offset: number, result: CheckResult, snapshot?: ProtonSnapshot): AssistItem[] {
  const directive = result.targets.targets.find((t) => t.directive && offset >= t.directive.bodyStart && offset <= t.directive.lineSpan.end)?.directive;
  const anyDirective = directive ?? result.directives.find((d) => offset >= d.bodyStart && offset <= d.lineSpan.end);
  if (anyDirective) return directiveCompletions(text, offset, anyDirective, snapshot);
  const site = completionSite(text, offset);
  if (!site) return [];
  const present = presentKeys(text, site);
  const items = structureItems(result, site, present);
  return items.concat(site.onKey ? inputNames(result, site, present) : inputValues(result, site));
}

/** Keys present next to the completion site (so they are not offered twice). */
function presentKeys(text: string, site: YamlSite & { span: Span }): Set<string> {
  if (!site.onKey) return new Set();
  const doc = parseDocument(text.slice(0, site.span.start) + text.slice(site.span.end), { uniqueKeys: false });
  const parent = doc.getIn(site.path, true);
  return new Set(isMap(parent) ? parent.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')) : []);
}

function directiveCompletions(text: string, offset: number, d: Directive, snapshot?: ProtonSnapshot): AssistItem[] {
  let start = offset;
  while (start > d.bodyStart && !/\s/.test(text[start - 1])) start--;
  let end = offset;
  while (end < d.lineSpan.end && !/\s/.test(text[end])) end++;
  const word = text.slice(start, end);
  const eq = word.indexOf('=');
  if (eq < 0 || offset <= start + eq) {
    const present = new Set(d.fields.map((f) => f.key));
    return DIRECTIVE_KEYS.filter((k) => !present.has(k)).map((k) => ({
      label: k,
      kind: 'directiveKey',
      insertText: `${k}=`,
      span: { start, end: eq < 0 ? end : start + eq + 1 },
      detail: DIRECTIVE_DOCS[k],
    }));
  }
  const key = word.slice(0, eq);
  const span = { start: start + eq + 1, end };
  return directiveValues(key, d, snapshot).map((v) => ({ ...v, kind: 'directiveValue' as const, insertText: v.label, span }));
}

export const DIRECTIVE_DOCS: Record<string, string> = {
  serviceName: 'The service of the instance this file updates',
  name: 'The service instance this file updates',
  deploymentType: 'NONE: spec only · CURRENT_VERSION: redeploy · MINOR_VERSION: newer minor · MAJOR_VERSION: newer major',
  templateMajorVersion: 'The major version to deploy (MAJOR_VERSION)',
  templateMinorVersion: 'The minor version to deploy',
};

const TYPE_DOCS: Record<string, string> = {
  NONE: 'Update the spec only; nothing is deployed',
  CURRENT_VERSION: 'Redeploy the current template version with this spec',
  MINOR_VERSION: 'Deploy a newer minor version of the current major (the recommended one by default)',
  MAJOR_VERSION: 'Deploy a higher major version (the recommended one by default)',
};

function directiveValues(key: string, d: Directive, snap?: ProtonSnapshot): Omit<AssistItem, 'kind' | 'insertText' | 'span'>[] {
  if (key === 'deploymentType') return DEPLOYMENT_TYPES.map((t) => ({ label: t, detail: TYPE_DOCS[t] }));
  if (!snap) return [];
  if (key === 'serviceName') {
    return [...new Set(snap.instances.map((i) => i.serviceName))].sort().map((s) => ({ label: s, detail: `service (${snap.instances.filter((i) => i.serviceName === s).length} instances)` }));
  }
  const inst = snap.instances.find((i) => i.serviceName === d.serviceName && i.name === d.name);
  if (key === 'name') {
    return snap.instances
      .filter((i) => i.serviceName === d.serviceName)
      .map((i) => ({ label: i.name, detail: `${i.environmentName} · ${i.templateName} ${i.templateMajorVersion}.${i.templateMinorVersion} · ${i.deploymentStatus}` }));
  }
  const t = inst && snap.templates.get(inst.templateName);
  if (!t || !inst) return [];
  const versions = [...t.versions].sort((a, b) => compareVersionInfo(b, a));
  if (key === 'templateMajorVersion') {
    const majors = [...new Set(versions.map((v) => v.majorVersion))];
    return majors.map((m) => ({
      label: m,
      detail: `${versions.filter((v) => v.majorVersion === m).map((v) => `${v.majorVersion}.${v.minorVersion} ${v.status}`).join(', ')}${m === inst.templateMajorVersion ? ' (current)' : ''}`,
    }));
  }
  if (key === 'templateMinorVersion') {
    const major = d.templateMajorVersion ?? inst.templateMajorVersion;
    return versions
      .filter((v) => Number(v.majorVersion) === Number(major))
      .map((v) => ({ label: v.minorVersion, detail: `${v.majorVersion}.${v.minorVersion} ${v.status}${v.majorVersion === inst.templateMajorVersion && v.minorVersion === inst.templateMinorVersion ? ' (current)' : ''}` }));
  }
  return [];
}

/** Hover text (markdown) and the span it describes, at an offset. */
export function specHover(contents: unknown, offset: number, result: CheckResult): { markdown: string; span: Span } | undefined {
  const d = result.directives.find((x) => offset >= x.markerSpan.start && offset <= x.lineSpan.end);
  if (d) {
    const f = d.fields.find((x) => offset >= x.span.start && offset <= x.span.end);
    if (!f) return undefined;
    const doc = DIRECTIVE_DOCS[f.key];
    const extra = f.key === 'deploymentType' ? TYPE_DOCS[f.value] : undefined;
    return doc ? { markdown: `**${f.key}** — ${doc}${extra ? `\n\n\`${f.value}\`: ${extra}` : ''}`, span: f.span } : undefined;
  }
  const site = siteAt(contents, offset);
  if (!site) return undefined;
  const at = inputSchemaAt(result, site.path);
  if (!at || !at.rel.length) return undefined;
  const name = at.rel[at.rel.length - 1];
  const node = schemaNodeAt(at.schema, at.type, at.rel);
  const parent = schemaNodeAt(at.schema, at.type, at.rel.slice(0, -1));
  if (!node || typeof name !== 'string') return undefined;
  const required = Array.isArray(parent?.required) && parent.required.includes(name);
  return { markdown: describeInput(name, node, required, versionOf(at.info)), span: site.hit ?? { start: offset, end: offset } };
}
