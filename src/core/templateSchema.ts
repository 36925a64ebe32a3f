// A validator for the OpenAPI 3.0 subset that Proton template schemas use (schema/schema.yaml).
// Generic and pure: the emulator uses it for UpdateServiceInstance, the extension's checker for diagnostics,
// so it knows nothing about Proton's version or spec rules — only "do these values satisfy this type?".
import { parse as parseYaml } from './yamlLibrary';

export type InputProblemCode =
  | 'input-required'
  | 'input-unknown'
  | 'input-type'
  | 'input-enum'
  | 'input-pattern'
  | 'input-range'
  | 'input-length';

/** One problem; `path` is relative to the validated value (keys and list indexes). */
export interface SchemaProblem {
  code: InputProblemCode;
  path: (string | number)[];
  message: string;
}

/** A Schema Object as far as Proton uses it. Unknown keywords (title, description, ...) are ignored. */
export interface SchemaNode {
  type?: string;
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  title?: string;
  [keyword: string]: unknown;
}

export interface TemplateSchema {
  /** `service_input_type` (service templates). Empty string for environment templates. */
  serviceInputType: string;
  pipelineInputType?: string;
  /** `environment_input_type` (environment templates). */
  environmentInputType?: string;
  types: Record<string, SchemaNode>;
}

export class TemplateSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateSchemaError';
  }
}

const KNOWN_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses a template's schema.yaml text. Throws TemplateSchemaError naming what is wrong: the top-level
 * `schema` mapping, its `types`, an input type that `types` does not define, a `$ref` to nowhere, an unknown
 * `type`, a `pattern` that is not an ECMAScript regex.
 */
export function parseTemplateSchema(text: string): TemplateSchema {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new TemplateSchemaError(`schema is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isPlainObject(doc) || !isPlainObject(doc.schema)) {
    throw new TemplateSchemaError('schema must be a mapping with a top-level "schema" key');
  }
  const s = doc.schema;
  if (!isPlainObject(s.types)) throw new TemplateSchemaError('schema.types must be a mapping of type names');
  const types = s.types as Record<string, SchemaNode>;
  const pick = (key: string): string | undefined => {
    const v = s[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v === '') throw new TemplateSchemaError(`schema.${key} must be a type name`);
    if (!isPlainObject(types[v])) throw new TemplateSchemaError(`schema.${key} "${v}" is not defined in schema.types`);
    return v;
  };
  const serviceInputType = pick('service_input_type');
  const pipelineInputType = pick('pipeline_input_type');
  const environmentInputType = pick('environment_input_type');
  if (!serviceInputType && !environmentInputType) {
    throw new TemplateSchemaError('schema needs service_input_type (or environment_input_type)');
  }
  for (const [name, node] of Object.entries(types)) checkNode(node, `schema.types.${name}`, types);
  const out: TemplateSchema = { serviceInputType: serviceInputType ?? '', types };
  if (pipelineInputType) out.pipelineInputType = pipelineInputType;
  if (environmentInputType) out.environmentInputType = environmentInputType;
  return out;
}

/** Like parseTemplateSchema, without throwing. */
export function tryParseTemplateSchema(text: string): { schema: TemplateSchema } | { error: string } {
  try {
    return { schema: parseTemplateSchema(text) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function checkNode(node: unknown, where: string, types: Record<string, SchemaNode>, depth = 0): void {
  if (depth > 64) throw new TemplateSchemaError(`${where}: nested too deeply`);
  if (!isPlainObject(node)) throw new TemplateSchemaError(`${where} must be a mapping`);
  if (node.$ref !== undefined) {
    if (typeof node.$ref !== 'string' || !types[refName(node.$ref)]) {
      throw new TemplateSchemaError(`${where}.$ref ${JSON.stringify(node.$ref)} does not name a type in schema.types`);
    }
    return;
  }
  if (node.type !== undefined && (typeof node.type !== 'string' || !KNOWN_TYPES.has(node.type))) {
    throw new TemplateSchemaError(`${where}.type ${JSON.stringify(node.type)} is not one of ${[...KNOWN_TYPES].join(', ')}`);
  }
  if (node.pattern !== undefined) {
    if (typeof node.pattern !== 'string') throw new TemplateSchemaError(`${where}.pattern must be a string`);
    try {
      compilePattern(node.pattern);
    } catch (e) {
      throw new TemplateSchemaError(`${where}.pattern is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  if (node.enum !== undefined && !Array.isArray(node.enum)) throw new TemplateSchemaError(`${where}.enum must be a list`);
  if (node.required !== undefined && !(Array.isArray(node.required) && node.required.every((r) => typeof r === 'string'))) {
    throw new TemplateSchemaError(`${where}.required must be a list of property names`);
  }
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    if (node[k] !== undefined && typeof node[k] !== 'number') throw new TemplateSchemaError(`${where}.${k} must be a number`);
  }
  if (node.properties !== undefined) {
    if (!isPlainObject(node.properties)) throw new TemplateSchemaError(`${where}.properties must be a mapping`);
    for (const [p, child] of Object.entries(node.properties)) checkNode(child, `${where}.properties.${p}`, types, depth + 1);
  }
  if (node.items !== undefined) checkNode(node.items, `${where}.items`, types, depth + 1);
}

