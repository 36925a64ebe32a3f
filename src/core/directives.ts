// `# proton-update:` directive comments (design §4, target rule 1): which instance a spec file updates and how,
// written the way `# yaml-language-server:` modelines are. Read from the raw text, so a file whose YAML is broken
// still has its targets; every key and value word keeps its offsets for ranges, completion and quick fixes.
import { isDeploymentType, isResourceName, isVersionPart, DEPLOYMENT_TYPES, type DeploymentType } from './protonModel';
import { problem, type Problem, type Span } from './problems';
import { closest } from './suggest';

export const DIRECTIVE_MARKER = 'proton-update';
/** The keys, named as in the UpdateServiceInstance API. */
export const DIRECTIVE_KEYS = ['serviceName', 'name', 'deploymentType', 'templateMajorVersion', 'templateMinorVersion'] as const;
export type DirectiveKey = (typeof DIRECTIVE_KEYS)[number];

export interface DirectiveField {
  /** The key as written (maybe misspelt). */
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
  /** The whole `key=value` word. */
  span: Span;
}

export interface Directive {
  /** 0-based line of the comment. */
  line: number;
  /** The `proton-update` word. */
  markerSpan: Span;
  /** The whole comment line (without its line break). */
  lineSpan: Span;
  /** Offset where the text after `proton-update:` starts (for completion of a new field). */
  bodyStart: number;
  fields: DirectiveField[];
  /** The valid values, by key (an invalid or repeated value is left out). */
  serviceName?: string;
  name?: string;
  deploymentType?: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
  /** True when the directive has no problem. */
  valid: boolean;
}

export interface DirectiveTarget {
  serviceName: string;
  name: string;
  deploymentType?: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
}

export interface DirectivesResult {
  directives: Directive[];
  /** `directive-invalid` problems, each with the span of the word at fault. */
  problems: Problem[];
}

