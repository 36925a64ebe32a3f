// Which instances a spec file updates (design §4), first rule that applies: its `# proton-update:` directives, else
// a proton-ops.yaml mapping that names the file, else exactly one known instance named in the file, else none
// (the update command asks). Pure: texts and workspace-relative paths in, targets out.
import { parse as parseYaml } from './yamlLibrary';
import type { DeploymentType } from './protonModel';
import { isResourceName } from './protonModel';
import { directiveTarget, parseDirectives, type Directive } from './directives';
import { isObj, specInstanceNames } from './serviceSpec';

export interface SpecTarget {
  serviceName: string;
  name: string;
  deploymentType?: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
  /** The directive naming this target (rule 1). */
  directive?: Directive;
}

export type TargetSource = 'directive' | 'proton-ops' | 'unique-name' | 'none';

export interface SpecTargets {
  targets: SpecTarget[];
  source: TargetSource;
}

/** One `sync.services.<service>.<instance>.spec` entry of a proton-ops file. */
export interface OpsMapping {
  serviceName: string;
  name: string;
  /** The spec's path, normalised (forward slashes, no `.`/`..`), from the same base as the ops file's folder. */
  specPath: string;
}

export const OPS_FILE_NAMES = ['proton-ops.yaml', 'proton-ops.yml'];

/**
 * Normalises a path: backslashes to slashes, `.` and `..` resolved, no trailing slash. A leading `/` (or a drive)
 * is kept; `..` above a relative base is kept, so different bases never compare equal by accident.
 */
export function normalizePath(p: string): string {
  const s = p.replace(/\\/g, '/');
  const abs = s.startsWith('/');
  const out: string[] = [];
  for (const part of s.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !abs) out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}

/**
 * Reads a proton-ops file. `opsDir` is the folder of the ops file (relative to the workspace, or absolute), so
 * that a spec path inside it (relative to that folder) comes out from the same base. Broken files give no entries.
 */
export function parseProtonOps(text: string, opsDir: string): OpsMapping[] {
  let js: unknown;
  try {
    js = parseYaml(text, { maxAliasCount: 100 });
  } catch {
    return [];
  }
  const services = isObj(js) && isObj(js.sync) ? js.sync.services : undefined;
  if (!isObj(services)) return [];
  const out: OpsMapping[] = [];
  for (const [serviceName, instances] of Object.entries(services)) {
    if (!isResourceName(serviceName) || !isObj(instances)) continue;
    for (const [name, entry] of Object.entries(instances)) {
      if (!isResourceName(name) || !isObj(entry) || typeof entry.spec !== 'string' || entry.spec === '') continue;
      const rel = entry.spec.replace(/\\/g, '/');
      // A leading slash is the repository's root, as in service sync; the ops file sits at that root.
      const inDir = rel.startsWith('/') ? rel.slice(1) : rel;
      const specPath = normalizePath(opsDir === '' ? inDir : `${opsDir}/${inDir}`);
      out.push({ serviceName, name, specPath });
    }
  }
  return out;
}

export interface TargetInput {
  /** The spec file's text. */
  text: string;
  /** Its directives, when already parsed (else they are read from `text`). */
  directives?: Directive[];
  /** The spec's path from the same base as the ops mappings (normalised here). */
  specPath?: string;
  /** Every proton-ops mapping of the workspace. */
  opsMappings?: readonly OpsMapping[];
  /** The instances known to Proton (the snapshot's), for rule 3. */
  knownInstances?: readonly { serviceName: string; name: string }[];
  /** The spec's parsed value, when already parsed (else `text` is parsed for rule 3). */
  parsed?: unknown;
}

/** The targets of a spec file and the rule that found them. */
export function specTargets(input: TargetInput): SpecTargets {
  const directives = input.directives ?? parseDirectives(input.text).directives;
  if (directives.length) {
    const targets: SpecTarget[] = [];
    for (const d of directives) {
      const t = directiveTarget(d);
      if (t) targets.push({ ...t, directive: d });
    }
    // A broken directive still claims the file: falling back to another rule would silently pick another target.
    return { targets, source: 'directive' };
  }
  if (input.specPath !== undefined && input.opsMappings?.length) {
    const path = normalizePath(input.specPath);
    const targets = input.opsMappings
      .filter((m) => m.specPath === path)
      .map((m) => ({ serviceName: m.serviceName, name: m.name }));
    if (targets.length) return { targets: dedupe(targets), source: 'proton-ops' };
  }
  if (input.knownInstances?.length) {
    let js = input.parsed;
    if (js === undefined) {
      try {
        js = parseYaml(input.text, { maxAliasCount: 100 });
      } catch {
        js = undefined;
      }
    }
    const names = new Set(specInstanceNames(js));
    const matches = input.knownInstances.filter((i) => names.has(i.name));
    if (matches.length === 1) return { targets: [{ serviceName: matches[0].serviceName, name: matches[0].name }], source: 'unique-name' };
  }
  return { targets: [], source: 'none' };
}

function dedupe(ts: SpecTarget[]): SpecTarget[] {
  const seen = new Set<string>();
  return ts.filter((t) => {
    const k = `${t.serviceName}/${t.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
