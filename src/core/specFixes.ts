// Quick fixes as pure text edits, keyed by problem code: what the editor's light bulb offers for a checked problem.
// Each fix is computed from the problem's data (spans, allowed values, suggestions) and the parsed document, so
// the edits are testable without an editor.
import type { Node as YamlNode, Pair } from 'yaml';
import { isMap, isScalar, stringify } from './yamlLibrary';
import type { CheckedProblem } from './checker';
import type { Span } from './problems';
import { nodeAt, positionAt, type SpecDocument } from './specDocument';
import { closest } from './suggest';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface SpecFix {
  title: string;
  edits: TextEdit[];
  /** At most one fix per problem is preferred (the one Ctrl+. "auto fix" applies). */
  preferred?: boolean;
}

type FieldSpans = Record<string, { span: Span; valueSpan: Span } | undefined>;
type Version = { major: string; minor: string };

/** The fixes for one problem (empty when none applies). */
export function fixesFor(sd: SpecDocument, p: CheckedProblem): SpecFix[] {
  const d = p.data ?? {};
  switch (p.code) {
    case 'version-not-allowed':
      return [removeFields(sd, d.fieldSpans as FieldSpans, ['templateMajorVersion', 'templateMinorVersion'], true)].filter(isFix);
    case 'version-major-mismatch':
      return [setMajorToCurrent(d), useRecommended(d)].filter(isFix);
    case 'version-minor-without-major':
      return [removeFields(sd, d.fieldSpans as FieldSpans, ['templateMinorVersion'], true), useRecommended(d)].filter(isFix);
    case 'version-major-not-higher':
    case 'version-not-found':
    case 'version-not-published':
    case 'version-incompatible-environment':
      return [useRecommended(d, true)].filter(isFix);
    case 'input-required':
      return [addInput(sd, d)].filter(isFix);
    case 'input-enum':
      return enumFixes(sd, p);
    case 'input-unknown':
      return unknownInputFixes(sd, p);
    case 'directive-invalid':
    case 'target-not-found':
      return typeof d.replacement === 'string'
        ? [{ title: `Change to "${d.replacement}"`, edits: [{ span: p.span, newText: d.replacement }], preferred: true }]
        : [];
    default:
      return [];
  }
}

const isFix = (f: SpecFix | undefined): f is SpecFix => f !== undefined && f.edits.length > 0;

/** Removes `key=value` words of a directive with the blank before each. */
function removeFields(sd: SpecDocument, fields: FieldSpans | undefined, keys: string[], preferred: boolean): SpecFix | undefined {
  const present = keys.filter((k) => fields?.[k]);
  if (!fields || !present.length) return undefined;
  const edits = present.map((k) => {
    const { span } = fields[k] as { span: Span };
    let start = span.start;
    while (start > 0 && (sd.text[start - 1] === ' ' || sd.text[start - 1] === '\t')) start--;
    return { span: { start, end: span.end }, newText: '' };
  });
  return { title: `Remove ${present.join(' and ')}`, edits, preferred };
}

function setMajorToCurrent(d: Record<string, unknown>): SpecFix | undefined {
  const major = (d.fieldSpans as FieldSpans | undefined)?.templateMajorVersion;
  const cur = d.current as Version | undefined;
  if (!major || !cur) return undefined;
  return {
    title: `Set templateMajorVersion to ${cur.major}, the current major version`,
    edits: [{ span: major.valueSpan, newText: cur.major }],
    preferred: true,
  };
}

/** Sets the directive's versions to the recommended one for its deploymentType (replacing or appending fields). */
function useRecommended(d: Record<string, unknown>, preferred = false): SpecFix | undefined {
  const rec = d.recommended as Version | undefined;
  const fields = d.fieldSpans as FieldSpans | undefined;
  if (!rec || !fields) return undefined;
  const want: Record<string, string> =
    d.deploymentType === 'MINOR_VERSION' ? { templateMinorVersion: rec.minor } : { templateMajorVersion: rec.major, templateMinorVersion: rec.minor };
  const edits: TextEdit[] = [];
  let append = '';
  for (const [key, value] of Object.entries(want)) {
    const f = fields[key];
    if (f) edits.push({ span: f.valueSpan, newText: value });
    else append += ` ${key}=${value}`;
  }
  // MINOR_VERSION keeps the current major: a named other major goes.
  if (d.deploymentType === 'MINOR_VERSION' && fields.templateMajorVersion) {
    const cur = d.current as Version | undefined;
    if (cur) edits.push({ span: fields.templateMajorVersion.valueSpan, newText: cur.major });
  }
  if (append) {
    const last = Object.values(fields).reduce((a, f) => (f && f.span.end > a ? f.span.end : a), 0);
    if (!last) return undefined;
    edits.push({ span: { start: last, end: last }, newText: append });
  }
  const label = d.deploymentType === 'MINOR_VERSION' ? `${(d.current as Version | undefined)?.major ?? rec.major}.${rec.minor}` : `${rec.major}.${rec.minor}`;
  return { title: `Use the recommended version ${label}`, edits, preferred };
}

