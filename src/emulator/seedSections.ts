// One reader per section of a seed (docs/emulator.md, "Seeds and state"): each checks its entries against what
// the earlier sections defined and adds records to the state. Derived timestamps are handed out in seed order,
// so that sorting by them means something and a reset rebuilds exactly the same state.
import { DEPLOYMENT_STATUSES, TEMPLATE_VERSION_STATUSES, type DeploymentStatus } from '../core/protonModel';
import { checkInstanceSpec, instanceIndex, isObj, isServiceSpec } from '../core/serviceSpec';
import { formatPath, parseTemplateSchema } from '../core/templateSchema';
import { join, kind, withOptional, type Obj, type Reader, type SeedSpec } from './seedReader';
import { SERVICE_STATUSES } from './shapes';
import type {
  ComponentRecord,
  EmulatorState,
  EnvironmentRecord,
  EnvironmentTemplateRecord,
  InstanceRecord,
  OutputEntry,
  ServiceRecord,
  ServiceTemplateRecord,
  TemplateVersionRecord,
} from './state';

/** What the section readers share: the reader, the state so far, its indexes, and the derived-time clock. */
export interface SeedBuild {
  r: Reader;
  state: EmulatorState;
  /** The next derived timestamp (epoch seconds), for entries that give none. */
  next: () => number;
  environments: Map<string, EnvironmentRecord>;
  templates: Map<string, ServiceTemplateRecord>;
  /** Instances by `serviceName\0name`. */
  instances: Map<string, InstanceRecord>;
}