// A comment line whose first word looks like a directive marker: `# proton-update:` or a near miss of it.
const LINE_RE = /^([ \t]*#[ \t]*)([A-Za-z][\w-]{0,40})[ \t]*:/;
const WORD_RE = /\S+/g;

/** Reads every directive comment of a text. Never throws; lines longer than 4,000 characters are not read. */
export function parseDirectives(text: string): DirectivesResult {
  const directives: Directive[] = [];
  const problems: Problem[] = [];
  let lineStart = 0;
  let hash = -1; // the next '#' at or after lineStart (searched once per '#', not once per line)
  for (let line = 0; lineStart <= text.length; line++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    if (hash !== -2 && hash < lineStart) hash = text.indexOf('#', lineStart);
    if (hash === -1) hash = -2; // none left
    if (hash >= 0 && hash < contentEnd && contentEnd - lineStart <= 4000) {
      const d = parseLine(text.slice(lineStart, contentEnd), lineStart, line, problems);
      if (d) directives.push(d);
    }
    lineStart = lineEnd + 1;
  }
  return { directives, problems };
}

function parseLine(lineText: string, offset: number, line: number, problems: Problem[]): Directive | undefined {
  const m = LINE_RE.exec(lineText);
  if (!m) return undefined;
  const word = m[2];
  const markerSpan = { start: offset + m[1].length, end: offset + m[1].length + word.length };
  if (word !== DIRECTIVE_MARKER) {
    // Only a near miss with key=value words after it is taken for a misspelt directive, not any comment.
    if (/\w=\S/.test(lineText.slice(m[0].length)) && closest(word, [DIRECTIVE_MARKER]) === DIRECTIVE_MARKER) {
      problems.push(problem('directive-invalid', `Unknown directive "${word}"; did you mean "${DIRECTIVE_MARKER}"?`, {
        span: markerSpan,
        data: { kind: 'marker', replacement: DIRECTIVE_MARKER },
      }));
    }
    return undefined;
  }
  const bodyStart = offset + m[0].length;
  const d: Directive = {
    line,
    markerSpan,
    lineSpan: { start: offset, end: offset + lineText.length },
    bodyStart,
    fields: [],
    valid: true,
  };
  const before = problems.length;
  // A second `#` starts a trailing remark.
  const body = lineText.slice(m[0].length).replace(/\s#.*$/, '');
  const seen = new Set<string>();
  for (const w of body.matchAll(WORD_RE)) {
    const start = bodyStart + (w.index ?? 0);
    readField(w[0], start, d, seen, problems);
  }
  for (const key of ['serviceName', 'name'] as const) {
    // A misspelt key already says what is missing, with its fix.
    const typo = problems.slice(before).some((p) => p.data?.kind === 'key' && p.data.replacement === key);
    if (!typo && !d.fields.some((f) => f.key === key)) {
      problems.push(problem('directive-invalid', `The ${DIRECTIVE_MARKER} directive needs ${key}=<${key === 'name' ? 'instance' : 'service'}>.`, {
        span: markerSpan,
        data: { kind: 'missing', key },
      }));
    }
  }
  d.valid = problems.length === before;
  return d;
}

function readField(word: string, start: number, d: Directive, seen: Set<string>, problems: Problem[]): void {
  const eq = word.indexOf('=');
  const wordSpan = { start, end: start + word.length };
  if (eq <= 0) {
    problems.push(problem('directive-invalid', `Expected key=value in the ${DIRECTIVE_MARKER} directive; got "${clip(word)}".`, {
      span: wordSpan,
      data: { kind: 'syntax' },
    }));
    return;
  }
  const key = word.slice(0, eq);
  const value = word.slice(eq + 1);
  const field: DirectiveField = {
    key,
    value,
    keySpan: { start, end: start + eq },
    valueSpan: { start: start + eq + 1, end: wordSpan.end },
    span: wordSpan,
  };
  d.fields.push(field);
  if (!(DIRECTIVE_KEYS as readonly string[]).includes(key)) {
    const guess = closest(key, DIRECTIVE_KEYS);
    problems.push(problem(
      'directive-invalid',
      `Unknown key "${clip(key)}" in the ${DIRECTIVE_MARKER} directive` +
        (guess ? `; did you mean "${guess}"?` : `; the keys are ${DIRECTIVE_KEYS.join(', ')}.`),
      { span: field.keySpan, data: { kind: 'key', key, replacement: guess } },
    ));
    return;
  }
  if (seen.has(key)) {
    problems.push(problem('directive-invalid', `"${key}" is given twice in the ${DIRECTIVE_MARKER} directive.`, {
      span: field.keySpan,
      data: { kind: 'duplicate', key },
    }));
    return;
  }
  seen.add(key);
  const bad = valueProblem(key as DirectiveKey, value);
  if (bad) {
    problems.push(problem('directive-invalid', bad.message, { span: field.valueSpan, data: { kind: 'value', key, replacement: bad.replacement } }));
    return;
  }
  (d as unknown as Record<string, string>)[key] = value;
}

function valueProblem(key: DirectiveKey, value: string): { message: string; replacement?: string } | undefined {
  switch (key) {
    case 'serviceName':
    case 'name':
      return isResourceName(value)
        ? undefined
        : { message: `${key} "${clip(value)}" is not a valid Proton name: 1–100 letters, digits, "-" or "_", starting with a letter or digit.` };
    case 'deploymentType': {
      if (isDeploymentType(value)) return undefined;
      const guess = closest(value, DEPLOYMENT_TYPES);
      return {
        message: `deploymentType must be one of ${DEPLOYMENT_TYPES.join(', ')}; got "${clip(value)}"` + (guess ? ` (did you mean ${guess}?)` : '.'),
        replacement: guess,
      };
    }
    case 'templateMajorVersion':
    case 'templateMinorVersion':
      return isVersionPart(value)
        ? undefined
        : { message: `${key} must be a version number such as 1 or 12 (no leading zero, no dot); got "${clip(value)}".` };
  }
}

const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** The target a directive names, when it names a valid service and instance. */
export function directiveTarget(d: Directive): DirectiveTarget | undefined {
  if (d.serviceName === undefined || d.name === undefined) return undefined;
  const t: DirectiveTarget = { serviceName: d.serviceName, name: d.name };
  if (d.deploymentType) t.deploymentType = d.deploymentType;
  if (d.templateMajorVersion !== undefined) t.templateMajorVersion = d.templateMajorVersion;
  if (d.templateMinorVersion !== undefined) t.templateMinorVersion = d.templateMinorVersion;
  return t;
}

/** One directive comment line (no line break) for a target, keys in the API's order. */
export function formatDirective(target: DirectiveTarget): string {
  const parts = [`serviceName=${target.serviceName}`, `name=${target.name}`];
  if (target.deploymentType) parts.push(`deploymentType=${target.deploymentType}`);
  if (target.templateMajorVersion !== undefined) parts.push(`templateMajorVersion=${target.templateMajorVersion}`);
  if (target.templateMinorVersion !== undefined) parts.push(`templateMinorVersion=${target.templateMinorVersion}`);
  return `# ${DIRECTIVE_MARKER}: ${parts.join(' ')}`;
}

/** The field of a directive with a key, when present. */
export const directiveField = (d: Directive, key: DirectiveKey): DirectiveField | undefined => d.fields.find((f) => f.key === key);
