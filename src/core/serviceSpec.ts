// The ServiceSpec rules (docs/emulator.md, "UpdateServiceInstance" `spec`): its structure, the `instances` entry an update uses, "${Proton::CURRENT_VAL}"
// and the inputs against the target version's schema. Works on the parsed value (`doc.toJS()`); every problem
// carries its path from the document root so that a caller holding the source can put a range on it.
import { CURRENT_VAL, isResourceName, RESOURCE_NAME_PATTERN } from './protonModel';
import { problem, type Problem } from './problems';
import { validateInputs, type TemplateSchema } from './templateSchema';

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `proton: ServiceSpec` at the top: the file is a service spec. */
export const isServiceSpec = (js: unknown): js is Record<string, unknown> => isObj(js) && js.proton === 'ServiceSpec';

/** The instance names a spec lists, in order (entries without a string name are skipped). */
export function specInstanceNames(js: unknown): string[] {
  if (!isObj(js) || !Array.isArray(js.instances)) return [];
  return js.instances.flatMap((e) => (isObj(e) && typeof e.name === 'string' ? [e.name] : []));
}

/** The index of the `instances` entry named `name`, or -1. */
export function instanceIndex(js: unknown, name: string): number {
  if (!isObj(js) || !Array.isArray(js.instances)) return -1;
  return js.instances.findIndex((e) => isObj(e) && e.name === name);
}

/** The inputs of one instance in a ServiceSpec text or value: its `instances[].spec`, or {}. */
export function instanceInputs(spec: unknown, name: string): Record<string, unknown> {
  const i = instanceIndex(spec, name);
  const entry = i >= 0 ? ((spec as Record<string, unknown[]>).instances[i] as Record<string, unknown>) : undefined;
  return entry && isObj(entry.spec) ? entry.spec : {};
}

/**
 * Structure problems of a whole ServiceSpec, independent of any target: not a ServiceSpec, `instances` not a list,
 * entries without name/environment/spec, invalid and duplicate names.
 */
export function specStructureProblems(js: unknown): Problem[] {
  if (!isObj(js) || !('proton' in js)) {
    return [problem('not-service-spec', 'A service spec needs a top-level "proton: ServiceSpec".', { path: [] })];
  }
  if (js.proton !== 'ServiceSpec') {
    return [problem('not-service-spec', `"proton" must be ServiceSpec for a service spec; got ${JSON.stringify(js.proton)}.`, { path: ['proton'] })];
  }
  const out: Problem[] = [];
  if (!('instances' in js)) {
    out.push(problem('spec-structure', 'A ServiceSpec needs an "instances" list.', { path: ['proton'], onKey: true }));
    return out;
  }
  if (!Array.isArray(js.instances)) {
    out.push(problem('spec-structure', '"instances" must be a list of service instances.', { path: ['instances'] }));
    return out;
  }
  const seen = new Map<string, number>();
  js.instances.forEach((e, i) => {
    if (!isObj(e)) {
      out.push(problem('spec-structure', `instances[${i}] must be a mapping with name, environment and spec.`, { path: ['instances', i] }));
      return;
    }
    for (const key of ['name', 'environment', 'spec'] as const) {
      if (e[key] === undefined || e[key] === null) {
        out.push(problem('spec-structure', `instances[${i}] has no "${key}".`, { path: ['instances', i], data: { missing: key } }));
      }
    }
    if (e.spec !== undefined && e.spec !== null && !isObj(e.spec)) {
      out.push(problem('spec-structure', `instances[${i}].spec must be a mapping of inputs.`, { path: ['instances', i, 'spec'] }));
    }
    if (e.environment !== undefined && e.environment !== null && (typeof e.environment !== 'string' || e.environment === '')) {
      out.push(problem('spec-structure', `instances[${i}].environment must be an environment name.`, { path: ['instances', i, 'environment'] }));
    }
    if (e.name === undefined || e.name === null) return;
    if (!isResourceName(e.name)) {
      out.push(problem(
        'name-invalid',
        `Instance name ${JSON.stringify(e.name)} is not valid: 1–100 characters matching ${RESOURCE_NAME_PATTERN}.`,
        { path: ['instances', i, 'name'] },
      ));
      return;
    }
    if (seen.has(e.name)) {
      out.push(problem('instance-duplicate', `Instance "${e.name}" is listed twice (first as instances[${seen.get(e.name)}]).`, {
        path: ['instances', i, 'name'],
      }));
    } else seen.set(e.name, i);
  });
  return out;
}

