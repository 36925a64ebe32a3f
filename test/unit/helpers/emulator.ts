// Starts the local Proton emulator the way a user does (`node dist/emulator.js --port 0 ...`) and hands the tests
// a real @aws-sdk/client-proton client pointed at it, plus the emulator's introspection endpoints.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ProtonClient,
  ProtonServiceException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
  type ProtonClientConfig,
} from '@aws-sdk/client-proton';
import { LISTENING_LINE, spawnEmulator, startEmulatorProcess, type EmulatorExit } from '../../../src/proton/emulatorProcess';
import { EMULATOR_JS, REPO_ROOT } from './paths';

// One import for the tests: the paths, the seed model and the model check live in files of their own.
export * from './paths';
export * from './seeds';
export * from './smithyModel';


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
