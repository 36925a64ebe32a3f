// Fault injection (--throttle-rate, --error-rate, --latency-ms): a share of requests is answered with
// ThrottlingException (429) or InternalServerException (500) before anything else happens, so clients'
// retry strategies can be exercised; latency delays every answer.
import { ProtonError } from './errors';

export interface FaultOptions {
  throttleRate: number;
  errorRate: number;
  latencyMs: number;
}

/** The injected fault for this request, if the dice say so. */
export function injectedFault(f: FaultOptions, random: () => number = Math.random): ProtonError | undefined {
  if (f.throttleRate > 0 && random() < f.throttleRate) return new ProtonError('ThrottlingException', 'Rate exceeded (injected by the emulator\'s --throttle-rate).');
  if (f.errorRate > 0 && random() < f.errorRate) {
    return new ProtonError('InternalServerException', 'An internal error occurred (injected by the emulator\'s --error-rate).');
  }
  return undefined;
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
