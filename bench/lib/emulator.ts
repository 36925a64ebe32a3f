// Starts the built local Proton emulator (dist/emulator.js) as a child process for a benchmark, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

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

const LISTENING = /^Proton emulator listening on (http:\/\/\S+)$/;

/**
 * Spawns `node dist/emulator.js --host 127.0.0.1 --port 0 ...args` and resolves once it prints its URL.
 * Rejects if it exits first, prints something else first, or takes longer than `timeoutMs`.
 */
export function startEmulator(args: string[] = [], timeoutMs = 30_000): Promise<RunningEmulator> {
  if (!existsSync(EMULATOR_JS)) {
    return Promise.reject(new Error(`${EMULATOR_JS} does not exist: build first (node esbuild.mjs)`));
  }
  const started = performance.now();
  const child = spawn(process.execPath, [EMULATOR_JS, '--host', '127.0.0.1', '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the emulator did not print its URL within ${timeoutMs} ms${stderr ? `:\n${stderr}` : ''}`));
    }, timeoutMs);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${signal ?? code}) before listening${stderr ? `:\n${stderr}` : ''}`));
    };
    child.once('exit', onExit);
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      const m = LISTENING.exec(line);
      if (!m) {
        void stop();
        reject(new Error(`unexpected first line from the emulator: ${line}`));
        return;
      }
      // Keep draining stdout so the child never blocks on a full pipe.
      lines.on('line', () => {});
      resolve({ url: m[1], startMs: performance.now() - started, child, stop, cpuSeconds: () => procCpuSeconds(child.pid) });
    });
  });
}
