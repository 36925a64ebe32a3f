// Starts the local Proton emulator the way a user does (`node dist/emulator.js --port 0 ...`) and hands the tests
// a real @aws-sdk/client-proton client pointed at it, plus the emulator's introspection endpoints.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  AccessDeniedException,
  ConflictException,
  GetServiceInstanceCommand,
  InternalServerException,
  paginateListServiceInstances,
  ProtonClient,
  ProtonServiceException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
  type ListServiceInstancesCommandInput,
  type ProtonClientConfig,
  type ServiceInstance,
  type ServiceInstanceSummary,
} from '@aws-sdk/client-proton';
import * as ProtonModel from '@aws-sdk/client-proton';
import { NormalizedSchema } from '@smithy/core/schema';
import type { StaticOperationSchema, StaticStructureSchema } from '@smithy/types';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  deployedVersionStatus,
  recommendedMinor as coreRecommendedMinor,
  recommendedVersion as coreRecommendedVersion,
  type VersionRef,
} from '../../../src/core/templateVersions';
import { LISTENING_LINE, spawnEmulator, startEmulatorProcess, type EmulatorExit } from '../../../src/proton/emulatorProcess';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'vscode-proton') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no vscode-proton package.json above ${start}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const EMULATOR_JS = path.join(REPO_ROOT, 'dist', 'emulator.js');
export const SEEDS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'seeds');

/** Absolute path of a seed under test/fixtures/seeds. */
export function seedPath(name: string): string {
  return path.join(SEEDS_DIR, name);
}

/** The first stdout line, exactly as the emulator's contract fixes it. */
export { LISTENING_LINE };

export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDTESTDUMMY', secretAccessKey: 'dummy-secret' };

