// The HTTP front of the emulator: Node's own http server reads each request and hands it to the /__emulator
// endpoints (introspection.ts) or to Proton's protocol (protocol.ts), records the call, adds --latency-ms and
// writes the answer. startEmulator builds the store from the seed (or the state file) first.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import demoSeedText from '../../demo/seed.yaml';
import { resumePending } from './deployments';
import { delay, seededRandom, type FaultOptions } from './faults';
import { CallLog, handleIntrospection, INTROSPECTION_PREFIX } from './introspection';
import { loadState } from './persistence';
import { handleProtocolRequest, JSON_TYPE, type ProtocolContext } from './protocol';
import { readSeed, stateFromSeed, type SeedSource } from './seed';
import type { Credentials } from './sigv4';
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
  /** Seed for the fault dice, so that the same requests meet the same faults. Default: unseeded. */
  faultSeed?: number;
  /** Delay added to every answer. */
  latencyMs?: number;
  /** Require SigV4 signatures with this key: "AKID:SECRET" or an object. */
  credentials?: string | Credentials;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, requestId: string, contentType: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId });
  res.end(text);
}

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

function checkSeed(v: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError('faultSeed must be a whole number from 0 to 4294967295');
  return v;
}

/** The protocol's context from the options: the store (from the seed, or the state file), faults, credentials. */
function protocolContext(options: EmulatorOptions): ProtocolContext {
  const deployMs = checkMs('deployMs', options.deployMs, 3000);
  const faults: FaultOptions = {
    throttleRate: checkRate('throttleRate', options.throttleRate),
    errorRate: checkRate('errorRate', options.errorRate),
    latencyMs: checkMs('latencyMs', options.latencyMs, 0),
    random: options.faultSeed === undefined ? undefined : seededRandom(checkSeed(options.faultSeed)),
  };
  let credentials: Credentials | undefined;
  if (typeof options.credentials === 'string') {
    credentials = parseCredentials(options.credentials);
    if (!credentials) throw new RangeError('credentials must be AKID:SECRET');
  } else if (options.credentials) {
    credentials = options.credentials;
  }
  // The seed is always read and validated: reset needs it even when a state file supplies the start state.
  const seed = readSeed(options.seed ?? demoSeedText);
  if (seed.source === 'seed' && options.seed === undefined) seed.source = 'demo/seed.yaml (built in)';
  const startedAt = Date.now() / 1000;
  const initial = () => stateFromSeed(seed, startedAt);
  const seeded = initial();
  const loaded = options.statePath ? loadState(options.statePath) : undefined;
  const store = new Store(initial, deployMs, options.statePath, loaded ?? seeded);
  resumePending(store);
  return { store, faults, credentials };
}

/** Starts an emulator. Rejects with SeedError for a bad seed, StateFileError for an unusable state file. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const ctx = protocolContext(options);
  const log = new CallLog();
  const answer = async (req: IncomingMessage, res: ServerResponse, body: Buffer, tooLarge: boolean): Promise<void> => {
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    if (path.startsWith(INTROSPECTION_PREFIX)) {
      const out = handleIntrospection(method, path, ctx.store, log);
      return send(res, out.status, out.body, requestId, 'application/json');
    }
    const call = handleProtocolRequest(ctx, { method, url, headers: req.headers, body, tooLarge });
    const record = log.record(call.operation, call.input);
    const out = await call.answer;
    record.status = out.status;
    await delay(ctx.faults.latencyMs);
    send(res, out.status, out.body, requestId, JSON_TYPE);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => void answer(req, res, Buffer.concat(chunks), size > MAX_BODY));
    req.on('error', () => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        ctx.store.clearTimers();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
