// proton-emulator: parses the command line and starts the emulator (flags: README, "The local Proton emulator"; behaviour: docs/emulator.md). Bad flags → exit 2;
// a bad seed or state file → exit 1; SIGINT/SIGTERM → clean stop, exit 0.
import { parseArgs } from 'node:util';
import { SeedError } from './seed';
import { StateFileError } from './persistence';
import { parseCredentials, startEmulator, type EmulatorOptions } from './server';

const USAGE = `Usage: proton-emulator [--host 127.0.0.1] [--port 4566|0] [--seed FILE] [--state FILE] [--deploy-ms N]
                       [--throttle-rate R] [--error-rate R] [--fault-seed N] [--latency-ms N]
                       [--credentials AKID:SECRET]

A local AWS Proton (awsJson1_0, AwsProton20200720) for the real AWS SDKs and CLI.
  --host H              address to listen on (default 127.0.0.1)
  --port P              port (default 4566; 0 = any free port)
  --seed FILE           seed YAML, or JSON for a .json file (default: the built-in demo seed)
  --state FILE          keep the state in FILE across restarts (written atomically after each change)
  --deploy-ms N         how long a deployment stays IN_PROGRESS (default 3000)
  --throttle-rate R     share of requests (0-1) answered 429 ThrottlingException
  --error-rate R        share of requests (0-1) answered 500 InternalServerException
  --fault-seed N        seed the fault dice (0-4294967295), so a run's faults can be reproduced
  --latency-ms N        delay every answer by N ms
  --credentials K:S     require SigV4 signatures made with access key K and secret S`;

class UsageError extends Error {}

const FLAGS = ['host', 'port', 'seed', 'state', 'deploy-ms', 'throttle-rate', 'error-rate', 'fault-seed', 'latency-ms', 'credentials'] as const;
type Flag = (typeof FLAGS)[number];

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}; got "${value}"`);
  }
  return Number(value);
}

function rate(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} must be a number from 0 to 1; got "${value}"`);
  return n;
}

/** Sets one flag's option, checking its value. */
function apply(opts: EmulatorOptions, name: Flag, value: string): void {
  const flag = `--${name}`;
  const nonEmpty = (what: string) => {
    if (value === '') throw new UsageError(`${flag} needs ${what}`);
    return value;
  };
  switch (name) {
    case 'host':
      opts.host = nonEmpty('a value');
      break;
    case 'port':
      opts.port = wholeNumber(flag, value, 0, 65535);
      break;
    case 'seed':
      opts.seed = { file: nonEmpty('a file') };
      break;
    case 'state':
      opts.statePath = nonEmpty('a file');
      break;
    case 'deploy-ms':
      opts.deployMs = wholeNumber(flag, value, 0, 86_400_000);
      break;
    case 'latency-ms':
      opts.latencyMs = wholeNumber(flag, value, 0, 600_000);
      break;
    case 'throttle-rate':
      opts.throttleRate = rate(flag, value);
      break;
    case 'error-rate':
      opts.errorRate = rate(flag, value);
      break;
    case 'fault-seed':
      opts.faultSeed = wholeNumber(flag, value, 0, 0xffffffff);
      break;
    case 'credentials':
      if (!parseCredentials(value)) throw new UsageError('--credentials must be AKID:SECRET');
      opts.credentials = value;
      break;
  }
}

/** The command line, read with node:util's parseArgs (tokens, so that each problem gets this CLI's own message). */
function parseCommandLine(argv: string[]): EmulatorOptions | 'help' {
  const options = Object.fromEntries([...FLAGS.map((f) => [f, { type: 'string' as const }]), ['help', { type: 'boolean' as const, short: 'h' }]]);
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const opts: EmulatorOptions = {};
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'positional') throw new UsageError(`unexpected argument "${token.value}"`);
    if (token.kind !== 'option') continue;
    if (token.name === 'help') return 'help';
    const flag = token.rawName;
    if (!(FLAGS as readonly string[]).includes(token.name) || !flag.startsWith('--')) throw new UsageError(`unknown option ${flag}`);
    if (seen.has(flag)) throw new UsageError(`${flag} given twice`);
    seen.add(flag);
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('--') && value.length > 2)) throw new UsageError(`${flag} needs a value`);
    apply(opts, token.name as Flag, value);
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: EmulatorOptions | 'help';
  try {
    opts = parseCommandLine(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`proton-emulator: ${e.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let emulator;
  try {
    emulator = await startEmulator(opts);
  } catch (e) {
    if (e instanceof SeedError || e instanceof StateFileError) {
      process.stderr.write(`proton-emulator: ${e.message}\n`);
    } else {
      const err = e as NodeJS.ErrnoException;
      const what = err.code === 'EADDRINUSE' ? `port ${opts.port ?? 4566} on ${opts.host ?? '127.0.0.1'} is already in use` : err.message;
      process.stderr.write(`proton-emulator: cannot start: ${what}\n`);
    }
    process.exit(1);
  }
  process.stdout.write(`Proton emulator listening on ${emulator.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
