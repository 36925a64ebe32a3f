// UpdateServiceInstance's spec rules as Proton answers them: src/core's checkInstanceSpec decides (structure, the
// instance's entry and environment, "${Proton::CURRENT_VAL}", the inputs against the target version's schema);
// here the spec is parsed, every problem is named in one ValidationException, and the stored spec gets the
// CURRENT_VAL inputs resolved.
import { parse as parseYaml, parseDocument } from 'yaml';
import { checkInstanceSpec, instanceInputs } from '../core/serviceSpec';
import { formatPath, tryParseTemplateSchema, type TemplateSchema } from '../core/templateSchema';
import { validation } from './errors';
import type { InstanceRecord, ServiceTemplateRecord, TemplateVersionRecord } from './state';

const schemaCache = new Map<string, TemplateSchema | undefined>();

function schemaOf(v: TemplateVersionRecord | undefined): TemplateSchema | undefined {
  if (!v?.schema) return undefined;
  if (!schemaCache.has(v.schema)) {
    const r = tryParseTemplateSchema(v.schema);
    schemaCache.set(v.schema, 'schema' in r ? r.schema : undefined);
  }
  return schemaCache.get(v.schema);
}

/** The inputs deployed for an instance: its entry in its stored ServiceSpec. */
function deployedInputs(inst: InstanceRecord): Record<string, unknown> {
  try {
    return instanceInputs(parseYaml(inst.spec), inst.name);
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
  const fail = (problems: string[]): never => {
    throw validation(`The spec is not valid for service template ${template.name} version ${target.major}.${target.minor}: ${problems.join('; ')}`);
  };

  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) fail([`the spec is not valid YAML (${doc.errors[0].message.split('\n')[0]})`]);
  const result = checkInstanceSpec(doc.toJS(), {
    instanceName: inst.name,
    environmentName: inst.environmentName,
    schema: schemaOf(target.version),
    deployedInputs: deployedInputs(inst),
  });
  // Without the instance's entry the problem is about the whole spec: no path to name.
  if (result.index < 0) fail(result.problems.map((p) => p.message));
  if (result.problems.length) fail(result.problems.map((p) => `${formatPath(p.path ?? [])}: ${p.message}`));

  if (!fromRequest || Object.keys(result.resolved).length === 0) return text;
  for (const [k, v] of Object.entries(result.resolved)) doc.setIn(['instances', result.index, 'spec', k], v);
  return doc.toString();
}