const TIMES = ['createdAt', 'lastModifiedAt'];
const DEPLOY_TIMES = ['createdAt', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt'];
const DEPLOYED = ['templateMajorVersion', 'templateMinorVersion', 'deploymentStatus', 'deploymentStatusMessage'];

const instanceKey = (serviceName: string, name: string) => `${serviceName}\u0000${name}`;

/** createdAt and lastModifiedAt, derived when absent. */
function modifiedTimes(b: SeedBuild, o: Obj, path: string): { createdAt: number; lastModifiedAt: number } {
  const createdAt = b.r.time(o, 'createdAt', path) ?? b.next();
  return { createdAt, lastModifiedAt: b.r.time(o, 'lastModifiedAt', path) ?? createdAt };
}

/** What environments and instances share: a deployed template version and the status of its deployment. */
function deployedFields(b: SeedBuild, o: Obj, path: string) {
  return {
    major: b.r.version(o, 'templateMajorVersion', path),
    minor: b.r.version(o, 'templateMinorVersion', path),
    status: b.r.oneOf<DeploymentStatus>(o, 'deploymentStatus', path, DEPLOYMENT_STATUSES, 'SUCCEEDED'),
    message: b.r.str(o, 'deploymentStatusMessage', path),
  };
}

/**
 * createdAt, lastDeploymentAttemptedAt and lastDeploymentSucceededAt, derived when absent: the last attempt succeeded
 * only when the status says so; otherwise the last success is the deployment at creation.
 */
function deploymentTimes(b: SeedBuild, o: Obj, path: string, status: DeploymentStatus) {
  const createdAt = b.r.time(o, 'createdAt', path) ?? b.next();
  const lastDeploymentAttemptedAt = b.r.time(o, 'lastDeploymentAttemptedAt', path) ?? createdAt + 600;
  const lastDeploymentSucceededAt = b.r.time(o, 'lastDeploymentSucceededAt', path) ?? (status === 'SUCCEEDED' ? lastDeploymentAttemptedAt : createdAt);
  return { createdAt, lastDeploymentAttemptedAt, lastDeploymentSucceededAt };
}

export function readEnvironmentTemplates(b: SeedBuild, list: unknown[]): void {
  const names = new Set<string>();
  list.forEach((raw, i) => {
    const path = `environmentTemplates[${i}]`;
    const o = b.r.obj(raw, path, ['name', 'displayName', 'description', ...TIMES]);
    if (!o) return;
    const name = b.r.name(o, 'name', path);
    const displayName = b.r.str(o, 'displayName', path, { min: 1, max: 100 });
    const description = b.r.str(o, 'description', path, { max: 500 });
    if (!name) return;
    if (names.has(name)) return b.r.fail(join(path, 'name'), `duplicate environment template "${name}"`);
    names.add(name);
    b.state.environmentTemplates.push(withOptional<EnvironmentTemplateRecord>({ name, ...modifiedTimes(b, o, path) }, { displayName, description }));
  });
}

const hasEnvironmentTemplate = (b: SeedBuild, name: string) => b.state.environmentTemplates.some((t) => t.name === name);

export function readEnvironments(b: SeedBuild, list: unknown[]): void {
  list.forEach((raw, i) => {
    const path = `environments[${i}]`;
    const o = b.r.obj(raw, path, ['name', 'templateName', ...DEPLOYED, 'description', 'spec', ...DEPLOY_TIMES]);
    if (!o) return;
    const name = b.r.name(o, 'name', path);
    const templateName = b.r.name(o, 'templateName', path);
    const { major, minor, status, message } = deployedFields(b, o, path);
    const description = b.r.str(o, 'description', path, { max: 500 });
    const spec = b.r.spec(o, 'spec', path)?.text;
    if (templateName && !hasEnvironmentTemplate(b, templateName)) {
      b.r.fail(join(path, 'templateName'), `environment template "${templateName}" is not in environmentTemplates`);
    }
    if (!name || !templateName || !major || !minor || !status) return;
    if (b.environments.has(name)) return b.r.fail(join(path, 'name'), `duplicate environment "${name}"`);
    const e: EnvironmentRecord = {
      name,
      templateName,
      templateMajorVersion: major,
      templateMinorVersion: minor,
      deploymentStatus: status,
      ...deploymentTimes(b, o, path, status),
    };
    b.environments.set(name, withOptional(e, { deploymentStatusMessage: message, description, spec }));
    b.state.environments.push(e);
  });
}

/** The schema text of a version, checked to be a service template schema. */
function readSchema(b: SeedBuild, v: Obj, path: string): string | undefined {
  if (v.schema === undefined || v.schema === null) return undefined;
  const schema = typeof v.schema === 'string' ? v.schema : isObj(v.schema) ? b.r.text(v.schema) : undefined;
  if (schema === undefined) {
    b.r.fail(join(path, 'schema'), 'must be the text of the schema.yaml (or its mapping)');
    return undefined;
  }
  try {
    if (!parseTemplateSchema(schema).serviceInputType) b.r.fail(join(path, 'schema'), 'a service template schema needs schema.service_input_type');
  } catch (e) {
    b.r.fail(join(path, 'schema'), (e as Error).message);
  }
  return schema;
}

function readCompatibility(b: SeedBuild, v: Obj, path: string): TemplateVersionRecord['compatibleEnvironmentTemplates'] {
  const compat: TemplateVersionRecord['compatibleEnvironmentTemplates'] = [];
  const list = b.r.list(v, 'compatibleEnvironmentTemplates', path, true);
  if (Array.isArray(v.compatibleEnvironmentTemplates) && (list.length < 1 || list.length > 10)) {
    b.r.fail(join(path, 'compatibleEnvironmentTemplates'), 'must list 1 to 10 environment templates');
  }
  list.forEach((raw, k) => {
    const cp = `${path}.compatibleEnvironmentTemplates[${k}]`;
    const c = b.r.obj(raw, cp, ['templateName', 'majorVersion']);
    if (!c) return;
    const templateName = b.r.name(c, 'templateName', cp);
    const majorVersion = b.r.version(c, 'majorVersion', cp);
    if (templateName && !hasEnvironmentTemplate(b, templateName)) {
      b.r.fail(join(cp, 'templateName'), `environment template "${templateName}" is not in environmentTemplates`);
    }
    if (templateName && majorVersion) compat.push({ templateName, majorVersion });
  });
  return compat;
}

function readTemplateVersion(b: SeedBuild, t: ServiceTemplateRecord, raw: unknown, path: string): void {
  const v = b.r.obj(raw, path, [
    'majorVersion', 'minorVersion', 'status', 'statusMessage', 'schema', 'compatibleEnvironmentTemplates', 'description',
    'supportedComponentSources', ...TIMES,
  ]);
  if (!v) return;
  const major = b.r.version(v, 'majorVersion', path);
  const minor = b.r.version(v, 'minorVersion', path);
  const status = b.r.oneOf(v, 'status', path, TEMPLATE_VERSION_STATUSES);
  const statusMessage = b.r.str(v, 'statusMessage', path);
  const description = b.r.str(v, 'description', path, { max: 500 });
  const schema = readSchema(b, v, path);
  const compatibleEnvironmentTemplates = readCompatibility(b, v, path);
  let sources: string[] | undefined;
  if (v.supportedComponentSources !== undefined) {
    sources = [];
    b.r.list(v, 'supportedComponentSources', path).forEach((s, k) => {
      if (s !== 'DIRECTLY_DEFINED') b.r.fail(`${path}.supportedComponentSources[${k}]`, `${JSON.stringify(s)} is not DIRECTLY_DEFINED`);
      else sources!.push(s);
    });
  }
  if (!major || !minor || !status) return;
  if (t.versions.some((x) => x.majorVersion === major && x.minorVersion === minor)) return b.r.fail(path, `duplicate version ${major}.${minor}`);
  const rec: TemplateVersionRecord = { majorVersion: major, minorVersion: minor, status, compatibleEnvironmentTemplates, ...modifiedTimes(b, v, path) };
  t.versions.push(withOptional(rec, { statusMessage, description, schema, supportedComponentSources: sources }));
}

export function readServiceTemplates(b: SeedBuild, list: unknown[]): void {
  list.forEach((raw, i) => {
    const path = `serviceTemplates[${i}]`;
    const o = b.r.obj(raw, path, ['name', 'displayName', 'description', 'pipelineProvisioning', 'versions', ...TIMES]);
    if (!o) return;
    const name = b.r.name(o, 'name', path);
    const displayName = b.r.str(o, 'displayName', path, { min: 1, max: 100 });
    const description = b.r.str(o, 'description', path, { max: 500 });
    const pipelineProvisioning = o.pipelineProvisioning === undefined ? undefined : b.r.oneOf(o, 'pipelineProvisioning', path, ['CUSTOMER_MANAGED'] as const);
    const t = withOptional<ServiceTemplateRecord>({ name: name ?? '', ...modifiedTimes(b, o, path), versions: [] }, { displayName, description, pipelineProvisioning });
    b.r.list(o, 'versions', path).forEach((rawV, j) => readTemplateVersion(b, t, rawV, `${path}.versions[${j}]`));
    if (!name) return;
    if (b.templates.has(name)) return b.r.fail(join(path, 'name'), `duplicate service template "${name}"`);
    b.templates.set(name, t);
    b.state.serviceTemplates.push(t);
  });
}

function readOutputs(b: SeedBuild, v: unknown, path: string): OutputEntry[] {
  if (v === undefined || v === null) return [];
  const out: OutputEntry[] = [];
  const len = (t: string) => [...t].length;
  if (isObj(v)) {
    // Also accepted: a plain mapping key → value. The model's Output allows 1–1024 characters in each.
    for (const [key, value] of Object.entries(v)) {
      const valueString = typeof value === 'string' ? value : JSON.stringify(value);
      if (len(key) < 1 || len(key) > 1024) b.r.fail(join(path, key), 'the key must be 1 to 1,024 characters');
      else if (len(valueString) < 1 || len(valueString) > 1024) b.r.fail(join(path, key), 'must be 1 to 1,024 characters');
      else out.push({ key, valueString });
    }
    return out;
  }
  if (!Array.isArray(v)) {
    b.r.fail(path, `must be a list of {key, valueString}, not ${kind(v)}`);
    return out;
  }
  v.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const o = b.r.obj(raw, p, ['key', 'valueString']);
    if (!o) return;
    const key = b.r.str(o, 'key', p, { required: true, min: 1, max: 1024 });
    const vs = o.valueString;
    const valueString = typeof vs === 'number' || typeof vs === 'boolean' ? String(vs) : b.r.str(o, 'valueString', p, { required: true, min: 1, max: 1024 });
    if (key !== undefined && valueString !== undefined) out.push({ key, valueString });
  });
  return out;
}

