// Tree load: 5,000 service instances over 250 services from the local emulator, read the way the extension reads
// them (src/proton: ProtonCache.load over the SDK gateway, what the tree waits for) against a bare
// paginateListServiceInstances loop over the same emulator in the same run, alternating, several runs each.
// Target: ratio of medians ≤ 1.25, and exactly ceil(N/100) ListServiceInstances requests (from the emulator's
// /__emulator/calls) plus a fixed number per template. Also the heap the loaded cache holds (in this Node process,
// after a forced GC: the extension host would hold the same objects).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { paginateListServiceInstances, ProtonClient, type ServiceInstanceSummary } from '@aws-sdk/client-proton';
import type { ConnectionInfo } from '../src/proton/api';
import { ProtonCache } from '../src/proton/cache';
import { createGateway } from '../src/proton/gatewayFactory';
import { startEmulator } from './lib/emulator';
import { log, report, runBenchmark } from './lib/report';
import { writeGeneratedSeed } from './lib/seed';
import { spreadNote, summarize } from './lib/stats';

const INSTANCES = Number(process.env.BENCH_INSTANCES || 5000);
const RUNS = Number(process.env.BENCH_RUNS || 15);
const CREDENTIALS = { accessKeyId: 'BENCHACCESSKEY', secretAccessKey: 'bench-secret' };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function connection(url: string): ConnectionInfo {
  return { region: 'us-east-1', regionSource: 'setting', endpoint: url, isEmulator: true, label: 'Proton emulator · us-east-1' };
}

async function bareLoop(url: string): Promise<number> {
  const client = new ProtonClient({ region: 'us-east-1', endpoint: url, credentials: CREDENTIALS });
  const all: ServiceInstanceSummary[] = [];
  for await (const page of paginateListServiceInstances({ client, pageSize: 100 }, {})) all.push(...(page.serviceInstances ?? []));
  client.destroy();
  return all.length;
}

async function extensionLoad(url: string): Promise<{ count: number; cache: ProtonCache }> {
  const cache = new ProtonCache((conn) => Promise.resolve(createGateway(conn)));
  cache.setConnection(connection(url));
  const snap = await cache.load();
  return { count: snap.instances.length, cache };
}

interface Call {
  operation: string;
  status: number;
}

async function calls(url: string): Promise<Call[]> {
  return (await (await fetch(`${url}/__emulator/calls`)).json()) as Call[];
}

async function main(): Promise<void> {
  const seed = writeGeneratedSeed(INSTANCES);
  const emu = await startEmulator(['--seed', seed.file], 120_000);
  try {
    // Warm-up: both paths once (JIT, sockets), then alternate so that drift hits both alike.
    await bareLoop(emu.url);
    await extensionLoad(emu.url);
    const bare: number[] = [];
    const ext: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const which of i % 2 ? ['ext', 'bare'] : ['bare', 'ext']) {
        const t0 = performance.now();
        const n = which === 'bare' ? await bareLoop(emu.url) : (await extensionLoad(emu.url)).count;
        const ms = performance.now() - t0;
        if (n !== INSTANCES) throw new Error(`${which} listed ${n} instances, not ${INSTANCES}`);
        (which === 'bare' ? bare : ext).push(ms);
      }
      log(`run ${i + 1}: bare ${bare[i].toFixed(0)} ms, extension ${ext[i].toFixed(0)} ms`);
    }
    const b = summarize(bare);
    const e = summarize(ext);
    report({ name: `bare paginateListServiceInstances, ${INSTANCES} instances`, value: b.median, unit: 'ms', note: spreadNote(b, 'ms') });
    report({ name: `extension cache load (src/proton), ${INSTANCES} instances`, value: e.median, unit: 'ms', note: spreadNote(e, 'ms') });
    const ratio = e.median / b.median;
    report({ name: 'tree load ratio (extension / bare)', value: ratio, unit: 'x', note: `ratio of the medians; target ≤ 1.25: ${ratio <= 1.25 ? 'met' : 'MISSED'}` });
    // Each run's two loads ran back to back: their ratio is less exposed to the machine's load drifting between runs.
    const paired = summarize(ext.map((ms, i) => ms / bare[i]));
    report({
      name: 'tree load ratio, median of paired runs',
      value: paired.median,
      unit: 'x',
      note: `${spreadNote(paired, 'x')}; target ≤ 1.25: ${paired.median <= 1.25 ? 'met' : 'MISSED'}`,
    });

    // Requests of one load, from the emulator's own record.
    const before = (await calls(emu.url)).length;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const { cache } = await extensionLoad(emu.url);
    await new Promise((r) => setImmediate(r));
    const made = (await calls(emu.url)).slice(before);
    const byOp = new Map<string, number>();
    for (const c of made) byOp.set(c.operation, (byOp.get(c.operation) ?? 0) + 1);
    const listings = byOp.get('ListServiceInstances') ?? 0;
    const expected = Math.ceil(INSTANCES / 100);
    report({
      name: 'ListServiceInstances requests per load',
      value: listings,
      unit: 'requests',
      note: `expected ceil(${INSTANCES}/100) = ${expected}: ${listings === expected ? 'met' : 'MISSED'}`,
    });
    const others = [...byOp].filter(([op]) => op !== 'ListServiceInstances');
    report({
      name: 'other requests per load (1 template in use)',
      value: others.reduce((s, [, n]) => s + n, 0),
      unit: 'requests',
      note: others.map(([op, n]) => `${op} ${n}`).join(', '),
    });
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    report({
      name: `heap held by the loaded cache, ${cache.snapshot?.instances.length ?? 0} instances`,
      value: (heapAfter - heapBefore) / 2 ** 20,
      unit: 'MiB',
      note: `measured in a Node process after a forced GC (heap used ${(heapAfter / 2 ** 20).toFixed(1)} MiB with the SDK loaded)`,
    });
  } finally {
    await emu.stop();
    seed.cleanup();
  }
}

runBenchmark(main);
