// Polls only while instances are in flight (IN_PROGRESS, CANCELLING, DELETE_IN_PROGRESS) and the view is visible:
// one filtered ListServiceInstances per tick (ProtonCache.pollInFlight), every proton.pollIntervalSeconds, and
// stops when they have settled.
import type { ProtonCache } from '../proton/cache';

export class InFlightPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** Ticks done, for tests and logs. */
  ticks = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly cache: ProtonCache,
    private readonly intervalMs: () => number,
    private readonly active: () => boolean,
    private readonly onError: (err: unknown) => void,
  ) {}

  get scheduled(): boolean {
    return this.timer !== undefined || this.running;
  }

  /** Starts polling if anything is in flight and nothing is scheduled. Cheap: call it on every change. */
  kick(): void {
    if (this.timer || this.running || !this.active()) return;
    const busy = this.cache.snapshot?.instances.some((i) => ['IN_PROGRESS', 'CANCELLING', 'DELETE_IN_PROGRESS'].includes(i.deploymentStatus));
    if (!busy || this.cache.status.loading) return;
    this.timer = setTimeout(() => void this.tick(), this.intervalMs());
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (!this.active()) return this.settle();
    this.running = true;
    let remaining = 0;
    try {
      this.ticks++;
      remaining = await this.cache.pollInFlight();
    } catch (err) {
      this.onError(err);
      remaining = 1; // try again next interval
    } finally {
      this.running = false;
    }
    if (remaining > 0) this.kick();
    if (!this.scheduled) this.settle();
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
