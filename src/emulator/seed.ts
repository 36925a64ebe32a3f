// Seed files: YAML describing an account (docs/emulator.md, "Seeds and state"). Loading validates everything a later request would
// trip over — names, references, versions, statuses, schemas — and refuses a bad seed naming the file, the path
// inside it (services[3].instances[0].templateMajorVersion) and what is wrong.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { parseTemplateSchema } from '../core/templateSchema';
import { DEPLOYMENT_STATUSES, TEMPLATE_VERSION_STATUSES, type DeploymentStatus } from '../core/protonModel';
import { SERVICE_STATUSES } from './shapes';
import {
  STATE_FORMAT,
  type ComponentRecord,
  type EmulatorState,
  type EnvironmentRecord,
  type EnvironmentTemplateRecord,
  type InstanceRecord,
  type OutputEntry,
  type ServiceRecord,
  type ServiceTemplateRecord,
  type TemplateVersionRecord,
} from './state';

export interface SeedProblem {
  path: string;
  message: string;
}

export class SeedError extends Error {
  constructor(
    readonly source: string,
    readonly problems: SeedProblem[],
  ) {
    super(
      `Invalid seed ${source}:\n` + problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'),
    );
    this.name = 'SeedError';
  }
}

/** A seed as given to startEmulator: a parsed object, YAML text, or `{ file }`. */
export type SeedSource = Record<string, unknown> | string | { file: string };

/** A validated seed: its source label and the data it describes, ready to be turned into state. */
export interface Seed {
  source: string;
  data: Record<string, unknown>;
}

