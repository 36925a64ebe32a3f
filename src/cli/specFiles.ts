// Which files proton-spec checks: a file named on the command line always; folders and globs expand to the YAML
// files inside that look like spec files. Also finds the proton-ops files that map specs to instances.
import { existsSync, readdirSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { looksLikeServiceSpec } from '../core/specDocument';
import { normalizePath, OPS_FILE_NAMES, parseProtonOps, type OpsMapping } from '../core/specTargets';

export interface SpecFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line: checked even when it does not look like a spec. */
  explicit: boolean;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MAX_FILES = 10_000;
const isYaml = (p: string) => /\.ya?ml$/i.test(p);
const isGlob = (p: string) => /[*?[{]/.test(p);

/** The first 256 KB of a file, for the "looks like a spec" test without reading huge files whole. */
function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile() && isYaml(e.name)) out.push(p);
  }
}

/** A glob (`*`, `**`, `?`, `{a,b}`, `[...]`) as a regular expression over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map((s) => s.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += glob.slice(i, close + 1).replace(/^\[!/, '[^');
        i = close;
      }
    } else re += /[.+^$()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

/** Expands the command line's paths; the error names the first path that matched nothing. */
export function expandPaths(paths: readonly string[], cwd = process.cwd()): { files: SpecFile[]; error?: string; empty: string[] } {
  const empty: string[] = [];
  const byPath = new Map<string, SpecFile>();
  const addFound = (p: string) => {
    if (byPath.has(p)) return;
    try {
      if (looksLikeServiceSpec(head(p))) byPath.set(p, { path: p, explicit: false });
    } catch {
      // Unreadable files are skipped in a folder or glob.
    }
  };
  for (const raw of paths) {
    const abs = resolve(cwd, raw);
    if (!isGlob(raw)) {
      if (!existsSync(abs)) return { files: [], error: `no such file or folder: ${raw}`, empty };
      if (statSync(abs).isDirectory()) {
        const found: string[] = [];
        walk(abs, found);
        const before = byPath.size;
        found.forEach(addFound);
        if (byPath.size === before) empty.push(raw);
      } else byPath.set(abs, { path: abs, explicit: true });
      continue;
    }
    const slashed = normalizePath(abs);
    const parts = slashed.split('/');
    const base = parts.slice(0, parts.findIndex(isGlob)).join('/') || '/';
    const re = globToRegExp(slashed);
    const found: string[] = [];
    walk(resolve(base), found);
    const matched = found.filter((f) => re.test(normalizePath(f)));
    if (!matched.length) return { files: [], error: `no files match ${raw}`, empty };
    matched.forEach(addFound);
  }
  return { files: [...byPath.values()], empty };
}

/** The proton-ops mappings that apply to specs in these folders: from each folder up to the filesystem root. */
export function findOpsMappings(files: readonly SpecFile[]): OpsMapping[] {
  const seenDirs = new Set<string>();
  const out: OpsMapping[] = [];
  for (const f of files) {
    for (let dir = dirname(f.path); !seenDirs.has(dir); dir = dirname(dir)) {
      seenDirs.add(dir);
      for (const name of OPS_FILE_NAMES) {
        const p = join(dir, name);
        if (!existsSync(p)) continue;
        try {
          out.push(...parseProtonOps(readFileSync(p, 'utf8'), normalizePath(dir)));
        } catch {
          // An unreadable ops file maps nothing.
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
  return out;
}
