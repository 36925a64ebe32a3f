// The /__emulator endpoints for tests: GET /__emulator/calls (every request so far, in order, failed ones
// included), POST /__emulator/reset (back to the seed), GET /__emulator/health.
import type { Store } from './store';

export interface CallRecord {
  operation: string;
  input: unknown;
  status: number | null;
  at: string;
}

/** The requests received since the start or the last reset. */
export class CallLog {
  private calls: CallRecord[] = [];

  /** Records a request as it arrives; its status is set when it is answered. */
  record(operation: string, input: unknown): CallRecord {
    const call: CallRecord = { operation, input, status: null, at: new Date().toISOString() };
    this.calls.push(call);
    return call;
  }

  list(): CallRecord[] {
    return this.calls;
  }

  clear(): void {
    this.calls = [];
  }
}

export const INTROSPECTION_PREFIX = '/__emulator/';

/** The answer of an /__emulator endpoint (path without the query). */
export function handleIntrospection(method: string, path: string, store: Store, log: CallLog): { status: number; body: unknown } {
  if (path === '/__emulator/calls' && method === 'GET') return { status: 200, body: log.list() };
  if (path === '/__emulator/reset' && method === 'POST') {
    store.reset();
    log.clear();
    return { status: 200, body: { reset: true } };
  }
  if (path === '/__emulator/health' && method === 'GET') return { status: 200, body: { ok: true } };
  return { status: 404, body: { message: `No such emulator endpoint: ${method} ${path}` } };
}