/** An instance's `instances` entry and the ServiceSpec text it comes from, when the seed gives one. */
interface InstanceSpec {
  entry: Obj;
  fullSpec?: string;
}

/**
 * The instance's inputs: from its own `spec` (a whole ServiceSpec, checked by src/core's rules, or just the
 * inputs), else from its entry in the service's spec, else none.
 */
function instanceSpec(b: SeedBuild, io: Obj, path: string, name: string, env: string, serviceSpec: SeedSpec | undefined): InstanceSpec {
  const own = b.r.spec(io, 'spec', path);
  const bare = (inputs: unknown): InstanceSpec => ({ entry: { name, environment: env, spec: inputs ?? {} } });
  if (own && isObj(own.doc) && own.doc.proton !== undefined) {
    const check = checkInstanceSpec(own.doc, { instanceName: name, environmentName: env });
    for (const p of check.problems) b.r.fail([join(path, 'spec'), formatPath(p.path ?? [])].filter(Boolean).join('.'), p.message);
    const entries = own.doc.instances as Obj[];
    return check.index >= 0 ? { entry: entries[check.index], fullSpec: own.text } : bare({});
  }
  if (own) {
    if (isObj(own.doc) || own.doc === null) return bare(own.doc);
    b.r.fail(join(path, 'spec'), 'must be a ServiceSpec or a mapping of inputs');
    return bare({});
  }
  const i = serviceSpec ? instanceIndex(serviceSpec.doc, name) : -1;
  if (i >= 0) return { entry: (serviceSpec!.doc as { instances: Obj[] }).instances[i], fullSpec: serviceSpec!.text };
  return bare({});
}

