// Emulator throughput: requests per second and latency of GetServiceInstance and ListServiceInstances (full pages
// of 100) served by the local Proton emulator to the real @aws-sdk/client-proton, over loopback, at concurrency 1
// and 8 (closed loop, a few seconds each). The emulator runs as its own process (`node dist/emulator.js`) with a
// generated seed of 1000 instances, so client and server share this machine's CPUs as they do in the tests.
//
// Knobs (environment): BENCH_SECONDS (per measurement, default 3), BENCH_INSTANCES (default 1000),
// BENCH_CONCURRENCY (comma-separated, default "1,8").
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import {
  GetServiceInstanceCommand,
  ListServiceInstancesCommand,
  ProtonClient,
} from '@aws-sdk/client-proton';
import { startEmulator } from './lib/emulator';
import { percentile, runLoad, throughput, type LoadResult } from './lib/measure';
import { log, report, runBenchmark } from './lib/report';
import { writeGeneratedSeed } from './lib/seed';

/** A positive number from the environment, else the default. */
function knob(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const SECONDS = knob('BENCH_SECONDS', 3);
const INSTANCES = Math.round(knob('BENCH_INSTANCES', 1000));
const parsedConcurrency = (process.env.BENCH_CONCURRENCY ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1);
const CONCURRENCY = parsedConcurrency.length ? parsedConcurrency : [1, 8];
const PAGE = 100;

async function main(): Promise<void> {
  const seed = writeGeneratedSeed(INSTANCES);
  log(`emulatorThroughput: ${INSTANCES} instances, ${SECONDS} s per measurement, concurrency ${CONCURRENCY.join('/')}, ${cpus().length} CPUs`);
  const emulator = await startEmulator(['--seed', seed.file]).catch((err: unknown) => {
    seed.cleanup();
    throw err;
  });
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(...CONCURRENCY, 1) * 2 });
  const client = new ProtonClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'bench-secret' },
    // One attempt: a failure is counted, not hidden by a retry.
    maxAttempts: 1,
    requestHandler: { httpAgent: agent },
  });
  try {
    report({ name: `emulator start (${INSTANCES} instances)`, value: emulator.startMs, unit: 'ms', note: 'spawn to listening line' });

    // Sanity: the whole listing is there and pages are full.
    const first = await client.send(new ListServiceInstancesCommand({ maxResults: PAGE }));
    if ((first.serviceInstances ?? []).length !== Math.min(PAGE, INSTANCES)) {
      throw new Error(`ListServiceInstances returned ${first.serviceInstances?.length} instances, expected ${Math.min(PAGE, INSTANCES)}`);
    }

    const getOp = (worker: number, seq: number) => {
      const [serviceName, name] = seed.instances[(worker * 7919 + seq * 31) % seed.instances.length];
      return client.send(new GetServiceInstanceCommand({ serviceName, name })).then((r) => {
        if (r.serviceInstance?.name !== name) throw new Error(`GetServiceInstance returned ${r.serviceInstance?.name}, not ${name}`);
      });
    };
    // Each worker walks the listing page by page (every page full when INSTANCES is a multiple of 100) and starts
    // over at the end, so pagination tokens are exercised, not just the first page.
    const tokens = new Map<number, string | undefined>();
    let partialPages = 0;
    const listOp = async (worker: number) => {
      const out = await client.send(new ListServiceInstancesCommand({ maxResults: PAGE, nextToken: tokens.get(worker) }));
      if ((out.serviceInstances ?? []).length < PAGE) partialPages++;
      tokens.set(worker, out.nextToken || undefined);
    };

    log('warming up…');
    await runLoad(Math.max(...CONCURRENCY), 1000, getOp);
    await runLoad(Math.max(...CONCURRENCY), 1000, listOp);

    const ops: Array<[string, (w: number, seq: number) => Promise<void>]> = [
      ['GetServiceInstance', getOp],
      [`ListServiceInstances(${PAGE})`, listOp],
    ];
    for (const [label, op] of ops) {
      for (const c of CONCURRENCY) {
        tokens.clear();
        partialPages = 0;
        const serverCpu0 = emulator.cpuSeconds();
        const clientCpu0 = process.cpuUsage();
        const r = await runLoad(c, SECONDS * 1000, op);
        const clientCpu = process.cpuUsage(clientCpu0);
        const serverCpu1 = emulator.cpuSeconds();
        const perReq = (seconds: number) => `${((seconds * 1000) / Math.max(1, r.count)).toFixed(2)} ms`;
        const cpu = [`client CPU ${perReq((clientCpu.user + clientCpu.system) / 1e6)}/req`];
        if (serverCpu0 !== undefined && serverCpu1 !== undefined) cpu.unshift(`emulator CPU ${perReq(serverCpu1 - serverCpu0)}/req`);
        const note = [describe(r), ...cpu].join(', ') + (label.startsWith('List') && partialPages ? `, ${partialPages} partial pages` : '');
        log(`${label} c=${c}: ${throughput(r).toFixed(0)} req/s, p50 ${percentile(r.latencies, 50).toFixed(2)} ms, p95 ${percentile(r.latencies, 95).toFixed(2)} ms (${note})`);
        report({ name: `${label} c=${c} throughput`, value: throughput(r), unit: 'req/s', note });
        report({ name: `${label} c=${c} p50`, value: percentile(r.latencies, 50), unit: 'ms' });
        report({ name: `${label} c=${c} p95`, value: percentile(r.latencies, 95), unit: 'ms' });
      }
    }
  } finally {
    client.destroy();
    agent.destroy();
    await emulator.stop();
    seed.cleanup();
  }
}

function describe(r: LoadResult): string {
  const parts = [`${r.latencies.length} ok in ${(r.elapsedMs / 1000).toFixed(1)} s`];
  if (r.errors) parts.push(`${r.errors} errors (${r.firstError})`);
  return parts.join(', ');
}

runBenchmark(main);
