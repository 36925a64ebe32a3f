// One parse of a spec text, reused by every check: the `yaml` document with source ranges, its plain value, the
// directives and a map from problem paths to ranges. Hostile input is bounded here: huge texts are not parsed,
// alias bombs and deep nesting end as yaml-syntax problems, never as exceptions.
import type { Document, LineCounter, Node as YamlNode, Pair } from 'yaml';
import { isMap, isScalar, isSeq, newLineCounter, parseAllDocuments } from './yamlLibrary';
import { parseDirectives, type DirectivesResult } from './directives';
import { problem, type Problem, type Span } from './problems';
import { SPEC_MAX_LENGTH } from './protonModel';
import { editDistance } from './suggest';

/** Texts longer than this (UTF-16 units) are refused unparsed: spec-too-large says enough. */
export const PARSE_LIMIT = 1_000_000;

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Where a path points: the pair's key (in a mapping) and the value node. */
export interface NodeAt {
  key?: YamlNode;
  value?: YamlNode;
  /** The pair, when the value sits in a mapping. */
  pair?: Pair;
  /** How many steps of the path exist (all of them when found). */
  depth: number;
}

export interface SpecDocument {
  text: string;
  /** Characters (code points) over SPEC_MAX_LENGTH. */
  tooLarge: boolean;
  /** Not parsed at all (over PARSE_LIMIT). */
  unparsed: boolean;
  doc?: Document.Parsed;
  /** The plain value (undefined when unparsed, unreadable or with syntax errors). */
  js: unknown;
  /** The value as far as it could be read despite syntax errors (for completion while typing). */
  partial?: unknown;
  /** yaml-syntax problems (with spans). */
  syntax: Problem[];
  directives: DirectivesResult;
  lines: LineCounter;
}

export const codePoints = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
};

/** Whether a text is over Proton's spec limit (counted in code points, as the model's length is). */
export const isTooLarge = (text: string): boolean => text.length > SPEC_MAX_LENGTH && (text.length > 2 * SPEC_MAX_LENGTH || codePoints(text) > SPEC_MAX_LENGTH);

const PROTON_KEY = /^proton[ \t]*:[ \t]*(.*)$/m;
const DIRECTIVE_LINE = /^[ \t]*#[ \t]*proton-update[ \t]*:/m;

/**
 * A cheap test for "this YAML text is meant as a service spec": a directive, or a top-level `proton:` whose value is
 * ServiceSpec or a slip of it (a typo, another Proton `…Spec`), which then gets not-service-spec. Other values (a Helm
 * chart's `proton: enabled`, a `proton:` mapping) are someone else's YAML and get nothing.
 */
export function looksLikeServiceSpec(text: string): boolean {
  const head = text.length > PARSE_LIMIT ? text.slice(0, PARSE_LIMIT) : text;
  if (DIRECTIVE_LINE.test(head)) return true;
  const m = PROTON_KEY.exec(head);
  if (!m) return false;
  const value = m[1].replace(/(^|[ \t])#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
  // The edit distance is quadratic, and a long value is no typo of an 11-letter word.
  return /spec$/i.test(value) || (value.length <= 16 && editDistance(value.toLowerCase(), 'servicespec') <= 2);
}

export function parseSpecDocument(text: string): SpecDocument {
  const lines = newLineCounter();
  const tooLarge = isTooLarge(text);
  if (text.length > PARSE_LIMIT) {
    lines.addNewLine(0);
    let nl = text.indexOf('\n');
    while (nl >= 0 && nl < SPEC_MAX_LENGTH) {
      lines.addNewLine(nl + 1);
      nl = text.indexOf('\n', nl + 1);
    }
    return { text, tooLarge, unparsed: true, js: undefined, syntax: [], directives: { directives: [], problems: [] }, lines };
  }
  const out: SpecDocument = { text, tooLarge, unparsed: false, js: undefined, syntax: [], directives: parseDirectives(text), lines };
  try {
    // Merge keys (`<<: *base`) as YAML 1.1 readers such as Proton's resolve them.
    const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
    const list = Array.isArray(docs) ? docs : [];
    out.doc = list[0];
    for (const d of list) {
      for (const e of d.errors) out.syntax.push(syntaxProblem(e.message, e.pos));
    }
    if (list.length > 1) {
      const second = list[1].range[0];
      out.syntax.push(problem('yaml-syntax', `A spec holds one YAML document; this file has ${list.length}. Proton reads the first only.`, {
        span: { start: second, end: Math.min(text.length, second + 3) },
        data: { kind: 'documents' },
      }));
    }
    if (out.doc && !out.syntax.length) out.js = out.doc.toJS({ maxAliasCount: 100 });
    else if (out.doc) out.partial = out.doc.toJS({ maxAliasCount: 100 });
    if (out.js !== undefined && isCyclic(out.js)) {
      out.syntax.push(problem('yaml-syntax', 'An alias refers to a node that contains it: the spec would be infinitely deep.', {
        span: { start: 0, end: firstLineEnd(text) },
      }));
      out.js = undefined;
    }
  } catch (e) {
    // Alias bombs (ReferenceError) and deep nesting (RangeError) end here.
    const msg = e instanceof RangeError ? 'The YAML is nested too deeply to read.' : `The YAML cannot be read: ${(e as Error).message.split('\n')[0]}`;
    out.syntax.push(problem('yaml-syntax', msg, { span: { start: 0, end: Math.min(text.length, firstLineEnd(text)) } }));
    out.js = undefined;
  }
  if (text.includes('\u0000')) {
    const at = text.indexOf('\u0000');
    out.syntax.unshift(problem('yaml-syntax', 'The file holds NUL characters: a spec is UTF-8 text, not binary data.', { span: { start: at, end: at + 1 } }));
  }
  return out;
}

/** Whether a value refers to itself (`&a [*a]`); walks at most 200,000 nodes. */
function isCyclic(root: unknown): boolean {
  const onPath = new Set<object>();
  let budget = 200_000;
  const walk = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null || --budget < 0) return false;
    if (onPath.has(v)) return true;
    onPath.add(v);
    const kids = Array.isArray(v) ? v : v instanceof Map ? [...v.values()] : Object.values(v);
    const found = kids.some(walk);
    onPath.delete(v);
    return found;
  };
  return walk(root);
}