function readInstance(b: SeedBuild, o: Obj, path: string, service: { name?: string; templateName?: string; template?: ServiceTemplateRecord; spec?: SeedSpec }) {
  const io = b.r.obj(o, path, ['name', 'environmentName', ...DEPLOYED, 'spec', 'outputs', 'failNextDeployment', ...DEPLOY_TIMES]);
  if (!io) return undefined;
  const name = b.r.name(io, 'name', path);
  const env = b.r.name(io, 'environmentName', path);
  const { major, minor, status, message } = deployedFields(b, io, path);
  const failNextDeployment = b.r.bool(io, 'failNextDeployment', path);
  const outputs = readOutputs(b, io.outputs, join(path, 'outputs'));
  if (env && !b.environments.has(env)) b.r.fail(join(path, 'environmentName'), `environment "${env}" is not in environments`);
  const t = service.template;
  if (t && major && !t.versions.some((v) => v.majorVersion === major)) {
    b.r.fail(join(path, 'templateMajorVersion'), `service template "${t.name}" has no major version ${major}`);
  } else if (t && major && minor && !t.versions.some((v) => v.majorVersion === major && v.minorVersion === minor)) {
    b.r.fail(join(path, 'templateMinorVersion'), `service template "${t.name}" has no version ${major}.${minor}`);
  }
  const spec = name && env ? instanceSpec(b, io, path, name, env, service.spec) : { entry: { name, environment: env, spec: {} } };
  if (!name || !env || !major || !minor || !status || !service.templateName) return { entry: spec.entry };
  const rec: InstanceRecord = {
    serviceName: service.name ?? '',
    name,
    environmentName: env,
    templateName: service.templateName,
    templateMajorVersion: major,
    templateMinorVersion: minor,
    deploymentStatus: status,
    spec: spec.fullSpec ?? '',
    ...deploymentTimes(b, io, path, status),
    outputs,
    failNextDeployment,
  };
  return { entry: spec.entry, record: withOptional(rec, { deploymentStatusMessage: message }) };
}

/** A ServiceSpec for each instance without one of its own: the service's pipeline and the instance's entry. */
function ownSpecs(b: SeedBuild, instances: { record: InstanceRecord; entry: Obj }[], pipeline: unknown): void {
  for (const { record, entry } of instances) {
    if (record.spec) continue;
    const doc: Obj = { proton: 'ServiceSpec' };
    if (pipeline !== undefined) doc.pipeline = pipeline;
    doc.instances = [entry];
    record.spec = b.r.text(doc);
  }
}

export function readServices(b: SeedBuild, list: unknown[]): void {
  const names = new Set<string>();
  list.forEach((raw, i) => {
    const path = `services[${i}]`;
    const o = b.r.obj(raw, path, ['name', 'templateName', 'description', 'status', 'statusMessage', 'spec', 'instances', ...TIMES]);
    if (!o) return;
    const name = b.r.name(o, 'name', path);
    const templateName = b.r.name(o, 'templateName', path);
    const description = b.r.str(o, 'description', path, { max: 500 });
    const status = b.r.oneOf(o, 'status', path, SERVICE_STATUSES, 'ACTIVE');
    const statusMessage = b.r.str(o, 'statusMessage', path);
    const template = templateName ? b.templates.get(templateName) : undefined;
    if (templateName && !template) b.r.fail(join(path, 'templateName'), `service template "${templateName}" is not in serviceTemplates`);
    const duplicate = name !== undefined && names.has(name);
    if (duplicate) b.r.fail(join(path, 'name'), `duplicate service "${name}"`);
    const spec = b.r.spec(o, 'spec', path);
    if (spec && !isServiceSpec(spec.doc)) b.r.fail(join(path, 'spec'), 'must be a ServiceSpec (top-level "proton: ServiceSpec")');
    const times = modifiedTimes(b, o, path);
    const service = { name, templateName, template, spec: spec && isServiceSpec(spec.doc) ? spec : undefined };
    const entries: Obj[] = [];
    const instances: { record: InstanceRecord; entry: Obj }[] = [];
    const instanceNames = new Set<string>();
    b.r.list(o, 'instances', path).forEach((rawI, j) => {
      const ip = `${path}.instances[${j}]`;
      const iname = isObj(rawI) && typeof rawI.name === 'string' ? rawI.name : undefined;
      if (iname !== undefined && instanceNames.has(iname)) b.r.fail(join(ip, 'name'), `duplicate instance "${iname}" in service "${name}"`);
      const read = readInstance(b, rawI as Obj, ip, service);
      if (!read) return;
      entries.push(read.entry);
      if (read.record) {
        instances.push({ record: read.record, entry: read.entry });
        instanceNames.add(read.record.name);
      }
    });
    ownSpecs(b, instances, service.spec ? (service.spec.doc as Obj).pipeline : undefined);
    if (!name || !templateName || !status || duplicate) return;
    names.add(name);
    const text = spec?.text ?? b.r.text({ proton: 'ServiceSpec', instances: entries });
    const svc: ServiceRecord = { name, templateName, status, spec: text, ...times };
    b.state.services.push(withOptional(svc, { description, statusMessage }));
    for (const { record } of instances) {
      b.state.instances.push(record);
      b.instances.set(instanceKey(name, record.name), record);
    }
  });
}

