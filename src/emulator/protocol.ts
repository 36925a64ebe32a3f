// Proton's awsJson1_0 protocol, without a socket: one request in (method, URL, headers, body), one answer out.
// Per request: faults → signature → protocol (POST /, target, operation, content type, JSON) → input validation →
// operation. The body is parsed once; the call log gets what was parsed (or the raw text when it is not JSON).
import type { IncomingHttpHeaders } from 'node:http';
import { ProtonError } from './errors';
import { injectedFault, type FaultOptions } from './faults';
import { MODEL_OPERATIONS, OPERATIONS } from './operations';
import { validateInput } from './shapes';
import { verifySigV4, type Credentials } from './sigv4';
import type { Store } from './store';

export const TARGET_PREFIX = 'AwsProton20200720.';
export const JSON_TYPE = 'application/x-amz-json-1.0';

export interface ProtocolRequest {
  method: string;
  /** The request target: path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body was over the size limit (and `body` holds only its start). */
  tooLarge?: boolean;
}

export interface ProtocolCall {
  /** The operation named by x-amz-target (as sent, when it lacks the prefix). */
  operation: string;
  /** The parsed body, or its text when it is not JSON. */
  input: unknown;
  /** Proton's answer: the output shape, or an error's status and body. */
  answer: Promise<{ status: number; body: unknown }>;
}

export interface ProtocolContext {
  store: Store;
  faults: FaultOptions;
  /** Required signatures, with `--credentials`. */
  credentials?: Credentials;
}

type Parsed = { value: unknown; error?: undefined } | { error: string; value?: undefined };

function parseBody(body: Buffer): Parsed {
  if (body.length === 0) return { value: {} };
  try {
    return { value: JSON.parse(body.toString('utf8')) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Takes one protocol request: what it asks for (known at once, for the call log) and Proton's answer; every failure
 * becomes Proton's error answer.
 */
export function handleProtocolRequest(ctx: ProtocolContext, req: ProtocolRequest): ProtocolCall {
  const target = String(req.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
  const parsed = parseBody(req.body);
  const input = parsed.error === undefined ? parsed.value : req.body.toString('utf8');
  const answer = dispatch(ctx, req, target, operation, parsed).then(
    (body) => ({ status: 200, body }),
    (e: unknown) => {
      if (!(e instanceof ProtonError)) console.error(e);
      const err = e instanceof ProtonError ? e : new ProtonError('InternalServerException', `The emulator failed: ${(e as Error)?.message ?? String(e)}`);
      return { status: err.status, body: err.body() };
    },
  );
  return { operation, input, answer };
}

async function dispatch(ctx: ProtocolContext, req: ProtocolRequest, target: string, operation: string, parsed: Parsed): Promise<unknown> {
  const fault = injectedFault(ctx.faults);
  if (fault) throw fault;
  if (ctx.credentials) await verifySigV4(ctx.credentials, req, req.body);
  if (req.method !== 'POST' || req.url.split('?')[0] !== '/') {
    throw new ProtonError('UnknownOperationException', `Proton answers POST / only; got ${req.method} ${req.url}.`);
  }
  if (!target.startsWith(TARGET_PREFIX) || operation === '') {
    throw new ProtonError('UnknownOperationException', `The x-amz-target header must be ${TARGET_PREFIX}<Operation>; got "${target}".`);
  }
  const handler = OPERATIONS[operation];
  if (!handler) {
    throw new ProtonError(
      'UnknownOperationException',
      MODEL_OPERATIONS.has(operation) ? `The Proton emulator does not support the operation ${operation}.` : `Unknown operation ${operation}.`,
    );
  }
  const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== JSON_TYPE) {
    throw new ProtonError('SerializationException', `The content type must be ${JSON_TYPE}; got "${contentType}".`);
  }
  if (req.tooLarge) throw new ProtonError('SerializationException', 'The request body is too large.');
  if (parsed.error !== undefined) throw new ProtonError('SerializationException', `The request body is not valid JSON: ${parsed.error}`);
  const body = parsed.value;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProtonError('SerializationException', 'The request body must be a JSON object.');
  }
  return handler(ctx.store, validateInput(operation, body));
}
