// "Submit once": one confirmed submit sends the same request (same clientToken) until Proton answers it, so a
// dropped connection or a throttled retry never starts a second deployment. The SDK retries first; this loop
// covers what is left when the SDK gives up. Pure: the caller passes the send and the sleep.

export interface RetryOptions {
  /** Waits before each further attempt, e.g. [1000, 2000, 4000]: attempts = delays + 1. */
  delaysMs: readonly number[];
  isRetryable(err: unknown): boolean;
  sleep?(ms: number): Promise<void>;
  /** Called before a retry, for logs and the progress message. */
  onRetry?(attempt: number, err: unknown): void;
  /** Checked before every attempt: a cancelled submit sends nothing more. */
  cancelled?(): boolean;
}

export class SubmitAttemptsError extends Error {
  constructor(
    public override readonly cause: unknown,
    public readonly attempts: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SubmitAttemptsError';
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Calls `send` (which must reuse one request, token included) until it answers or a failure is not retryable. */
export async function sendWithRetries<T>(send: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<{ value: T; attempts: number }> {
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await send(attempt), attempts: attempt };
    } catch (err) {
      const delay = opts.delaysMs[attempt - 1];
      if (delay === undefined || !opts.isRetryable(err) || opts.cancelled?.()) throw new SubmitAttemptsError(err, attempt);
      opts.onRetry?.(attempt + 1, err);
      await sleep(delay);
      if (opts.cancelled?.()) throw new SubmitAttemptsError(err, attempt);
    }
  }
}