/**
 * An unanchored ECMAScript regex, as JSON Schema's `pattern`. Unicode mode first (code points, like lengths);
 * schema authors often write identity escapes such as `\_` that only non-Unicode mode accepts, so fall back to it.
 */
function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new RegExp(pattern);
  }
}

/** `#/TypeName` (Proton's form); `#/types/TypeName` is accepted too. */
function refName(ref: string): string {
  return ref.replace(/^#\/(types\/)?/, '');
}

function resolve(node: SchemaNode, types: Record<string, SchemaNode>): SchemaNode | undefined {
  let n: SchemaNode | undefined = node;
  for (let hops = 0; n && n.$ref !== undefined; hops++) {
    if (hops > 32) return undefined; // a $ref cycle
    const name = refName(String(n.$ref));
    n = Object.hasOwn(types, name) ? types[name] : undefined;
  }
  return n;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'infinity' : 'minus infinity';
    return Number.isInteger(v) ? 'an integer' : 'a number';
  }
  return `a ${typeof v}`;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s !== undefined && s.length > 60 ? `${s.slice(0, 57)}...` : String(s);
}

/** Renders a problem path the way people read YAML: `spec.ports[0].name`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isPlainObject(v);
    default:
      return true;
  }
}

/**
 * Validates `values` against the type `typeName` of `schema`. A required property that is missing counts as
 * supplied when the schema gives it a default (Proton injects defaults). Returns every problem found.
 */
export function validateInputs(schema: TemplateSchema, typeName: string, values: unknown): SchemaProblem[] {
  const root = schema.types[typeName];
  if (!root) return [{ code: 'input-type', path: [], message: `the schema does not define the type "${typeName}"` }];
  const problems: SchemaProblem[] = [];
  validateNode(root, values, [], schema.types, problems, typeName);
  return problems;
}

/**
 * The values with the defaults of missing properties filled in, at the top level and in nested objects that are
 * present (a missing nested object is filled only when the schema gives it a default).
 */
export function withDefaults(schema: TemplateSchema, typeName: string, values: Record<string, unknown>): Record<string, unknown> {
  const node = schema.types[typeName];
  return node ? (fillDefaults(node, values, schema.types) as Record<string, unknown>) : { ...values };
}

function fillDefaults(rawNode: SchemaNode, value: unknown, types: Record<string, SchemaNode>): unknown {
  const node = resolve(rawNode, types);
  if (!node?.properties || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [k, p] of Object.entries(node.properties as Record<string, SchemaNode>)) {
    const r = resolve(p, types);
    if (out[k] === undefined && r?.default !== undefined) out[k] = r.default;
    else if (out[k] !== undefined) out[k] = fillDefaults(p, out[k], types);
  }
  return out;
}

/** Where a value is, for messages: its path, or the type's inputs at the top. */
interface Place {
  path: (string | number)[];
  where: string;
  problems: SchemaProblem[];
}

function checkString(node: SchemaNode, v: string, at: Place): void {
  const { path, where, problems } = at;
  if (typeof node.pattern === 'string') {
    let re: RegExp | undefined;
    try {
      re = compilePattern(node.pattern);
    } catch {
      re = undefined;
    }
    if (re && !re.test(v)) problems.push({ code: 'input-pattern', path, message: `${where} ${show(v)} does not match the pattern ${node.pattern}` });
  }
  const len = [...v].length; // JSON Schema counts code points
  if (typeof node.minLength === 'number' && len < node.minLength) {
    problems.push({ code: 'input-length', path, message: `${where} is ${len} characters long; minLength is ${node.minLength}` });
  }
  if (typeof node.maxLength === 'number' && len > node.maxLength) {
    problems.push({ code: 'input-length', path, message: `${where} is ${len} characters long; maxLength is ${node.maxLength}` });
  }
}

function checkNumber(node: SchemaNode, v: number, at: Place): void {
  const { path, where, problems } = at;
  const exMin = node.exclusiveMinimum;
  const exMax = node.exclusiveMaximum;
  if (typeof node.minimum === 'number' && (exMin === true ? v <= node.minimum : v < node.minimum)) {
    problems.push({ code: 'input-range', path, message: `${where} is ${v}; the ${exMin === true ? 'exclusive ' : ''}minimum is ${node.minimum}` });
  }
  if (typeof node.maximum === 'number' && (exMax === true ? v >= node.maximum : v > node.maximum)) {
    problems.push({ code: 'input-range', path, message: `${where} is ${v}; the ${exMax === true ? 'exclusive ' : ''}maximum is ${node.maximum}` });
  }
  if (typeof exMin === 'number' && v <= exMin) problems.push({ code: 'input-range', path, message: `${where} is ${v}; it must be greater than ${exMin}` });
  if (typeof exMax === 'number' && v >= exMax) problems.push({ code: 'input-range', path, message: `${where} is ${v}; it must be less than ${exMax}` });
}

