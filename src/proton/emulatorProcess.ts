// Runs the local Proton emulator (dist/emulator.js) as a child process and waits for its first stdout line,
// `Proton emulator listening on http://HOST:PORT`: the one way the extension, `npm start`, the benchmarks and the
// tests start it. No vscode and no SDK here: scripts/start.mjs loads this file's bundle directly.
import { spawn, type ChildProcess } from 'node:child_process';

/** The emulator's first stdout line (its contract); group 1 is the URL, 2 the host, 3 the port. */
export const LISTENING_LINE = /^Proton emulator listening on (http:\/\/([^:/\s]+):(\d+))$/;

export interface EmulatorExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EmulatorProcessOptions {
  /** The emulator's script, normally `<extension or repo root>/dist/emulator.js`. */
  script: string;
  /** Its flags; `--port 0` (any free port) is added unless they give `--port`. */
  args?: string[];
  /** The Node.js to run it with (default: this process's). From VS Code: `process.execPath` + ELECTRON_RUN_AS_NODE=1 in env. */
  execPath?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** How long to wait for the listening line (default 10 s); then the child is killed and the start rejects. */
  timeoutMs?: number;
  /** Called with each stdout line after the listening line, and each stderr line, as they come. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface EmulatorProcess {
  /** `http://HOST:PORT` as printed (the real port when started with `--port 0`). */
  readonly url: string;
  readonly port: number;
  readonly firstLine: string;
  readonly child: ChildProcess;
  /** Settles when the process has exited (its output pipes closed). */
  readonly exited: Promise<EmulatorExit>;
  /** stdout after the listening line and stderr, as captured so far (the last MiB of each). */
  output(): { stdout: string; stderr: string };
  /** Sends `signal` (SIGTERM by default), SIGKILL after `timeoutMs` (5 s), and waits for the exit. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<EmulatorExit>;
}

const MAX_CAPTURE = 1 << 20;

/** Children still running, killed if this process exits without stopping them (a failed test, a crash). */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Spawns `execPath script ...args` with piped output; the child is killed if this process exits first. */
export function spawnEmulator(options: EmulatorProcessOptions): ChildProcess {
  const args = options.args ?? [];
  const child = spawn(options.execPath ?? process.execPath, [options.script, ...(args.includes('--port') ? args : ['--port', '0', ...args])], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => live.forEach((c) => c.kill('SIGKILL')));
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/**
 * Collects a stream's text (its last MiB) and hands each complete line to `onLine`. With `firstLine`, the first
 * line goes there instead, and the collected text starts after it.
 */
function collect(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void, firstLine?: (line: string) => void): { text: string } {
  const sink = { text: '' };
  let partial = '';
  let awaitingFirst = firstLine !== undefined;
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    if (awaitingFirst && lines.length > 0) {
      awaitingFirst = false;
      firstLine!(lines.shift()!.replace(/\r$/, ''));
      chunk = chunk.slice(chunk.indexOf('\n') + 1);
    }
    if (!awaitingFirst) sink.text = (sink.text + chunk).slice(-MAX_CAPTURE);
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
  return sink;
}

/** Starts the emulator and resolves once it prints its listening line; rejects (with its stderr) otherwise. */
export function startEmulatorProcess(options: EmulatorProcessOptions): Promise<EmulatorProcess> {
  const child = spawnEmulator(options);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const exited = new Promise<EmulatorExit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const stderr = collect(child.stderr, (line) => options.onLine?.(line, 'stderr'));
  let firstLine: string | undefined;
  const stdout = collect(
    child.stdout,
    (line) => options.onLine?.(line, 'stdout'),
    (line) => {
      firstLine = line;
      settle();
    },
  );

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 5_000): Promise<EmulatorExit> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    }
    return exited;
  };

  let settle: () => void = () => {};
  return new Promise<EmulatorProcess>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      const err = stderr.text.trim();
      reject(new Error(`${why}${err ? `:\n${err}` : ''}`));
    };
    const timer = setTimeout(() => fail(`the emulator printed no listening line within ${timeoutMs} ms`), timeoutMs);
    // 'close', not 'exit': stderr may still be in the pipe when the process has exited.
    void exited.then(({ code, signal }) => {
      if (firstLine === undefined) fail(`the emulator exited (code ${code}, signal ${signal}) before it listened`);
    });
    settle = () => {
      clearTimeout(timer);
      const match = LISTENING_LINE.exec(firstLine ?? '');
      if (!match) {
        fail(`unexpected first line from the emulator: ${JSON.stringify(firstLine)}`);
        return;
      }
      resolve({
        url: match[1],
        port: Number(match[3]),
        firstLine: firstLine!,
        child,
        exited,
        output: () => ({ stdout: stdout.text, stderr: stderr.text }),
        stop,
      });
    };
  });
}