/** The instance a component is attached to must exist, run in its environment and have no other component. */
function checkAttachment(b: SeedBuild, path: string, env: string | undefined, serviceName: string | undefined, instName: string | undefined): void {
  if (instName && !serviceName) b.r.fail(join(path, 'serviceInstanceName'), 'needs serviceName too');
  if (serviceName && !b.state.services.some((s) => s.name === serviceName)) {
    b.r.fail(join(path, 'serviceName'), `service "${serviceName}" is not in services`);
  } else if (serviceName && instName) {
    const inst = b.instances.get(instanceKey(serviceName, instName));
    if (!inst) b.r.fail(join(path, 'serviceInstanceName'), `service "${serviceName}" has no instance "${instName}"`);
    else if (env && inst.environmentName !== env) b.r.fail(join(path, 'environmentName'), `instance "${instName}" runs in "${inst.environmentName}", not "${env}"`);
    else if (b.state.components.some((c) => c.serviceName === serviceName && c.serviceInstanceName === instName)) {
      b.r.fail(join(path, 'serviceInstanceName'), `instance "${instName}" already has a component attached`);
    }
  }
}

export function readComponents(b: SeedBuild, list: unknown[]): void {
  list.forEach((raw, i) => {
    const path = `components[${i}]`;
    const o = b.r.obj(raw, path, [
      'name', 'environmentName', 'serviceName', 'serviceInstanceName', 'deploymentStatus', 'deploymentStatusMessage', 'description',
      ...DEPLOY_TIMES, 'lastModifiedAt',
    ]);
    if (!o) return;
    const name = b.r.name(o, 'name', path);
    const env = b.r.name(o, 'environmentName', path);
    const serviceName = b.r.name(o, 'serviceName', path, false);
    const serviceInstanceName = b.r.name(o, 'serviceInstanceName', path, false);
    const status = b.r.oneOf<DeploymentStatus>(o, 'deploymentStatus', path, DEPLOYMENT_STATUSES, 'SUCCEEDED');
    const message = b.r.str(o, 'deploymentStatusMessage', path);
    const description = b.r.str(o, 'description', path, { max: 500 });
    if (env && !b.environments.has(env)) b.r.fail(join(path, 'environmentName'), `environment "${env}" is not in environments`);
    checkAttachment(b, path, env, serviceName, serviceInstanceName);
    if (!name || !env || !status) return;
    if (b.state.components.some((c) => c.name === name)) return b.r.fail(join(path, 'name'), `duplicate component "${name}"`);
    const times = modifiedTimes(b, o, path);
    const lastDeploymentAttemptedAt = b.r.time(o, 'lastDeploymentAttemptedAt', path) ?? times.createdAt + 600;
    const c: ComponentRecord = {
      name,
      environmentName: env,
      deploymentStatus: status,
      ...times,
      lastDeploymentAttemptedAt,
      lastDeploymentSucceededAt: b.r.time(o, 'lastDeploymentSucceededAt', path) ?? lastDeploymentAttemptedAt,
    };
    b.state.components.push(withOptional(c, { serviceName, serviceInstanceName, deploymentStatusMessage: message, description }));
  });
}