function syntaxProblem(message: string, pos: [number, number]): Problem {
  let first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(first)) first = 'the YAML is nested too deeply to read';
  return problem('yaml-syntax', `YAML syntax: ${first}`, { span: { start: pos[0], end: Math.max(pos[1], pos[0]) } });
}

const firstLineEnd = (text: string): number => {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
};

/** 0-based line and character (UTF-16) of an offset. */
export function positionAt(sd: SpecDocument, offset: number): Position {
  const o = Math.max(0, Math.min(offset, sd.text.length));
  const { line, col } = sd.lines.linePos(o);
  if (line === 0) return { line: 0, character: o };
  return { line: line - 1, character: col - 1 };
}

export const spanToRange = (sd: SpecDocument, span: Span): Range => ({ start: positionAt(sd, span.start), end: positionAt(sd, span.end) });

const keyMatches = (key: unknown, step: string | number): boolean =>
  isScalar(key) ? String(key.value) === String(step) : key === step;

/** The node at a path of keys and list indexes, as far as it exists. */
export function nodeAt(sd: SpecDocument, path: readonly (string | number)[]): NodeAt {
  let value = sd.doc?.contents as YamlNode | null | undefined;
  let at: NodeAt = { value: value ?? undefined, depth: 0 };
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (isMap(value)) {
      const pair = value.items.find((p) => keyMatches(p.key, step));
      if (!pair) return at;
      value = pair.value as YamlNode | null;
      at = { key: pair.key as YamlNode, value: value ?? undefined, pair, depth: i + 1 };
    } else if (isSeq(value) && typeof step === 'number' && step < value.items.length) {
      value = value.items[step] as YamlNode | null;
      at = { value: value ?? undefined, depth: i + 1 };
    } else return at;
  }
  return at;
}

/**
 * The span a problem at `path` is shown on: the key when asked, when the value is missing or a collection (a
 * collection's range is only its first line), else the value. A path that ends early points at the last node found.
 */
export function spanOfPath(sd: SpecDocument, path: readonly (string | number)[], onKey = false): Span {
  const at = nodeAt(sd, path);
  const found = at.depth === path.length;
  const value = at.value;
  const collection = isMap(value) || isSeq(value);
  if (at.key?.range && (onKey || !found || !value?.range || collection || (isScalar(value) && value.value === null))) {
    return { start: at.key.range[0], end: at.key.range[1] };
  }
  if (value?.range) {
    const [start, end] = value.range;
    if (!collection) return { start, end: Math.max(start, end) };
    const nl = sd.text.indexOf('\n', start);
    return { start, end: nl < 0 || nl > end ? end : nl };
  }
  return { start: 0, end: firstLineEnd(sd.text) };
}
