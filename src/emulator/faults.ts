// Fault injection (--throttle-rate, --error-rate, --latency-ms): a share of requests is answered with
// ThrottlingException (429) or InternalServerException (500) before anything else happens, so clients'
// retry strategies can be exercised; latency delays every answer. --fault-seed makes the dice reproducible, so a
// test that needs a fault to happen can rely on it instead of on luck.
import { ProtonError } from './errors';

export interface FaultOptions {
  throttleRate: number;
  errorRate: number;
  latencyMs: number;
  /** The dice: Math.random unless a fault seed was given. */
  random?: () => number;
}

/** The injected fault for this request, if the dice say so. */
export function injectedFault(f: FaultOptions): ProtonError | undefined {
  const random = f.random ?? Math.random;
  if (f.throttleRate > 0 && random() < f.throttleRate) return new ProtonError('ThrottlingException', 'Rate exceeded (injected by the emulator\'s --throttle-rate).');
  if (f.errorRate > 0 && random() < f.errorRate) {
    return new ProtonError('InternalServerException', 'An internal error occurred (injected by the emulator\'s --error-rate).');
  }
  return undefined;
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** A small seeded generator (mulberry32): the same seed gives the same dice, in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
