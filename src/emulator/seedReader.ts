// The field readers a seed is read with: each reads one member, checks it, and records a problem with its path
// inside the seed (services[3].instances[0].templateMajorVersion) instead of throwing, so that a bad seed is
// refused with every problem at once.
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { RESOURCE_NAME_MAX, RESOURCE_NAME_PATTERN, SPEC_MAX_LENGTH, VERSION_PART_MAX, VERSION_PART_PATTERN } from '../core/protonModel';
import { isObj } from '../core/serviceSpec';

export interface SeedProblem {
  path: string;
  message: string;
}

export class SeedError extends Error {
  constructor(
    readonly source: string,
    readonly problems: SeedProblem[],
  ) {
    super(`Invalid seed ${source}:\n` + problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
    this.name = 'SeedError';
  }
}

export type Obj = Record<string, unknown>;

const NAME_RE = new RegExp(RESOURCE_NAME_PATTERN);
const VERSION_RE = new RegExp(VERSION_PART_PATTERN);
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

export function kind(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}

/** A spec as the seed gives it (YAML text or a mapping), with its parsed value. */
export interface SeedSpec {
  text: string;
  doc: unknown;
}

/** How the seed is written: spec texts the emulator makes up follow it (JSON is YAML too, and much faster). */
export type SeedFormat = 'yaml' | 'json';

/** Reads members of the seed, collecting problems with their paths. */
export class Reader {
  readonly problems: SeedProblem[] = [];

  constructor(readonly format: SeedFormat = 'yaml') {}

  /** The text of a spec or schema the seed gives as a mapping, in the seed's own format. */
  text(doc: unknown): string {
    return this.format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringifyYaml(doc);
  }

  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** A mapping with only the `allowed` keys. */
  obj(v: unknown, path: string, allowed: readonly string[]): Obj | undefined {
    if (!isObj(v)) {
      this.fail(path, `must be a mapping, not ${kind(v)}`);
      return undefined;
    }
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) this.fail(join(path, k), `unknown key "${k}" (allowed: ${allowed.join(', ')})`);
    }
    return v;
  }

  list(o: Obj, key: string, path: string, required = false): unknown[] {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(path, key), 'is required');
      return [];
    }
    if (!Array.isArray(v)) {
      this.fail(join(path, key), `must be a list, not ${kind(v)}`);
      return [];
    }
    return v;
  }

  str(o: Obj, key: string, path: string, opts: { required?: boolean; re?: RegExp; what?: string; min?: number; max?: number } = {}): string | undefined {
    const v = o[key];
    const p = join(path, key);
    if (v === undefined || v === null) {
      if (opts.required) this.fail(p, 'is required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.fail(p, `must be a string, not ${kind(v)}`);
      return undefined;
    }
    if (opts.re && !opts.re.test(v)) {
      this.fail(p, `${JSON.stringify(v)} is not a valid ${opts.what ?? 'value'}`);
      return undefined;
    }
    if (opts.max !== undefined && [...v].length > opts.max) {
      this.fail(p, `is longer than ${opts.max} characters`);
      return undefined;
    }
    if (opts.min !== undefined && [...v].length < opts.min) {
      this.fail(p, opts.min === 1 ? 'must not be empty' : `is shorter than ${opts.min} characters`);
      return undefined;
    }
    return v;
  }

  /** A resource name (the model's ResourceName). */
  name(o: Obj, key: string, path: string, required = true): string | undefined {
    const what = `name (1-${RESOURCE_NAME_MAX} of A-Z a-z 0-9 _ -, starting with a letter or digit)`;
    const v = this.str(o, key, path, { required, re: NAME_RE, what });
    if (v !== undefined && v.length > RESOURCE_NAME_MAX) {
      this.fail(join(path, key), `is longer than ${RESOURCE_NAME_MAX} characters`);
      return undefined;
    }
    return v;
  }

  /** Versions are strings; numbers are accepted and converted. */
  version(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = o[key];
    const p = join(path, key);
    if (v === undefined || v === null) {
      if (required) this.fail(p, 'is required');
      return undefined;
    }
    const s = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? String(v) : v;
    if (typeof s !== 'string' || !VERSION_RE.test(s) || s.length > VERSION_PART_MAX) {
      this.fail(p, `${JSON.stringify(v)} is not a version number (0, 1, 2, ...)`);
      return undefined;
    }
    return s;
  }

  /** One of `values`; absent → `fallback`, or a problem when there is none. */
  oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[], fallback?: T): T | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (fallback === undefined) this.fail(join(path, key), 'is required');
      return fallback;
    }
    if (typeof v !== 'string' || !values.includes(v as T)) {
      this.fail(join(path, key), `${JSON.stringify(v)} is not one of ${values.join(', ')}`);
      return fallback;
    }
    return v as T;
  }

  bool(o: Obj, key: string, path: string): boolean {
    const v = o[key];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') {
      this.fail(join(path, key), `must be true or false, not ${kind(v)}`);
      return false;
    }
    return v;
  }

  /** An optional timestamp in epoch seconds: RFC 3339 text, a YAML/JS Date, or epoch seconds. */
  time(o: Obj, key: string, path: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.getTime() / 1000;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
    if (typeof v === 'string' && RFC3339_RE.test(v) && !Number.isNaN(Date.parse(v))) return Date.parse(v) / 1000;
    this.fail(join(path, key), `${JSON.stringify(v)} is not a timestamp (RFC 3339, e.g. 2025-04-12T23:20:50Z, or epoch seconds)`);
    return undefined;
  }

  /** A spec given as YAML text or as a mapping: its text (at most SPEC_MAX_LENGTH characters) and its value. */
  spec(o: Obj, key: string, path: string): SeedSpec | undefined {
    const v = o[key];
    const p = join(path, key);
    if (v === undefined || v === null) return undefined;
    if (isObj(v)) return { text: this.text(v), doc: v };
    if (typeof v !== 'string') {
      this.fail(p, `must be YAML text or a mapping, not ${kind(v)}`);
      return undefined;
    }
    let doc: unknown;
    try {
      doc = parseYaml(v);
    } catch (e) {
      this.fail(p, `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
    if (v.length > SPEC_MAX_LENGTH) this.fail(p, `is longer than ${SPEC_MAX_LENGTH.toLocaleString('en-US')} characters`);
    return { text: v, doc };
  }
}

/** Sets each optional member that has a value. */
export function withOptional<T extends object>(record: T, optional: Partial<T>): T {
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (record as Record<string, unknown>)[k] = v;
  return record;
}