function checkArray(node: SchemaNode, v: unknown[], at: Place, types: Record<string, SchemaNode>): void {
  const { path, where, problems } = at;
  if (typeof node.minItems === 'number' && v.length < node.minItems) {
    problems.push({ code: 'input-length', path, message: `${where} has ${v.length} items; minItems is ${node.minItems}` });
  }
  if (typeof node.maxItems === 'number' && v.length > node.maxItems) {
    problems.push({ code: 'input-length', path, message: `${where} has ${v.length} items; maxItems is ${node.maxItems}` });
  }
  if (node.items) v.forEach((item, i) => validateNode(node.items as SchemaNode, item, [...path, i], types, problems, undefined));
}

function checkObject(node: SchemaNode, v: Record<string, unknown>, at: Place, types: Record<string, SchemaNode>, typeLabel: string | undefined): void {
  const { path, problems } = at;
  const props = isPlainObject(node.properties) ? (node.properties as Record<string, SchemaNode>) : {};
  const required = Array.isArray(node.required) ? node.required : [];
  for (const name of required) {
    if (v[name] !== undefined) continue;
    const p = Object.hasOwn(props, name) ? resolve(props[name], types) : undefined;
    if (p && p.default !== undefined) continue;
    problems.push({ code: 'input-required', path: [...path, name], message: `the required input "${formatPath([...path, name])}" is missing` });
  }
  for (const [key, value] of Object.entries(v)) {
    // Own properties only: an input named "constructor" or "toString" is unknown, not Object.prototype's.
    const p = Object.hasOwn(props, key) ? props[key] : undefined;
    if (!p) {
      const known = Object.keys(props);
      problems.push({
        code: 'input-unknown',
        path: [...path, key],
        message: `"${formatPath([...path, key])}" is not an input of ${typeLabel && !path.length ? typeLabel : 'this type'}${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      });
      continue;
    }
    if (value === undefined) continue;
    validateNode(p, value, [...path, key], types, problems, undefined);
  }
}

function validateNode(
  rawNode: SchemaNode,
  v: unknown,
  path: (string | number)[],
  types: Record<string, SchemaNode>,
  problems: SchemaProblem[],
  typeLabel: string | undefined,
): void {
  const node = resolve(rawNode, types);
  if (!node) return; // unresolvable $ref: parseTemplateSchema reports it
  const where = path.length ? `"${formatPath(path)}"` : typeLabel ? `the ${typeLabel} inputs` : 'the value';
  const at: Place = { path, where, problems };
  // An object type is implied by `properties`, so that schemas omitting `type: object` still validate.
  const type = node.type ?? (node.properties ? 'object' : undefined);
  if (type && !typeMatches(type, v)) {
    const expected = type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : type === 'integer' ? 'an integer' : `a ${type}`;
    problems.push({ code: 'input-type', path, message: `${where} must be ${expected}, not ${describe(v)}` });
    return;
  }
  if (Array.isArray(node.enum) && !node.enum.some((e) => e === v || (typeof e === 'object' && JSON.stringify(e) === JSON.stringify(v)))) {
    problems.push({ code: 'input-enum', path, message: `${where} must be one of ${node.enum.map((e) => show(e)).join(', ')}; got ${show(v)}` });
  }
  if (typeof v === 'string') checkString(node, v, at);
  if (typeof v === 'number') checkNumber(node, v, at);
  if (Array.isArray(v)) checkArray(node, v, at, types);
  if (isPlainObject(v) && (type === 'object' || node.properties)) checkObject(node, v, at, types, typeLabel);
}

/** A schema node with its `$ref`s followed (undefined for a dangling or cyclic `$ref`). */
export function resolveSchemaNode(node: SchemaNode, types: Record<string, SchemaNode>): SchemaNode | undefined {
  return resolve(node, types);
}

/**
 * The schema node (refs followed) that describes the value at `path` under the type `typeName`: property names
 * step into `properties`, list indexes into `items`. For completion, hover and quick fixes.
 */
export function schemaNodeAt(schema: TemplateSchema, typeName: string, path: readonly (string | number)[]): SchemaNode | undefined {
  let node = schema.types[typeName] ? resolve(schema.types[typeName], schema.types) : undefined;
  for (const step of path) {
    if (!node) return undefined;
    const props = isPlainObject(node.properties) ? (node.properties as Record<string, SchemaNode>) : {};
    const next: SchemaNode | undefined =
      typeof step === 'number' ? node.items : Object.hasOwn(props, step) ? props[step] : undefined;
    node = next ? resolve(next, schema.types) : undefined;
  }
  return node;
}
