// Polls only while instances are in flight (IN_PROGRESS, CANCELLING, DELETE_IN_PROGRESS) and the view is visible:
// one filtered ListServiceInstances per tick (ProtonCache.pollInFlight), every proton.pollIntervalSeconds, and
// stops when they have settled. When Proton cannot be reached (a poll fails, or the last load failed with a
// network, throttling or server error), the view reloads on the same timer with a growing delay, so the error row
// goes away by itself once Proton answers again. Credential and permission errors are not retried: they need the
// person to act.
import type { ProtonErrorName } from '../proton/api';
import type { ProtonCache } from '../proton/cache';

/** Errors that pass by themselves: the load is retried for these. */
const TRANSIENT: readonly ProtonErrorName[] = ['NetworkError', 'ThrottlingException', 'InternalServerException'];
/** The longest wait between two recovery attempts. */
const MAX_RECOVERY_DELAY_MS = 60_000;

export class InFlightPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** Ticks done, for tests and logs. */
  ticks = 0;
  private idleWaiters: (() => void)[] = [];
  /** Failed attempts in a row, for the growing delay. */
  private failures = 0;

  constructor(
    private readonly cache: ProtonCache,
    private readonly intervalMs: () => number,
    private readonly active: () => boolean,
    private readonly onError: (err: unknown) => void,
  ) {}

  get scheduled(): boolean {
    return this.timer !== undefined || this.running;
  }

  /** True when the last load failed in a way that passes by itself. */
  private get recovering(): boolean {
    const error = this.cache.status.error;
    return !!error && TRANSIENT.includes(error.errorName);
  }

  /** Starts polling if anything is in flight (or the load should be retried) and nothing is scheduled. Cheap: call it on every change. */
  kick(): void {
    if (this.timer || this.running || !this.active() || this.cache.status.loading) return;
    // Credentials or permissions refused: polling would only repeat the refusal. A successful load (the person's
    // refresh or a new connection) starts it again.
    if (this.cache.status.error && !this.recovering) return;
    const busy = this.cache.snapshot?.instances.some((i) => ['IN_PROGRESS', 'CANCELLING', 'DELETE_IN_PROGRESS'].includes(i.deploymentStatus));
    if (!busy && !this.recovering) {
      this.failures = 0;
      return;
    }
    const delay = Math.min(this.intervalMs() * 2 ** this.failures, Math.max(MAX_RECOVERY_DELAY_MS, this.intervalMs()));
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (!this.active()) return this.settle();
    this.running = true;
    try {
      this.ticks++;
      if (this.recovering) await this.reload();
      else await this.cache.pollInFlight();
      this.failures = 0;
    } catch (err) {
      this.onError(err);
      this.failures++;
      // A failed poll: reload, so that the view shows the error row (and this timer retries it).
      if (!this.recovering) await this.reload().catch(() => undefined);
    } finally {
      this.running = false;
    }
    this.kick();
    if (!this.scheduled) this.settle();
  }

  /** A full reload; throws when it fails (the cache keeps the error for the view). */
  private async reload(): Promise<void> {
    await this.cache.load(true);
  }

  /** Resolves when no poll is scheduled or running. */
  idle(): Promise<void> {
    return this.scheduled ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  private settle(): void {
    for (const w of this.idleWaiters.splice(0)) w();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) this.settle();
  }
}
