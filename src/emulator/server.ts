// The HTTP front of the emulator: Proton's awsJson1_0 protocol on Node's own http server, plus the
// /__emulator introspection endpoints for tests. Per request: faults → signature → protocol (target, content type,
// JSON) → input validation → operation.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import demoSeedText from '../../demo/seed.yaml';
import { resumePending } from './deployments';
import { ProtonError } from './errors';
import { delay, injectedFault, type FaultOptions } from './faults';
import { MODEL_OPERATIONS, OPERATIONS } from './operations';
import { loadState } from './persistence';
import { readSeed, stateFromSeed, type SeedSource } from './seed';
import { validateInput } from './shapes';
import { verifySigV4, type Credentials } from './sigv4';
import { Store } from './store';

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4566; 0 picks a free port. */
  port?: number;
  /** A parsed seed object, YAML text, a path to a .yaml/.yml/.json file, or `{ file }`. Default: the demo seed. */
  seed?: SeedSource;
  /** Persist the state in this file (loaded at start when present). */
  statePath?: string;
  /** How long a deployment stays IN_PROGRESS. Default 3000. */
  deployMs?: number;
  /** Share (0–1) of requests answered with ThrottlingException. */
  throttleRate?: number;
  /** Share (0–1) of requests answered with InternalServerException. */
  errorRate?: number;
  /** Delay added to every answer. */
  latencyMs?: number;
  /** Require SigV4 signatures with this key: "AKID:SECRET" or an object. */
  credentials?: string | Credentials;
}

export interface CallRecord {
  operation: string;
  input: unknown;
  status: number | null;
  at: string;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** The requests received so far (as GET /__emulator/calls). */
  calls(): CallRecord[];
  /** Restores the seed and clears the calls (as POST /__emulator/reset). */
  reset(): void;
}

const TARGET_PREFIX = 'AwsProton20200720.';
const JSON_TYPE = 'application/x-amz-json-1.0';
const MAX_BODY = 5 * 1024 * 1024;

export function parseCredentials(text: string): Credentials | undefined {
  const i = text.indexOf(':');
  if (i <= 0 || i === text.length - 1) return undefined;
  return { accessKeyId: text.slice(0, i), secretAccessKey: text.slice(i + 1) };
}

function checkRate(name: string, v: number | undefined): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new RangeError(`${name} must be a number from 0 to 1`);
  return v;
}

function checkMs(name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number of milliseconds ≥ 0`);
  return v;
}

/** Starts an emulator. Rejects with SeedError for a bad seed, StateFileError for an unusable state file. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const deployMs = checkMs('deployMs', options.deployMs, 3000);
  const faults: FaultOptions = {
    throttleRate: checkRate('throttleRate', options.throttleRate),
    errorRate: checkRate('errorRate', options.errorRate),
    latencyMs: checkMs('latencyMs', options.latencyMs, 0),
  };
  let creds: Credentials | undefined;
  if (typeof options.credentials === 'string') {
    creds = parseCredentials(options.credentials);
    if (!creds) throw new RangeError('credentials must be AKID:SECRET');
  } else if (options.credentials) {
    creds = options.credentials;
  }

  // The seed is always read and validated: reset needs it even when a state file supplies the start state.
  const seed = readSeed(options.seed ?? demoSeedText);
  if (seed.source === 'seed' && options.seed === undefined) seed.source = 'demo/seed.yaml (built in)';
  const startedAt = Date.now() / 1000;
  const initial = () => stateFromSeed(seed, startedAt);
  initial();
  const loaded = options.statePath ? loadState(options.statePath) : undefined;
  const store = new Store(initial, deployMs, options.statePath, loaded);
  resumePending(store);

  let calls: CallRecord[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks), size > MAX_BODY);
    });
    req.on('error', () => res.destroy());
  });

  function send(res: ServerResponse, status: number, body: unknown, requestId: string, contentType = JSON_TYPE): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(text),
      'x-amzn-RequestId': requestId,
    });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer, tooLarge: boolean): Promise<void> {
    const requestId = randomUUID();
    const path = (req.url ?? '/').split('?')[0];

    if (path.startsWith('/__emulator/')) {
      if (path === '/__emulator/calls' && req.method === 'GET') return send(res, 200, calls, requestId, 'application/json');
      if (path === '/__emulator/reset' && req.method === 'POST') {
        store.reset();
        calls = [];
        return send(res, 200, { reset: true }, requestId, 'application/json');
      }
      if (path === '/__emulator/health' && req.method === 'GET') return send(res, 200, { ok: true }, requestId, 'application/json');
      return send(res, 404, { message: `No such emulator endpoint: ${req.method} ${path}` }, requestId, 'application/json');
    }

    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    let input: unknown = null;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      input = body.toString('utf8');
    }
    const call: CallRecord = { operation, input, status: null, at: new Date().toISOString() };
    calls.push(call);

    let status = 200;
    let out: unknown;
    try {
      out = dispatch(req, body, tooLarge, target, operation);
    } catch (e) {
      const err =
        e instanceof ProtonError
          ? e
          : new ProtonError('InternalServerException', `The emulator failed: ${(e as Error)?.message ?? String(e)}`);
      if (!(e instanceof ProtonError)) console.error(e);
      status = err.status;
      out = err.body();
    }
    call.status = status;
    await delay(faults.latencyMs);
    send(res, status, out, requestId);
  }

  function dispatch(req: IncomingMessage, body: Buffer, tooLarge: boolean, target: string, operation: string): unknown {
    const fault = injectedFault(faults);
    if (fault) throw fault;
    if (creds) verifySigV4(creds, { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }, body);
    if (req.method !== 'POST' || (req.url ?? '/').split('?')[0] !== '/') {
      throw new ProtonError('UnknownOperationException', `Proton answers POST / only; got ${req.method} ${req.url}.`);
    }
    if (!target.startsWith(TARGET_PREFIX) || operation === '') {
      throw new ProtonError('UnknownOperationException', `The x-amz-target header must be ${TARGET_PREFIX}<Operation>; got "${target}".`);
    }
    const handler = OPERATIONS[operation];
    if (!handler) {
      throw new ProtonError(
        'UnknownOperationException',
        MODEL_OPERATIONS.has(operation)
          ? `The Proton emulator does not support the operation ${operation}.`
          : `Unknown operation ${operation}.`,
      );
    }
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== JSON_TYPE) {
      throw new ProtonError('SerializationException', `The content type must be ${JSON_TYPE}; got "${contentType}".`);
    }
    if (tooLarge) throw new ProtonError('SerializationException', 'The request body is too large.');
    let parsed: unknown;
    try {
      parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (e) {
      throw new ProtonError('SerializationException', `The request body is not valid JSON: ${(e as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ProtonError('SerializationException', 'The request body must be a JSON object.');
    }
    const input = validateInput(operation, parsed);
    return handler(store, input);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    port,
    calls: () => calls.map((c) => ({ ...c })),
    reset: () => {
      store.reset();
      calls = [];
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        store.clearTimers();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
