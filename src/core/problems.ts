// Problems: what every check in core returns instead of throwing. The codes are stable (users see and filter them): diagnostics
// use them as `diagnostic.code`, quick fixes key on them, the CLI prints them, the emulator maps them to errors.

export type Severity = 'error' | 'warning' | 'information';

/** Every problem code with its severity. */
export const PROBLEM_SEVERITY = {
  'yaml-syntax': 'error',
  'not-service-spec': 'error',
  'spec-structure': 'error',
  'spec-too-large': 'error',
  'name-invalid': 'error',
  'instance-duplicate': 'error',
  'directive-invalid': 'error',
  'target-not-found': 'error',
  'target-not-in-spec': 'error',
  'version-not-allowed': 'error',
  'version-major-mismatch': 'error',
  'version-major-not-higher': 'error',
  'version-minor-without-major': 'error',
  'version-not-found': 'error',
  'version-not-published': 'error',
  'version-incompatible-environment': 'error',
  'version-no-newer': 'warning',
  'version-update-available': 'information',
  'instance-busy': 'warning',
  'input-required': 'error',
  'input-unknown': 'error',
  'input-type': 'error',
  'input-enum': 'error',
  'input-pattern': 'error',
  'input-range': 'error',
  'input-length': 'error',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;
export const PROBLEM_CODES = Object.keys(PROBLEM_SEVERITY) as ProblemCode[];

/**
 * One problem. `path` locates it in the parsed spec (keys and list indexes from the document root) when it is
 * about a place in the spec; callers with a source map turn it into a range. `data` carries what quick fixes need.
 */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: string;
  path?: (string | number)[];
  /** Character offsets in the text, for problems not at a YAML node (directive comments, the raw text). */
  span?: Span;
  /** Put the range on the key rather than the value at `path`. */
  onKey?: boolean;
  data?: Record<string, unknown>;
}

/** Start and end (exclusive) character offsets in a text. */
export interface Span {
  start: number;
  end: number;
}

export function problem(
  code: ProblemCode,
  message: string,
  extra: Partial<Pick<Problem, 'path' | 'onKey' | 'span' | 'data'>> = {},
): Problem {
  return { code, severity: PROBLEM_SEVERITY[code], message, ...extra };
}

export const isProblemCode = (s: unknown): s is ProblemCode => typeof s === 'string' && s in PROBLEM_SEVERITY;