const NAME_RE = /^[0-9A-Za-z]+[0-9A-Za-z_-]*$/;
const VERSION_RE = /^(0|([1-9]{1}\d*))$/;
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Reads the seed text from wherever it comes from and parses it. */
export function readSeed(source: SeedSource): Seed {
  let label = 'seed';
  let text: string | undefined;
  if (typeof source === 'string') {
    // A one-line string naming an existing .yaml/.yml/.json file is a path; anything else is YAML text.
    if (!source.includes('\n') && (/\.(ya?ml|json)$/i.test(source) || existsSync(source))) {
      label = source;
      try {
        text = readFileSync(source, 'utf8');
      } catch (e) {
        throw new SeedError(label, [{ path: '', message: `cannot read the file: ${(e as Error).message}` }]);
      }
    } else {
      text = source;
    }
  } else if (typeof (source as { file?: unknown }).file === 'string' && Object.keys(source).length === 1) {
    label = (source as { file: string }).file;
    try {
      text = readFileSync(label, 'utf8');
    } catch (e) {
      throw new SeedError(label, [{ path: '', message: `cannot read the file: ${(e as Error).message}` }]);
    }
  } else {
    return { source: label, data: source as Record<string, unknown> };
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    throw new SeedError(label, [{ path: where, message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` }]);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new SeedError(label, [{ path: '', message: 'the seed must be a YAML mapping' }]);
  }
  return { source: label, data: data as Record<string, unknown> };
}

type Obj = Record<string, unknown>;

/** Walks the seed, collecting problems with their paths. */
class Reader {
  readonly problems: SeedProblem[] = [];
  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  obj(v: unknown, path: string, allowed: string[]): Obj | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(path, `must be a mapping, not ${kind(v)}`);
      return undefined;
    }
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) this.fail(join(path, k), `unknown key "${k}" (allowed: ${allowed.join(', ')})`);
    }
    return v as Obj;
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

  name(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = this.str(o, key, path, { required, re: NAME_RE, what: 'name (1-100 of A-Z a-z 0-9 _ -, starting with a letter or digit)' });
    if (v !== undefined && v.length > 100) {
      this.fail(join(path, key), 'is longer than 100 characters');
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
    if (typeof s !== 'string' || !VERSION_RE.test(s) || s.length > 20) {
      this.fail(p, `${JSON.stringify(v)} is not a version number (0, 1, 2, ...)`);
      return undefined;
    }
    return s;
  }

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

  /** An optional timestamp: RFC 3339 text, a YAML/JS Date, or epoch seconds. */
  time(o: Obj, key: string, path: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.getTime() / 1000;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
    if (typeof v === 'string' && RFC3339_RE.test(v) && !Number.isNaN(Date.parse(v))) return Date.parse(v) / 1000;
    this.fail(join(path, key), `${JSON.stringify(v)} is not a timestamp (RFC 3339, e.g. 2025-04-12T23:20:50Z, or epoch seconds)`);
    return undefined;
  }
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}

const TIMES = ['createdAt', 'lastModifiedAt'];
const DEPLOY_TIMES = ['createdAt', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt'];

interface SpecDoc {
  proton?: unknown;
  pipeline?: unknown;
  instances?: unknown;
  [k: string]: unknown;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Builds the initial state from a seed. `startedAt` (epoch seconds) anchors derived timestamps, so that a reset
 * restores exactly the same state.
 */
export function stateFromSeed(seed: Seed, startedAt: number): EmulatorState {
  const r = new Reader();
  const root = r.obj(seed.data, '', [
    'accountId',
    'region',
    'environmentTemplates',
    'environments',
    'serviceTemplates',
    'services',
    'components',
  ]);
  if (!root) throw new SeedError(seed.source, r.problems);
  const accountId = root.accountId === undefined ? '123456789012' : r.str(root, 'accountId', '', { re: /^\d{12}$/, what: 'account id (12 digits)' }) ?? '123456789012';
  const region = r.str(root, 'region', '', { re: /^[a-z]{2}(-[a-z]+)+-\d+$/, what: 'region (e.g. us-east-1)' }) ?? 'us-east-1';

  // Derived timestamps: spread over the 60 days before the start, in seed order, so that sorting by them means something.
  const base = Math.floor(startedAt) - 60 * 86400;
  let tick = 0;
  const next = () => base + 3600 * ++tick;

  const state: EmulatorState = {
    format: STATE_FORMAT,
    accountId,
    region,
    environmentTemplates: [],
    environments: [],
    serviceTemplates: [],
    services: [],
    instances: [],
    components: [],
    deployments: [],
    clientTokens: [],
    nextSeq: 1,
  };

  r.list(root, 'environmentTemplates', '').forEach((raw, i) => {
    const path = `environmentTemplates[${i}]`;
    const o = r.obj(raw, path, ['name', 'displayName', 'description', ...TIMES]);
    if (!o) return;
    const name = r.name(o, 'name', path);
    const displayName = r.str(o, 'displayName', path, { min: 1, max: 100 });
    const description = r.str(o, 'description', path, { max: 500 });
    if (!name) return;
    if (state.environmentTemplates.some((t) => t.name === name)) return r.fail(join(path, 'name'), `duplicate environment template "${name}"`);
    const createdAt = r.time(o, 'createdAt', path) ?? next();
    const t: EnvironmentTemplateRecord = { name, createdAt, lastModifiedAt: r.time(o, 'lastModifiedAt', path) ?? createdAt };
    if (displayName !== undefined) t.displayName = displayName;
    if (description !== undefined) t.description = description;
    state.environmentTemplates.push(t);
  });

  r.list(root, 'environments', '').forEach((raw, i) => {
    const path = `environments[${i}]`;
    const o = r.obj(raw, path, [
      'name', 'templateName', 'templateMajorVersion', 'templateMinorVersion', 'deploymentStatus', 'deploymentStatusMessage',
      'description', 'spec', ...DEPLOY_TIMES,
    ]);
    if (!o) return;
    const name = r.name(o, 'name', path);
    const templateName = r.name(o, 'templateName', path);
    const major = r.version(o, 'templateMajorVersion', path);
    const minor = r.version(o, 'templateMinorVersion', path);
    const status = r.oneOf<DeploymentStatus>(o, 'deploymentStatus', path, DEPLOYMENT_STATUSES, 'SUCCEEDED');
    const message = r.str(o, 'deploymentStatusMessage', path);
    const description = r.str(o, 'description', path, { max: 500 });
    const spec = specText(r, o.spec, join(path, 'spec'));
    if (templateName && !state.environmentTemplates.some((t) => t.name === templateName)) {
      r.fail(join(path, 'templateName'), `environment template "${templateName}" is not in environmentTemplates`);
    }
    if (!name || !templateName || !major || !minor || !status) return;
    if (state.environments.some((e) => e.name === name)) return r.fail(join(path, 'name'), `duplicate environment "${name}"`);
    const createdAt = r.time(o, 'createdAt', path) ?? next();
    const attempted = r.time(o, 'lastDeploymentAttemptedAt', path) ?? createdAt + 600;
    const e: EnvironmentRecord = {
      name,
      templateName,
      templateMajorVersion: major,
      templateMinorVersion: minor,
      deploymentStatus: status,
      createdAt,
      lastDeploymentAttemptedAt: attempted,
      lastDeploymentSucceededAt: r.time(o, 'lastDeploymentSucceededAt', path) ?? attempted,
    };
    if (message !== undefined) e.deploymentStatusMessage = message;
    if (description !== undefined) e.description = description;
    if (spec !== undefined) e.spec = spec;
    state.environments.push(e);
  });

  r.list(root, 'serviceTemplates', '').forEach((raw, i) => {
    const path = `serviceTemplates[${i}]`;
    const o = r.obj(raw, path, ['name', 'displayName', 'description', 'pipelineProvisioning', 'versions', ...TIMES]);
    if (!o) return;
    const name = r.name(o, 'name', path);
    const displayName = r.str(o, 'displayName', path, { min: 1, max: 100 });
    const description = r.str(o, 'description', path, { max: 500 });
    const pipelineProvisioning = o.pipelineProvisioning === undefined ? undefined : r.oneOf(o, 'pipelineProvisioning', path, ['CUSTOMER_MANAGED'] as const);
    const createdAt = r.time(o, 'createdAt', path) ?? next();
    const t: ServiceTemplateRecord = { name: name ?? '', createdAt, lastModifiedAt: r.time(o, 'lastModifiedAt', path) ?? createdAt, versions: [] };
    if (displayName !== undefined) t.displayName = displayName;
    if (description !== undefined) t.description = description;
    if (pipelineProvisioning !== undefined) t.pipelineProvisioning = pipelineProvisioning;
    r.list(o, 'versions', path).forEach((rawV, j) => {
      const vp = `${path}.versions[${j}]`;
      const v = r.obj(rawV, vp, [
        'majorVersion', 'minorVersion', 'status', 'statusMessage', 'schema', 'compatibleEnvironmentTemplates', 'description',
        'supportedComponentSources', ...TIMES,
      ]);
      if (!v) return;
      const major = r.version(v, 'majorVersion', vp);
      const minor = r.version(v, 'minorVersion', vp);
      const status = r.oneOf(v, 'status', vp, TEMPLATE_VERSION_STATUSES);
      const statusMessage = r.str(v, 'statusMessage', vp);
      const vdesc = r.str(v, 'description', vp, { max: 500 });
      let schema: string | undefined;
      if (v.schema !== undefined && v.schema !== null) {
        schema = typeof v.schema === 'string' ? v.schema : isObj(v.schema) ? stringifyYaml(v.schema) : undefined;
        if (schema === undefined) r.fail(join(vp, 'schema'), 'must be the text of the schema.yaml (or its mapping)');
        else {
          try {
            const parsed = parseTemplateSchema(schema);
            if (!parsed.serviceInputType) r.fail(join(vp, 'schema'), 'a service template schema needs schema.service_input_type');
          } catch (e) {
            r.fail(join(vp, 'schema'), (e as Error).message);
          }
        }
      }
      const compat: TemplateVersionRecord['compatibleEnvironmentTemplates'] = [];
      const compatList = r.list(v, 'compatibleEnvironmentTemplates', vp, true);
      if (Array.isArray(v.compatibleEnvironmentTemplates) && (compatList.length < 1 || compatList.length > 10)) {
        r.fail(join(vp, 'compatibleEnvironmentTemplates'), 'must list 1 to 10 environment templates');
      }
      compatList.forEach((rawC, k) => {
        const cp = `${vp}.compatibleEnvironmentTemplates[${k}]`;
        const c = r.obj(rawC, cp, ['templateName', 'majorVersion']);
        if (!c) return;
        const tn = r.name(c, 'templateName', cp);
        const mv = r.version(c, 'majorVersion', cp);
        if (tn && !state.environmentTemplates.some((e) => e.name === tn)) {
          r.fail(join(cp, 'templateName'), `environment template "${tn}" is not in environmentTemplates`);
        }
        if (tn && mv) compat.push({ templateName: tn, majorVersion: mv });
      });
      let sources: string[] | undefined;
      if (v.supportedComponentSources !== undefined) {
        sources = [];
        r.list(v, 'supportedComponentSources', vp).forEach((s, k) => {
          if (s !== 'DIRECTLY_DEFINED') r.fail(`${vp}.supportedComponentSources[${k}]`, `${JSON.stringify(s)} is not DIRECTLY_DEFINED`);
          else sources!.push(s);
        });
      }
      if (!major || !minor || !status) return;
      if (t.versions.some((x) => x.majorVersion === major && x.minorVersion === minor)) {
        return r.fail(vp, `duplicate version ${major}.${minor}`);
      }
      const vCreated = r.time(v, 'createdAt', vp) ?? next();
      const rec: TemplateVersionRecord = {
        majorVersion: major,
        minorVersion: minor,
        status,
        compatibleEnvironmentTemplates: compat,
        createdAt: vCreated,
        lastModifiedAt: r.time(v, 'lastModifiedAt', vp) ?? vCreated,
      };
      if (statusMessage !== undefined) rec.statusMessage = statusMessage;
      if (vdesc !== undefined) rec.description = vdesc;
      if (schema !== undefined) rec.schema = schema;
      if (sources) rec.supportedComponentSources = sources;
      t.versions.push(rec);
    });
    if (!name) return;
    if (state.serviceTemplates.some((x) => x.name === name)) return r.fail(join(path, 'name'), `duplicate service template "${name}"`);
    state.serviceTemplates.push(t);
  });

  r.list(root, 'services', '').forEach((raw, i) => {
    const path = `services[${i}]`;
    const o = r.obj(raw, path, ['name', 'templateName', 'description', 'status', 'statusMessage', 'spec', 'instances', ...TIMES]);
    if (!o) return;
    const name = r.name(o, 'name', path);
    const templateName = r.name(o, 'templateName', path);
    const description = r.str(o, 'description', path, { max: 500 });
    const status = r.oneOf(o, 'status', path, SERVICE_STATUSES, 'ACTIVE');
    const statusMessage = r.str(o, 'statusMessage', path);
    const template = templateName ? state.serviceTemplates.find((t) => t.name === templateName) : undefined;
    if (templateName && !template) r.fail(join(path, 'templateName'), `service template "${templateName}" is not in serviceTemplates`);
    if (name && state.services.some((s) => s.name === name)) r.fail(join(path, 'name'), `duplicate service "${name}"`);
    const serviceSpecText = specText(r, o.spec, join(path, 'spec'));
    const serviceSpec = serviceSpecText !== undefined ? (parseYaml(serviceSpecText) as SpecDoc) : undefined;
    if (serviceSpec !== undefined && (!isObj(serviceSpec) || serviceSpec.proton !== 'ServiceSpec')) {
      r.fail(join(path, 'spec'), 'must be a ServiceSpec (top-level "proton: ServiceSpec")');
    }
    const createdAt = r.time(o, 'createdAt', path) ?? next();
    const instances: InstanceRecord[] = [];
    const entries: Obj[] = [];
    r.list(o, 'instances', path).forEach((rawI, j) => {
      const ip = `${path}.instances[${j}]`;
      const io = r.obj(rawI, ip, [
        'name', 'environmentName', 'templateMajorVersion', 'templateMinorVersion', 'deploymentStatus', 'deploymentStatusMessage',
        'spec', 'outputs', 'failNextDeployment', ...DEPLOY_TIMES,
      ]);
      if (!io) return;
      const iname = r.name(io, 'name', ip);
      const env = r.name(io, 'environmentName', ip);
      const major = r.version(io, 'templateMajorVersion', ip);
      const minor = r.version(io, 'templateMinorVersion', ip);
      const dstatus = r.oneOf<DeploymentStatus>(io, 'deploymentStatus', ip, DEPLOYMENT_STATUSES, 'SUCCEEDED');
      const dmessage = r.str(io, 'deploymentStatusMessage', ip);
      const failNext = r.bool(io, 'failNextDeployment', ip);
      const outputs = readOutputs(r, io.outputs, join(ip, 'outputs'));
      if (env && !state.environments.some((e) => e.name === env)) r.fail(join(ip, 'environmentName'), `environment "${env}" is not in environments`);
      if (template && major && !template.versions.some((v) => v.majorVersion === major)) {
        r.fail(join(ip, 'templateMajorVersion'), `service template "${template.name}" has no major version ${major}`);
      } else if (template && major && minor && !template.versions.some((v) => v.majorVersion === major && v.minorVersion === minor)) {
        r.fail(join(ip, 'templateMinorVersion'), `service template "${template.name}" has no version ${major}.${minor}`);
      }
      if (iname && instances.some((x) => x.name === iname)) r.fail(join(ip, 'name'), `duplicate instance "${iname}" in service "${name}"`);
      // The instance's own inputs: from its `spec` (a ServiceSpec or just the inputs), else the service spec's entry.
      let entry: Obj | undefined;
      let fullSpec: string | undefined;
      const own = specText(r, io.spec, join(ip, 'spec'));
      if (own !== undefined) {
        const doc = parseYaml(own) as unknown;
        if (isObj(doc) && doc.proton !== undefined) {
          if (doc.proton !== 'ServiceSpec') r.fail(join(ip, 'spec'), 'proton must be ServiceSpec');
          const list = Array.isArray(doc.instances) ? doc.instances : [];
          entry = list.find((x: unknown) => isObj(x) && x.name === iname) as Obj | undefined;
          if (!entry) r.fail(join(ip, 'spec'), `the ServiceSpec has no instances entry named "${iname}"`);
          else if (entry.environment !== env) r.fail(join(ip, 'spec'), `the instances entry "${iname}" names environment ${JSON.stringify(entry.environment)}, not "${env}"`);
          fullSpec = own;
        } else if (isObj(doc) || doc === null) {
          entry = { name: iname, environment: env, spec: doc ?? {} };
        } else {
          r.fail(join(ip, 'spec'), 'must be a ServiceSpec or a mapping of inputs');
        }
      } else if (isObj(serviceSpec) && Array.isArray(serviceSpec.instances)) {
        entry = serviceSpec.instances.find((x: unknown) => isObj(x) && x.name === iname) as Obj | undefined;
        if (entry) fullSpec = serviceSpecText;
      }
      if (!entry) entry = { name: iname, environment: env, spec: {} };
      entries.push(entry);
      if (!iname || !env || !major || !minor || !dstatus || !templateName) return;
      const iCreated = r.time(io, 'createdAt', ip) ?? next();
      const attempted = r.time(io, 'lastDeploymentAttemptedAt', ip) ?? iCreated + 600;
      const rec: InstanceRecord = {
        serviceName: name ?? '',
        name: iname,
        environmentName: env,
        templateName,
        templateMajorVersion: major,
        templateMinorVersion: minor,
        deploymentStatus: dstatus,
        spec: fullSpec ?? '',
        createdAt: iCreated,
        lastDeploymentAttemptedAt: attempted,
        lastDeploymentSucceededAt: r.time(io, 'lastDeploymentSucceededAt', ip) ?? attempted,
        outputs,
        failNextDeployment: failNext,
      };
      if (dmessage !== undefined) rec.deploymentStatusMessage = dmessage;
      instances.push(rec);
    });
    // Instances without a ServiceSpec of their own get one built from the service's spec (its pipeline) and their entry.
    const pipeline = isObj(serviceSpec) ? serviceSpec.pipeline : undefined;
    instances.forEach((inst, j) => {
      if (inst.spec) return;
      const doc: Obj = { proton: 'ServiceSpec' };
      if (pipeline !== undefined) doc.pipeline = pipeline;
      doc.instances = [entries[j] ?? { name: inst.name, environment: inst.environmentName, spec: {} }];
      inst.spec = stringifyYaml(doc);
    });
    let spec = serviceSpecText;
    if (spec === undefined) {
      const doc: Obj = { proton: 'ServiceSpec', instances: entries };
      spec = stringifyYaml(doc);
    }
    if (!name || !templateName || !status) return;
    const svc: ServiceRecord = {
      name,
      templateName,
      status,
      spec,
      createdAt,
      lastModifiedAt: r.time(o, 'lastModifiedAt', path) ?? createdAt,
    };
    if (description !== undefined) svc.description = description;
    if (statusMessage !== undefined) svc.statusMessage = statusMessage;
    if (!state.services.some((s) => s.name === name)) {
      state.services.push(svc);
      state.instances.push(...instances);
    }
  });

  r.list(root, 'components', '').forEach((raw, i) => {
    const path = `components[${i}]`;
    const o = r.obj(raw, path, [
      'name', 'environmentName', 'serviceName', 'serviceInstanceName', 'deploymentStatus', 'deploymentStatusMessage', 'description',
      'createdAt', 'lastModifiedAt', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt',
    ]);
    if (!o) return;
    const name = r.name(o, 'name', path);
    const env = r.name(o, 'environmentName', path);
    const serviceName = r.name(o, 'serviceName', path, false);
    const instName = r.name(o, 'serviceInstanceName', path, false);
    const status = r.oneOf<DeploymentStatus>(o, 'deploymentStatus', path, DEPLOYMENT_STATUSES, 'SUCCEEDED');
    const message = r.str(o, 'deploymentStatusMessage', path);
    const description = r.str(o, 'description', path, { max: 500 });
    if (env && !state.environments.some((e) => e.name === env)) r.fail(join(path, 'environmentName'), `environment "${env}" is not in environments`);
    if (instName && !serviceName) r.fail(join(path, 'serviceInstanceName'), 'needs serviceName too');
    if (serviceName && !state.services.some((s) => s.name === serviceName)) r.fail(join(path, 'serviceName'), `service "${serviceName}" is not in services`);
    else if (serviceName && instName) {
      const inst = state.instances.find((x) => x.serviceName === serviceName && x.name === instName);
      if (!inst) r.fail(join(path, 'serviceInstanceName'), `service "${serviceName}" has no instance "${instName}"`);
      else if (env && inst.environmentName !== env) r.fail(join(path, 'environmentName'), `instance "${instName}" runs in "${inst.environmentName}", not "${env}"`);
      else if (state.components.some((c) => c.serviceName === serviceName && c.serviceInstanceName === instName)) {
        r.fail(join(path, 'serviceInstanceName'), `instance "${instName}" already has a component attached`);
      }
    }
    if (!name || !env || !status) return;
    if (state.components.some((c) => c.name === name)) return r.fail(join(path, 'name'), `duplicate component "${name}"`);
    const createdAt = r.time(o, 'createdAt', path) ?? next();
    const c: ComponentRecord = {
      name,
      environmentName: env,
      deploymentStatus: status,
      createdAt,
      lastModifiedAt: r.time(o, 'lastModifiedAt', path) ?? createdAt,
      lastDeploymentAttemptedAt: r.time(o, 'lastDeploymentAttemptedAt', path) ?? createdAt + 600,
    };
    c.lastDeploymentSucceededAt = r.time(o, 'lastDeploymentSucceededAt', path) ?? c.lastDeploymentAttemptedAt;
    if (serviceName) c.serviceName = serviceName;
    if (instName) c.serviceInstanceName = instName;
    if (message !== undefined) c.deploymentStatusMessage = message;
    if (description !== undefined) c.description = description;
    state.components.push(c);
  });

  if (r.problems.length) throw new SeedError(seed.source, r.problems);
  return state;
}

/** A spec given as YAML text or as a mapping, returned as text (validated as YAML). */
function specText(r: Reader, v: unknown, path: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (isObj(v)) return stringifyYaml(v);
  if (typeof v !== 'string') {
    r.fail(path, `must be YAML text or a mapping, not ${kind(v)}`);
    return undefined;
  }
  try {
    parseYaml(v);
  } catch (e) {
    r.fail(path, `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
  if (v.length > 51200) r.fail(path, 'is longer than 51,200 characters');
  return v;
}

function readOutputs(r: Reader, v: unknown, path: string): OutputEntry[] {
  if (v === undefined || v === null) return [];
  const out: OutputEntry[] = [];
  if (isObj(v)) {
    // Also accepted: a plain mapping key → value. The model's Output allows 1–1024 characters in each.
    for (const [key, value] of Object.entries(v)) {
      const valueString = typeof value === 'string' ? value : JSON.stringify(value);
      const len = (t: string) => [...t].length;
      if (len(key) < 1 || len(key) > 1024) r.fail(join(path, key), 'the key must be 1 to 1,024 characters');
      else if (len(valueString) < 1 || len(valueString) > 1024) r.fail(join(path, key), 'must be 1 to 1,024 characters');
      else out.push({ key, valueString });
    }
    return out;
  }
  if (!Array.isArray(v)) {
    r.fail(path, `must be a list of {key, valueString}, not ${kind(v)}`);
    return out;
  }
  v.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const o = r.obj(raw, p, ['key', 'valueString']);
    if (!o) return;
    const key = r.str(o, 'key', p, { required: true, min: 1, max: 1024 });
    const vs = o.valueString;
    const valueString = typeof vs === 'number' || typeof vs === 'boolean' ? String(vs) : r.str(o, 'valueString', p, { required: true, min: 1, max: 1024 });
    if (key !== undefined && valueString !== undefined) out.push({ key, valueString });
  });
  return out;
}
