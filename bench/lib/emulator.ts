// Starts the built local Proton emulator (dist/emulator.js) as a child process for a benchmark, and stops it.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess } from '../../src/proton/emulatorProcess';

/** The repository root: this file runs from out/bench/ (bundled into each benchmark). */
export const ROOT = join(__dirname, '..', '..');
export const EMULATOR_JS = join(ROOT, 'dist', 'emulator.js');

export interface RunningEmulator {
  /** `http://HOST:PORT`, from the emulator's first stdout line. */
  url: string;
  /** Milliseconds from spawn to the "listening" line (process start + seed load + bind). */
  startMs: number;
  child: ChildProcess;
  /** CPU seconds (user + system) the emulator process has used so far; undefined where /proc is unavailable. */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat times: 100 on Linux (USER_HZ). */
const USER_HZ = 100;

function procCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return undefined;
  }
}

/**
 * Spawns `node dist/emulator.js --host 127.0.0.1 --port 0 ...args` and resolves once it prints its URL.
 * Rejects if it exits first, prints something else first, or takes longer than `timeoutMs`.
 */
export async function startEmulator(args: string[] = [], timeoutMs = 30_000): Promise<RunningEmulator> {
  if (!existsSync(EMULATOR_JS)) throw new Error(`${EMULATOR_JS} does not exist: build first (node esbuild.mjs)`);
  const started = performance.now();
  const emulator = await startEmulatorProcess({ script: EMULATOR_JS, args: ['--host', '127.0.0.1', ...args], cwd: ROOT, timeoutMs });
  return {
    url: emulator.url,
    startMs: performance.now() - started,
    child: emulator.child,
    stop: async () => {
      await emulator.stop();
    },
    cpuSeconds: () => procCpuSeconds(emulator.child.pid),
  };
}
