// Seed files: YAML (or JSON) describing an account (docs/emulator.md, "Seeds and state"). Loading validates
// everything a later request would trip over — names, references, versions, statuses, schemas — and refuses a bad
// seed naming the file, the path inside it (services[3].instances[0].templateMajorVersion) and what is wrong.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { Reader, SeedError, type SeedFormat } from './seedReader';
import { readComponents, readEnvironments, readEnvironmentTemplates, readServices, readServiceTemplates, type SeedBuild } from './seedSections';
import { STATE_FORMAT, type EmulatorState } from './state';

export { SeedError, type SeedProblem } from './seedReader';

/** A seed as given to startEmulator: a parsed object, YAML text, or `{ file }`. */
export type SeedSource = Record<string, unknown> | string | { file: string };

/** A validated seed: its source label and the data it describes, ready to be turned into state. */
export interface Seed {
  source: string;
  data: Record<string, unknown>;
  /** JSON for a .json file: the spec texts the emulator makes up are then JSON too, with no YAML to pay for. */
  format?: SeedFormat;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new SeedError(file, [{ path: '', message: `cannot read the file: ${(e as Error).message}` }]);
  }
}

/** Parses seed text: JSON for a .json file (much faster than YAML for large seeds), else YAML. */
function parseSeedText(text: string, label: string): unknown {
  if (/\.json$/i.test(label)) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new SeedError(label, [{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
    }
  }
  try {
    return parseYaml(text);
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    throw new SeedError(label, [{ path: where, message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` }]);
  }
}

/** Reads the seed from wherever it comes from and parses it. */
export function readSeed(source: SeedSource): Seed {
  let label = 'seed';
  let text: string;
  if (typeof source === 'string') {
    // A one-line string naming an existing .yaml/.yml/.json file is a path; anything else is YAML text.
    const isPath = !source.includes('\n') && (/\.(ya?ml|json)$/i.test(source) || existsSync(source));
    if (isPath) label = source;
    text = isPath ? readText(source) : source;
  } else if (typeof (source as { file?: unknown }).file === 'string' && Object.keys(source).length === 1) {
    label = (source as { file: string }).file;
    text = readText(label);
  } else {
    return { source: label, data: source as Record<string, unknown> };
  }
  const data = parseSeedText(text, label) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new SeedError(label, [{ path: '', message: 'the seed must be a YAML mapping' }]);
  }
  return { source: label, data: data as Record<string, unknown>, format: /\.json$/i.test(label) ? 'json' : 'yaml' };
}

/**
 * Builds the initial state from a seed. `startedAt` (epoch seconds) anchors derived timestamps, so that a reset
 * restores exactly the same state.
 */
export function stateFromSeed(seed: Seed, startedAt: number): EmulatorState {
  const r = new Reader(seed.format);
  const root = r.obj(seed.data, '', ['accountId', 'region', 'environmentTemplates', 'environments', 'serviceTemplates', 'services', 'components']);
  if (!root) throw new SeedError(seed.source, r.problems);
  const accountId = root.accountId === undefined ? undefined : r.str(root, 'accountId', '', { re: /^\d{12}$/, what: 'account id (12 digits)' });
  const region = r.str(root, 'region', '', { re: /^[a-z]{2}(-[a-z]+)+-\d+$/, what: 'region (e.g. us-east-1)' });
  // Derived timestamps: spread over the 60 days before the start, in seed order, so that sorting by them means something.
  const base = Math.floor(startedAt) - 60 * 86400;
  let tick = 0;
  const b: SeedBuild = {
    r,
    state: {
      format: STATE_FORMAT,
      accountId: accountId ?? '123456789012',
      region: region ?? 'us-east-1',
      environmentTemplates: [],
      environments: [],
      serviceTemplates: [],
      services: [],
      instances: [],
      components: [],
      deployments: [],
      clientTokens: [],
      nextSeq: 1,
    },
    next: () => base + 3600 * ++tick,
    environments: new Map(),
    templates: new Map(),
    instances: new Map(),
  };
  readEnvironmentTemplates(b, r.list(root, 'environmentTemplates', ''));
  readEnvironments(b, r.list(root, 'environments', ''));
  readServiceTemplates(b, r.list(root, 'serviceTemplates', ''));
  readServices(b, r.list(root, 'services', ''));
  readComponents(b, r.list(root, 'components', ''));
  if (r.problems.length) throw new SeedError(seed.source, r.problems);
  return b.state;
}