/** A YAML scalar for a value, keeping the quote style of the value it replaces; strings YAML 1.1 would misread are quoted. */
function scalar(value: unknown, like?: string): string {
  if (typeof value === 'string') {
    if (like?.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
    const plain = /^[A-Za-z_/][\w./-]*$/.test(value) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(value);
    return like?.startsWith('"') || !plain ? JSON.stringify(value) : value;
  }
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
}

function placeholder(d: Record<string, unknown>): unknown {
  if (d.default !== undefined) return d.default;
  if (Array.isArray(d.enum) && d.enum.length) return d.enum[0];
  switch (d.type) {
    case 'number':
    case 'integer':
      return typeof d.minimum === 'number' ? d.minimum : 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return '';
  }
}

const lineStartOf = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** The end of the last line with content of a node (block collections' ranges run past their last line break). */
function contentLineEnd(text: string, node: YamlNode): number {
  let e = (node.range as [number, number, number])[1];
  while (e > 0 && /[\r\n \t]/.test(text[e - 1])) e--;
  const nl = text.indexOf('\n', e);
  return nl < 0 ? text.length : nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function addInput(sd: SpecDocument, d: Record<string, unknown>): SpecFix | undefined {
  const path = d.path as (string | number)[] | undefined;
  const name = d.input;
  if (!path || typeof name !== 'string') return undefined;
  const at = nodeAt(sd, path.slice(0, -1));
  if (at.depth !== path.length - 1) return undefined;
  const value = placeholder(d);
  const entry = `${/^[\w-]+$/.test(name) ? name : JSON.stringify(name)}: ${scalar(value, '"')}`;
  const map = at.value;
  const title = `Add the required input "${name}"${d.default !== undefined ? ' with its default' : ''}`;
  if (isMap(map) && map.flow && map.range) {
    const close = map.range[1] - 1;
    return { title, edits: [{ span: { start: close, end: close }, newText: `${map.items.length ? ', ' : ''}${entry}` }], preferred: true };
  }
  if (isMap(map) && map.items.length) {
    const first = map.items[0].key as YamlNode;
    const last = map.items[map.items.length - 1] as Pair<YamlNode, YamlNode | null>;
    const indent = ' '.repeat(positionAt(sd, (first.range as [number, number, number])[0]).character);
    const end = contentLineEnd(sd.text, last.value ?? (last.key as YamlNode));
    return { title, edits: [{ span: { start: end, end }, newText: `\n${indent}${entry}` }], preferred: true };
  }
  if (at.key?.range && (!map || (isScalar(map) && map.value === null))) {
    const keyCol = positionAt(sd, at.key.range[0]).character;
    const end = contentLineEnd(sd.text, at.key);
    return { title, edits: [{ span: { start: end, end }, newText: `\n${' '.repeat(keyCol + 2)}${entry}` }], preferred: true };
  }
  return undefined;
}

function enumFixes(sd: SpecDocument, p: CheckedProblem): SpecFix[] {
  const allowed = p.data?.enum;
  if (!Array.isArray(allowed)) return [];
  const original = sd.text.slice(p.span.start, p.span.end);
  const current = original.replace(/^["']|["']$/g, '');
  const best = closest(current, allowed.filter((a): a is string => typeof a === 'string'));
  return allowed.slice(0, 50).map((v) => ({
    title: `Change to ${scalar(v)}`,
    edits: [{ span: p.span, newText: scalar(v, original) }],
    preferred: v === best,
  }));
}

function unknownInputFixes(sd: SpecDocument, p: CheckedProblem): SpecFix[] {
  const path = p.data?.path as (string | number)[] | undefined;
  const name = p.data?.input;
  if (!path || typeof name !== 'string') return [];
  const at = nodeAt(sd, path);
  if (at.depth !== path.length || !at.pair || !at.key?.range) return [];
  const out: SpecFix[] = [];
  const known = Array.isArray(p.data?.known) ? (p.data.known as string[]) : [];
  const rename = closest(name, known);
  if (rename) {
    out.push({ title: `Rename to "${rename}"`, edits: [{ span: { start: at.key.range[0], end: at.key.range[1] }, newText: rename }], preferred: true });
  }
  const parent = nodeAt(sd, path.slice(0, -1)).value;
  const flow = isMap(parent) && Boolean(parent.flow);
  out.push({ title: `Remove the unknown input "${name}"`, edits: [removePair(sd, at.key, at.pair, flow)], preferred: !rename });
  return out;
}

/** Deletes a mapping pair: its whole lines in a block mapping, the pair and a comma in a flow mapping. */
function removePair(sd: SpecDocument, key: YamlNode, pair: Pair, flow: boolean): TextEdit {
  const text = sd.text;
  const keyStart = (key.range as [number, number, number])[0];
  const valueNode = (pair.value as YamlNode | null) ?? key;
  const lineStart = lineStartOf(text, keyStart);
  if (!flow && /^[ \t]*$/.test(text.slice(lineStart, keyStart))) {
    const end = contentLineEnd(text, valueNode);
    const next = text.indexOf('\n', end);
    return { span: { start: lineStart, end: next < 0 ? text.length : next + 1 }, newText: '' };
  }
  let end = (valueNode.range as [number, number, number])[1];
  const after = /^\s*,\s*/.exec(text.slice(end, end + 200));
  if (after) return { span: { start: keyStart, end: end + after[0].length }, newText: '' };
  const before = /,\s*$/.exec(text.slice(Math.max(0, keyStart - 200), keyStart));
  const start = before ? keyStart - before[0].length : keyStart;
  if (!before && !after) end = Math.max(end, keyStart);
  return { span: { start, end }, newText: '' };
}

/** Applies edits to a text (for tests and the CLI's future --fix): non-overlapping, any order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