export interface InstanceSpecContext {
  instanceName: string;
  environmentName: string;
  /** The target version's parsed schema; without it the inputs are not checked. */
  schema?: TemplateSchema;
  /** The inputs deployed now, for "${Proton::CURRENT_VAL}". */
  deployedInputs?: Record<string, unknown>;
}

export interface InstanceSpecResult {
  problems: Problem[];
  /** The index of the instance's entry, or -1. */
  index: number;
  /** CURRENT_VAL inputs with the deployed values they keep. */
  resolved: Record<string, unknown>;
}

/**
 * What an UpdateServiceInstance checks of a spec for one instance: a ServiceSpec with an `instances` entry named
 * like the instance, in its environment, whose inputs (CURRENT_VAL resolved) satisfy the schema's
 * service_input_type, and a pipeline satisfying pipeline_input_type when both are present.
 */
export function checkInstanceSpec(js: unknown, ctx: InstanceSpecContext): InstanceSpecResult {
  const none = (p: Problem): InstanceSpecResult => ({ problems: [p], index: -1, resolved: {} });
  if (!isServiceSpec(js)) {
    return none(problem('not-service-spec', 'the spec must be a ServiceSpec: a mapping with "proton: ServiceSpec"', { path: [] }));
  }
  if (!Array.isArray(js.instances)) {
    return none(problem('spec-structure', '"instances" must be a list of service instances', { path: ['instances'] }));
  }
  const index = instanceIndex(js, ctx.instanceName);
  if (index < 0) {
    return none(problem('target-not-in-spec', `"instances" has no entry named "${ctx.instanceName}"`, {
      path: ['instances'],
      onKey: true,
      data: { instance: ctx.instanceName, environment: ctx.environmentName },
    }));
  }
  const entry = js.instances[index] as Record<string, unknown>;
  const base = ['instances', index];
  const problems: Problem[] = [];
  if (entry.environment !== ctx.environmentName) {
    problems.push(problem(
      'spec-structure',
      `must be "${ctx.environmentName}", the environment of instance ${ctx.instanceName}` +
        (entry.environment === undefined ? ' (it is missing)' : ` (not ${JSON.stringify(entry.environment)})`),
      { path: entry.environment === undefined ? [...base, 'environment'] : [...base, 'environment'], data: { expected: ctx.environmentName } },
    ));
  }
  let inputs: Record<string, unknown> = {};
  if (isObj(entry.spec)) inputs = { ...entry.spec };
  else if (entry.spec !== undefined && entry.spec !== null) {
    problems.push(problem('spec-structure', 'must be a mapping of inputs', { path: [...base, 'spec'] }));
  }

  // "${Proton::CURRENT_VAL}" takes the deployed value; with nothing deployed for that input it is an error.
  const resolved: Record<string, unknown> = {};
  const deployed = ctx.deployedInputs ?? {};
  for (const [k, v] of Object.entries(inputs)) {
    if (v !== CURRENT_VAL) continue;
    if (!Object.hasOwn(deployed, k) || deployed[k] === undefined || deployed[k] === CURRENT_VAL) {
      problems.push(problem('input-required', `${CURRENT_VAL} has no deployed value to keep for input "${k}"`, {
        path: [...base, 'spec', k],
      }));
    } else {
      resolved[k] = deployed[k];
      inputs[k] = deployed[k];
    }
  }

  const schema = ctx.schema;
  if (schema?.serviceInputType) {
    for (const p of validateInputs(schema, schema.serviceInputType, inputs)) {
      problems.push(problem(p.code, p.message, { path: [...base, 'spec', ...p.path], onKey: p.code === 'input-unknown' }));
    }
    if (schema.pipelineInputType && js.pipeline !== undefined) {
      for (const p of validateInputs(schema, schema.pipelineInputType, js.pipeline ?? {})) {
        problems.push(problem(p.code, p.message, { path: ['pipeline', ...p.path], onKey: p.code === 'input-unknown' }));
      }
    }
  }
  return { problems, index, resolved };
}