/** One entry of GET /__emulator/calls. */
export interface CallRecord {
  operation: string;
  input: unknown;
  status: number;
  at: unknown;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type ExitResult = EmulatorExit;

export interface Emulator {
  /** `http://HOST:PORT` as printed on the first stdout line. */
  readonly url: string;
  readonly port: number;
  readonly firstLine: string;
  readonly child: ChildProcess;
  /** A ProtonClient pointed at the emulator: region us-east-1, dummy credentials unless overridden. */
  client(config?: Partial<ProtonClientConfig>): ProtonClient;
  calls(): Promise<CallRecord[]>;
  reset(): Promise<void>;
  /** A hand-made awsJson1_0 request (for what the SDK cannot send: bad JSON, unknown operations, no signature). */
  raw(target: string | undefined, body: string, headers?: Record<string, string>): Promise<RawResponse>;
  /** Shorthand for raw() with `AwsProton20200720.<operation>` and a JSON body. */
  op(operation: string, input: unknown): Promise<RawResponse>;
  /** stdout after the first line, and stderr, as captured so far. */
  output(): { stdout: string; stderr: string };
  /** Sends the signal (SIGTERM by default) and waits for the process to exit (SIGKILL after timeoutMs). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitResult>;
  readonly exited: Promise<ExitResult>;
}

/**
 * Runs the emulator with `--port 0` plus the given flags, waits for the first stdout line and returns a handle.
 * Register `after(() => emu.stop())` (or `t.after`) so that the runner exits; in a describe, prefer useEmulator().
 */
export async function startEmulator(
  flags: string[] = [],
  options: { startTimeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Emulator> {
  if (!existsSync(EMULATOR_JS)) throw new Error(`${EMULATOR_JS} is missing: run \`node esbuild.mjs --tests\` first`);
  const running = await startEmulatorProcess({
    script: EMULATOR_JS,
    args: flags,
    cwd: REPO_ROOT,
    env: options.env,
    timeoutMs: options.startTimeoutMs,
  });
  const { url } = running;
  const clients: ProtonClient[] = [];

  async function raw(target: string | undefined, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    const response = await fetch(`${url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        ...(target === undefined ? {} : { 'x-amz-target': target }),
        ...headers,
      },
      body,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  return {
    url,
    port: running.port,
    firstLine: running.firstLine,
    child: running.child,
    exited: running.exited,
    output: running.output,
    client(config: Partial<ProtonClientConfig> = {}): ProtonClient {
      const client = new ProtonClient({ endpoint: url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, ...config });
      clients.push(client);
      return client;
    },
    async calls(): Promise<CallRecord[]> {
      const response = await fetch(`${url}/__emulator/calls`);
      if (response.status !== 200) throw new Error(`GET /__emulator/calls answered ${response.status}`);
      return (await response.json()) as CallRecord[];
    },
    async reset(): Promise<void> {
      const response = await fetch(`${url}/__emulator/reset`, { method: 'POST' });
      await response.arrayBuffer();
      if (response.status < 200 || response.status > 299) throw new Error(`POST /__emulator/reset answered ${response.status}`);
    },
    raw,
    op: (operation, input) => raw(`AwsProton20200720.${operation}`, JSON.stringify(input)),
    stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitResult> {
      for (const client of clients.splice(0)) client.destroy();
      return running.stop(signal, timeoutMs);
    },
  };
}

/** An emulator for the tests of one describe: started before them, stopped after. */
export interface SuiteEmulator {
  /** The running emulator (inside tests and hooks only). */
  readonly emu: Emulator;
  /** A client of it with the default configuration. */
  readonly client: ProtonClient;
}

/**
 * Starts an emulator with these flags (a function: evaluated at start) before the describe's tests and stops it
 * after them.
 */
export function useEmulator(flags: string[] | (() => string[])): SuiteEmulator {
  let emu: Emulator | undefined;
  let client: ProtonClient | undefined;
  before(async () => {
    emu = await startEmulator(typeof flags === 'function' ? flags() : flags);
    client = emu.client();
  });
  after(() => emu?.stop());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the emulator of this describe is not running (use it inside tests)');
    return value;
  };
  return {
    get emu() {
      return started(emu);
    },
    get client() {
      return started(client);
    },
  };
}

/** Runs the emulator expecting it to exit by itself (a refused start); returns its exit and output. */
export async function runEmulatorToExit(
  flags: string[],
  timeoutMs = 10_000,
): Promise<ExitResult & { stdout: string; stderr: string; timedOut: boolean }> {
  const child = spawnEmulator({ script: EMULATOR_JS, args: flags, cwd: REPO_ROOT });
  const stdout = { text: '' };
  const stderr = { text: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout.text += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr.text += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  // 'close', not 'exit': the output may still be in the pipes when the process has exited.
  const result = await new Promise<ExitResult>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  clearTimeout(timer);
  return { ...result, stdout: stdout.text, stderr: stderr.text, timedOut };
}

/** Polls `read` until `done(value)` holds, at most timeoutMs; returns the last value read. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 5_000, intervalMs = 20, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Errors as the SDK raises them

/** What the tests check on an error the SDK raised: its class (by name) and the model's HTTP status. */
export async function expectError(
  promise: Promise<unknown>,
  name: string,
  status: number,
  ...inMessage: (string | RegExp)[]
): Promise<ProtonServiceException> {
  let error: unknown;
  try {
    const result = await promise;
    assert.fail(`expected ${name} (${status}), but the call succeeded: ${JSON.stringify(result)?.slice(0, 500)}`);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    error = e;
  }
  assert.ok(error instanceof ProtonServiceException, `expected a ProtonServiceException, got ${String(error)}`);
  const typed = MODELED_ERRORS[name];
  if (typed) assert.ok(error instanceof typed, `expected an instance of ${name}, got ${error.name}: ${error.message}`);
  assert.equal(error.name, name, `error name (message: ${error.message})`);
  assert.equal(error.$metadata.httpStatusCode, status, `HTTP status of ${name} (message: ${error.message})`);
  assert.equal(error.$fault, status >= 500 ? 'server' : 'client');
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.length > 0, 'the error has a message');
  for (const part of inMessage) {
    if (typeof part === 'string') assert.ok(error.message.includes(part), `message ${JSON.stringify(error.message)} names ${part}`);
    else assert.match(error.message, part);
  }
  return error;
}

const MODELED_ERRORS: Record<string, new (...args: never[]) => ProtonServiceException> = {
  ValidationException,
  ResourceNotFoundException,
  ConflictException,
  ThrottlingException,
  InternalServerException,
  AccessDeniedException,
  ServiceQuotaExceededException,
};

// ---------------------------------------------------------------------------------------------------------------
// The seed as the tests read it, to derive what the emulator must answer

export interface SeedVersion {
  majorVersion: string;
  minorVersion: string;
  status: string;
  schema?: string;
  description?: string;
  compatibleEnvironmentTemplates: { templateName: string; majorVersion: string }[];
}
export interface SeedTemplate {
  name: string;
  displayName?: string;
  versions: SeedVersion[];
}
export interface SeedInstance {
  serviceName: string;
  templateName: string;
  name: string;
  environmentName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
  deploymentStatus: string;
  spec?: string;
  outputs?: { key: string; valueString: string }[];
  failNextDeployment?: boolean;
  createdAt?: string;
}
export interface SeedComponent {
  name: string;
  environmentName: string;
  serviceName?: string;
  serviceInstanceName?: string;
  deploymentStatus: string;
}
export interface SeedEnvironment {
  name: string;
  templateName: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
}
export interface SeedModel {
  accountId: string;
  region: string;
  environments: SeedEnvironment[];
  serviceTemplates: SeedTemplate[];
  services: { name: string; templateName: string; spec?: string }[];
  instances: SeedInstance[];
  components: SeedComponent[];
}

const str = (v: unknown): string => String(v);

/** Reads a seed file (under test/fixtures/seeds unless absolute) into the model the tests compute with. */
export function loadSeed(file: string): SeedModel {
  const raw = parseYaml(readFileSync(path.isAbsolute(file) ? file : seedPath(file), 'utf8'));
  return seedModel(raw);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function seedModel(raw: any): SeedModel {
  return {
    accountId: str(raw.accountId),
    region: str(raw.region),
    environments: (raw.environments ?? []).map((e: SeedEnvironment) => ({
      name: e.name,
      templateName: e.templateName,
      templateMajorVersion: str(e.templateMajorVersion),
      templateMinorVersion: str(e.templateMinorVersion),
    })),
    serviceTemplates: (raw.serviceTemplates ?? []).map((t: SeedTemplate) => ({
      name: t.name,
      displayName: t.displayName,
      versions: t.versions.map((v) => ({
        ...v,
        majorVersion: str(v.majorVersion),
        minorVersion: str(v.minorVersion),
        compatibleEnvironmentTemplates: v.compatibleEnvironmentTemplates.map((c) => ({
          templateName: c.templateName,
          majorVersion: str(c.majorVersion),
        })),
      })),
    })),
    services: (raw.services ?? []).map((s: { name: string; templateName: string; spec?: string }) => ({
      name: s.name,
      templateName: s.templateName,
      spec: s.spec,
    })),
    instances: (raw.services ?? []).flatMap((s: { name: string; templateName: string; instances?: SeedInstance[] }) =>
      (s.instances ?? []).map((i) => ({
        ...i,
        serviceName: s.name,
        templateName: s.templateName,
        templateMajorVersion: str(i.templateMajorVersion),
        templateMinorVersion: str(i.templateMinorVersion),
        deploymentStatus: i.deploymentStatus ?? 'SUCCEEDED',
      })),
    ),
    components: raw.components ?? [],
  };
}

export function seedTemplate(seed: SeedModel, name: string): SeedTemplate {
  const template = seed.serviceTemplates.find((t) => t.name === name);
  assert.ok(template, `seed has service template ${name}`);
  return template;
}

/** The template's recommended version, by src/core's rule (its own tests are tables in test/unit/core). */
export function recommendedVersion(seed: SeedModel, templateName: string): VersionRef | undefined {
  return coreRecommendedVersion(seedTemplate(seed, templateName));
}

/** A major's recommended minor, by src/core's rule. */
export function recommendedMinor(seed: SeedModel, templateName: string, major: string): string | undefined {
  return coreRecommendedMinor(seedTemplate(seed, templateName), major);
}

/** UP_TO_DATE / BEHIND_MINOR / BEHIND_MAJOR against the template's recommended version, by src/core's rule. */
export function versionStatus(seed: SeedModel, instance: SeedInstance): string {
  assert.ok(recommendedVersion(seed, instance.templateName), `template ${instance.templateName} has a recommended version`);
  return deployedVersionStatus(seedTemplate(seed, instance.templateName), instance.templateMajorVersion, instance.templateMinorVersion);
}

export function seedInstance(seed: SeedModel, name: string): SeedInstance {
  const instance = seed.instances.find((i) => i.name === name);
  assert.ok(instance, `seed has instance ${name}`);
  return instance;
}

/** GetServiceInstance for a seeded instance, by its name alone. */
export async function getSeededInstance(client: ProtonClient, seed: SeedModel, name: string): Promise<ServiceInstance> {
  const out = await client.send(new GetServiceInstanceCommand({ serviceName: seedInstance(seed, name).serviceName, name }));
  assert.ok(out.serviceInstance);
  return out.serviceInstance;
}

/** The inputs of one instance in a ServiceSpec text (its `instances[name].spec`). */
export function instanceInputs(specText: string | undefined, instanceName: string): Record<string, unknown> {
  assert.ok(specText, `a spec for ${instanceName}`);
  const doc = parseYaml(specText) as { proton?: string; instances?: { name: string; spec?: Record<string, unknown> }[] };
  assert.equal(doc.proton, 'ServiceSpec');
  const entry = doc.instances?.find((i) => i.name === instanceName);
  assert.ok(entry, `the spec has an instances entry named ${instanceName}`);
  return entry.spec ?? {};
}

/** A ServiceSpec text for one instance with the given inputs. */
export function serviceSpec(instanceName: string, environment: string, inputs: Record<string, unknown>): string {
  return stringifyYaml({ proton: 'ServiceSpec', instances: [{ name: instanceName, environment, spec: inputs }] });
}

/** The default order of ListServiceInstances: serviceName, then instance name. */
export function byServiceThenName(a: { serviceName?: string; name?: string }, b: { serviceName?: string; name?: string }): number {
  return cmp(a.serviceName ?? '', b.serviceName ?? '') || cmp(a.name ?? '', b.name ?? '');
}

export function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every instance, following nextToken to the end. */
export async function listAllInstances(
  client: ProtonClient,
  input: ListServiceInstancesCommandInput = {},
): Promise<ServiceInstanceSummary[]> {
  const all: ServiceInstanceSummary[] = [];
  for await (const page of paginateListServiceInstances({ client }, input)) all.push(...(page.serviceInstances ?? []));
  return all;
}

/** A small deterministic pseudo-random sequence (LCG), so that generated seeds are the same on every run. */
export function lcg(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const BULK_STATUSES = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'IN_PROGRESS', 'DELETE_FAILED'];

/**
 * A seed with `count` instances spread (deterministically, in shuffled order) over services svc-a..., environments
 * and versions of one template "app" (1.0, 1.1, 2.0 PUBLISHED; no required inputs), with timestamps of their own.
 */
export function bulkSeedText(count: number, servicesCount = 7): string {
  const random = lcg(20261007);
  const services = Array.from({ length: servicesCount }, (_, n) => ({
    name: `svc-${String.fromCharCode(97 + n)}`,
    templateName: 'app',
    instances: [] as Record<string, unknown>[],
  }));
  const order = Array.from({ length: count }, (_, n) => n);
  for (let n = order.length - 1; n > 0; n--) {
    const k = Math.floor(random() * (n + 1));
    [order[n], order[k]] = [order[k], order[n]];
  }
  const versions = [['1', '0'], ['1', '1'], ['2', '0']];
  const environments = ['e-dev', 'e-test', 'e-prod'];
  const base = Date.parse('2025-06-01T00:00:00Z');
  for (const n of order) {
    const [major, minor] = versions[Math.floor(random() * versions.length)];
    const created = base + Math.floor(random() * 90 * 86400) * 1000;
    services[n % servicesCount].instances.push({
      name: `inst-${String(n).padStart(3, '0')}`,
      environmentName: environments[Math.floor(random() * environments.length)],
      templateMajorVersion: major,
      templateMinorVersion: minor,
      deploymentStatus: BULK_STATUSES[Math.floor(random() * BULK_STATUSES.length)],
      createdAt: new Date(created).toISOString(),
      lastDeploymentAttemptedAt: new Date(created + Math.floor(random() * 30 * 86400) * 1000).toISOString(),
    });
  }
  const schema = [
    'schema:',
    '  format:',
    '    openapi: "3.0.0"',
    '  service_input_type: "AppInput"',
    '  types:',
    '    AppInput:',
    '      type: object',
    '      properties:',
    '        image:',
    '          type: string',
    '          default: "app:latest"',
    '',
  ].join('\n');
  return stringifyYaml({
    accountId: '444455556666',
    region: 'eu-west-1',
    environmentTemplates: [{ name: 'env-t' }],
    environments: environments.map((name) => ({ name, templateName: 'env-t', templateMajorVersion: '1', templateMinorVersion: '0' })),
    serviceTemplates: [
      {
        name: 'app',
        versions: versions.map(([majorVersion, minorVersion]) => ({
          majorVersion,
          minorVersion,
          status: 'PUBLISHED',
          schema,
          compatibleEnvironmentTemplates: [{ templateName: 'env-t', majorVersion: '1' }],
        })),
      },
    ],
    // Services in shuffled order too, so that the listing order has to be made by sorting.
    services: [...services].sort(() => random() - 0.5),
    components: [],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The Smithy model as the SDK ships it, read through Smithy's NormalizedSchema, to check raw answers member by member

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** How many leading members a structure requires: the last element of the SDK's (public) static structure tuple. */
function requiredCount(schema: NormalizedSchema): number {
  const tuple = schema.getSchema() as unknown as StaticStructureSchema;
  return Array.isArray(tuple) ? (tuple[6] ?? 0) : 0;
}

function checkAgainst(schema: NormalizedSchema, value: unknown, path: string, problems: string[]): void {
  const kind = kindOf(value);
  if (schema.isListSchema()) {
    if (!Array.isArray(value)) problems.push(`${path}: a list expected${schema.getName() ? ` (${schema.getName()})` : ''}, got ${kind}`);
    else value.forEach((item, n) => checkAgainst(schema.getValueSchema(), item, `${path}[${n}]`, problems));
  } else if (schema.isMapSchema()) {
    if (kind !== 'object') problems.push(`${path}: a map expected${schema.getName() ? ` (${schema.getName()})` : ''}, got ${kind}`);
    else for (const [k, v] of Object.entries(value as object)) checkAgainst(schema.getValueSchema(), v, `${path}.${k}`, problems);
  } else if (schema.isStructSchema()) {
    const name = schema.getName() ?? 'structure';
    if (kind !== 'object') {
      problems.push(`${path}: a ${name} structure expected, got ${kind}`);
      return;
    }
    const obj = value as Record<string, unknown>;
    const members = schema.getMemberSchemas();
    for (const key of Object.keys(obj)) if (!(key in members)) problems.push(`${path}.${key}: not a member of ${name}`);
    const required = schema.isUnionSchema() ? 0 : requiredCount(schema);
    Object.keys(members).slice(0, required).forEach((m) => {
      if (obj[m] === undefined || obj[m] === null) problems.push(`${path}.${m}: required by ${name}, missing`);
    });
    if (schema.isUnionSchema() && Object.keys(obj).length !== 1) problems.push(`${path}: the union ${name} must hold exactly one member`);
    for (const [m, member] of Object.entries(members)) {
      if (obj[m] !== undefined && obj[m] !== null) checkAgainst(member, obj[m], `${path}.${m}`, problems);
    }
  } else {
    const expected = schema.isStringSchema() ? 'string' : schema.isBooleanSchema() ? 'boolean' : schema.isDocumentSchema() ? undefined : 'number';
    if (expected && typeof value !== expected) problems.push(`${path}: a ${expected} expected, got ${kind} ${JSON.stringify(value)}`);
    if (schema.isTimestampSchema() && typeof value === 'number' && !(value > 1e9 && value < 1e10)) {
      problems.push(`${path}: a timestamp in epoch seconds expected, got ${value}`);
    }
  }
}

/** What is wrong with an operation's raw JSON answer against the model's output shape (empty when nothing). */
export function modelProblems(operation: string, output: unknown): string[] {
  const op = (ProtonModel as unknown as Record<string, StaticOperationSchema | undefined>)[`${operation}$`];
  assert.ok(Array.isArray(op), `the SDK has the operation schema ${operation}$`);
  const [, , , , , outputSchema] = op;
  const problems: string[] = [];
  checkAgainst(NormalizedSchema.of(outputSchema), output, operation, problems);
  return problems;
}
