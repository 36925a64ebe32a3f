// Holds the live state, persists it after each change (--state) and owns the timers of pending transitions,
// so that reset and close can stop them all.
import { saveState } from './persistence';
import type { EmulatorState } from './state';

export class Store {
  state: EmulatorState;
  readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly initial: () => EmulatorState,
    readonly deployMs: number,
    private readonly statePath: string | undefined,
    loaded?: EmulatorState,
  ) {
    this.state = loaded ?? initial();
    this.save();
  }

  /** Call after every change. */
  save(): void {
    if (this.statePath) saveState(this.statePath, this.state);
  }

  /** Back to the seed: timers stopped, deployments and remembered tokens forgotten. */
  reset(): void {
    this.clearTimers();
    this.state = this.initial();
    this.save();
  }

  setTimer(key: string, ms: number, fn: () => void): void {
    this.clearTimer(key);
    const t = setTimeout(() => {
      this.timers.delete(key);
      fn();
    }, Math.max(0, ms));
    // Pending transitions never keep a process alive on their own (tests, the extension host).
    t.unref();
    this.timers.set(key, t);
  }

  clearTimer(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  clearTimers(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
