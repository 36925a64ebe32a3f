// UpdateServiceInstance's spec rules (design §3): the spec is a ServiceSpec whose `instances` entry for this
// instance (in the instance's environment) satisfies the target version's service_input_type; "${Proton::CURRENT_VAL}"
// keeps the deployed value. Every problem is named in one ValidationException. The schema check itself is the
// shared generic validator; the Proton rules around it are the emulator's own.
import { parse as parseYaml, parseDocument } from 'yaml';
import { formatPath, tryParseTemplateSchema, validateInputs, type TemplateSchema } from '../core/templateSchema';
import { validation } from './errors';
import type { InstanceRecord, ServiceTemplateRecord, TemplateVersionRecord } from './state';

export const CURRENT_VAL = '${Proton::CURRENT_VAL}';

const schemaCache = new Map<string, TemplateSchema | undefined>();

function schemaOf(v: TemplateVersionRecord | undefined): TemplateSchema | undefined {
  if (!v?.schema) return undefined;
  if (!schemaCache.has(v.schema)) {
    const r = tryParseTemplateSchema(v.schema);
    schemaCache.set(v.schema, 'schema' in r ? r.schema : undefined);
  }
  return schemaCache.get(v.schema);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The inputs deployed for an instance: its entry in its stored ServiceSpec. */
function deployedInputs(inst: InstanceRecord): Record<string, unknown> {
  try {
    const doc = parseYaml(inst.spec) as unknown;
    const list = isObj(doc) && Array.isArray(doc.instances) ? doc.instances : [];
    const entry = list.find((e: unknown) => isObj(e) && e.name === inst.name) as Record<string, unknown> | undefined;
    return entry && isObj(entry.spec) ? entry.spec : {};
  } catch {
    return {};
  }
}

/**
 * Checks a spec for an update to `target` and returns the spec text to store (with CURRENT_VAL resolved).
 * Without `specText` the deployed spec is checked against the target version and stored unchanged.
 */
export function checkSpec(
  inst: InstanceRecord,
  template: ServiceTemplateRecord,
  target: { major: string; minor: string; version: TemplateVersionRecord | undefined },
  specText: string | undefined,
): string {
  const fromRequest = specText !== undefined;
  const text = specText ?? inst.spec;
  const label = `service template ${template.name} version ${target.major}.${target.minor}`;
  const fail = (problems: string[]): never => {
    throw validation(`The spec is not valid for ${label}: ${problems.join('; ')}`);
  };

  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) fail([`the spec is not valid YAML (${doc.errors[0].message.split('\n')[0]})`]);
  const js = doc.toJS() as unknown;
  if (!isObj(js) || js.proton !== 'ServiceSpec') fail(['the spec must be a ServiceSpec: a mapping with "proton: ServiceSpec"']);
  const spec = js as Record<string, unknown>;
  if (!Array.isArray(spec.instances)) fail(['"instances" must be a list of service instances']);
  const list = spec.instances as unknown[];
  const idx = list.findIndex((e) => isObj(e) && e.name === inst.name);
  if (idx < 0) fail([`"instances" has no entry named "${inst.name}"`]);
  const entry = list[idx] as Record<string, unknown>;

  const problems: string[] = [];
  const at = (p: (string | number)[]) => formatPath(p);
  if (entry.environment !== inst.environmentName) {
    problems.push(
      `${at(['instances', idx, 'environment'])}: must be "${inst.environmentName}", the environment of instance ${inst.name}` +
        (entry.environment === undefined ? ' (it is missing)' : ` (not ${JSON.stringify(entry.environment)})`),
    );
  }
  let inputs: Record<string, unknown> = {};
  if (isObj(entry.spec)) inputs = { ...entry.spec };
  else if (entry.spec !== undefined && entry.spec !== null) problems.push(`${at(['instances', idx, 'spec'])}: must be a mapping of inputs`);

  // "${Proton::CURRENT_VAL}" takes the deployed value; with nothing deployed for that input it is an error.
  const resolved: Record<string, unknown> = {};
  const deployed = deployedInputs(inst);
  for (const [k, v] of Object.entries(inputs)) {
    if (v !== CURRENT_VAL) continue;
    if (deployed[k] === undefined || deployed[k] === CURRENT_VAL) {
      problems.push(`${at(['instances', idx, 'spec', k])}: ${CURRENT_VAL} has no deployed value to keep for input "${k}"`);
    } else {
      resolved[k] = deployed[k];
      inputs[k] = deployed[k];
    }
  }

  const schema = schemaOf(target.version);
  if (schema && schema.serviceInputType) {
    for (const p of validateInputs(schema, schema.serviceInputType, inputs)) {
      problems.push(`${at(['instances', idx, 'spec', ...p.path])}: ${p.message}`);
    }
    if (schema.pipelineInputType && spec.pipeline !== undefined) {
      for (const p of validateInputs(schema, schema.pipelineInputType, spec.pipeline ?? {})) {
        problems.push(`${at(['pipeline', ...p.path])}: ${p.message}`);
      }
    }
  }
  if (problems.length) fail(problems);

  if (!fromRequest || Object.keys(resolved).length === 0) return text;
  for (const [k, v] of Object.entries(resolved)) doc.setIn(['instances', idx, 'spec', k], v);
  return doc.toString();
}
