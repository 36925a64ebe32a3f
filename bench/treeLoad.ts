// Tree load: the time and the requests for the extension's cache to load an account of N instances (the data the
// Service Instances tree shows: instances, templates in use with their versions, environments, components,
// candidate majors' compatibility) against a bare `paginateListServiceInstances` loop over the same emulator.
// Median of several runs, each with a fresh cache and client (no warm data).
//
// Knobs (environment): BENCH_INSTANCES (default 5000, 20 per service), BENCH_RUNS (default 5).
import { paginateListServiceInstances, ProtonClient } from '@aws-sdk/client-proton';
import { ProtonCache } from '../src/proton/cache';
import { resolveConnection } from '../src/proton/connection';
import { createGateway } from '../src/proton/gatewayFactory';
import { startEmulator } from './lib/emulator';
import { percentile } from './lib/measure';
import { log, report, runBenchmark } from './lib/report';
import { writeGeneratedSeed } from './lib/seed';

const INSTANCES = Number(process.env.BENCH_INSTANCES) > 0 ? Number(process.env.BENCH_INSTANCES) : 5000;
const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 5;

async function calls(url: string): Promise<{ operation: string }[]> {
  return (await (await fetch(`${url}/__emulator/calls`)).json()) as { operation: string }[];
}

async function timed(run: () => Promise<number>): Promise<{ ms: number; items: number }> {
  const t0 = performance.now();
  const items = await run();
  return { ms: performance.now() - t0, items };
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

async function main(): Promise<void> {
  const seed = writeGeneratedSeed(INSTANCES);
  const emulator = await startEmulator(['--seed', seed.file], 180_000);
  try {
    log(`treeLoad: ${INSTANCES} instances over ${Math.ceil(INSTANCES / 20)} services, ${RUNS} runs each`);
    const conn = resolveConnection({ endpoint: emulator.url }, {}, []);
    const bare: number[] = [];
    const cached: number[] = [];
    let bareRequests = 0;
    let cacheRequests = 0;
    let breakdown = '';
    for (let r = 0; r < RUNS; r++) {
      // Alternate, so neither side always runs on a warmer emulator.
      let before = (await calls(emulator.url)).length;
      const b = await timed(async () => {
        const client = new ProtonClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'x' } });
        let n = 0;
        for await (const page of paginateListServiceInstances({ client, pageSize: 100 }, {})) n += page.serviceInstances?.length ?? 0;
        client.destroy();
        return n;
      });
      if (b.items !== INSTANCES) throw new Error(`the bare loop listed ${b.items} instances`);
      bare.push(b.ms);
      bareRequests = (await calls(emulator.url)).length - before;

      before = (await calls(emulator.url)).length;
      const c = await timed(async () => {
        const cache = new ProtonCache(async (x) => createGateway(x));
        cache.setConnection(conn);
        return (await cache.load()).instances.length;
      });
      if (c.items !== INSTANCES) throw new Error(`the cache loaded ${c.items} instances`);
      cached.push(c.ms);
      const mine = (await calls(emulator.url)).slice(before);
      cacheRequests = mine.length;
      const byOp = new Map<string, number>();
      for (const x of mine) byOp.set(x.operation, (byOp.get(x.operation) ?? 0) + 1);
      breakdown = [...byOp].map(([op, n]) => `${op} ${n}`).join(', ');
    }
    report({ name: `bare paginateListServiceInstances, ${INSTANCES} instances`, value: median(bare), unit: 'ms', note: `median of ${RUNS}; ${bareRequests} requests` });
    report({ name: `extension cache load, ${INSTANCES} instances`, value: median(cached), unit: 'ms', note: `median of ${RUNS}; ${cacheRequests} requests: ${breakdown}` });
    report({ name: 'cache load / bare loop', value: median(cached) / median(bare), unit: 'ratio' });
    report({ name: 'requests per tree load', value: cacheRequests, unit: 'requests', note: breakdown });
  } finally {
    await emulator.stop();
    seed.cleanup();
  }
}

runBenchmark(main);
