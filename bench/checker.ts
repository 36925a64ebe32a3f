// The spec checker (src/core/checker) with a warm cache: a real ProtonCache loaded from the emulator, with the
// target version's detail and the deployed spec fetched, as the diagnostics see it after the first check.
// - on a 51,200-character spec (Proton's maximum): the checker's time against the `yaml` library's parseDocument
//   of the same text in the same run (the floor), alternating; target ratio of medians ≤ 1.3;
// - on a 5,000-character spec: target ≤ 10 ms median;
// - 100 edits checked one after another: the requests they cause (emulator calls) and the facts they lack: 0.
import { parseDocument } from 'yaml';
import { checkSpecDocument } from '../src/core/checker';
import type { ConnectionInfo } from '../src/proton/api';
import { ProtonCache } from '../src/proton/cache';
import { createGateway } from '../src/proton/gatewayFactory';
import { startEmulator } from './lib/emulator';
import { log, report, runBenchmark } from './lib/report';
import { BENCH_TEMPLATE, writeGeneratedSeed } from './lib/seed';
import { spreadNote, summarize } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS || 21);
const SERVICE = 'svc-0000';
const INSTANCE = 'inst-00';

/** A spec of exactly `size` characters: a directive targeting SERVICE/INSTANCE, its entry, then more entries. */
export function specOfSize(size: number): string {
  const head = [
    `# proton-update: serviceName=${SERVICE} name=${INSTANCE} deploymentType=MINOR_VERSION templateMinorVersion=1`,
    'proton: ServiceSpec',
    'instances:',
  ];
  const entry = (name: string, env: string, n: number) =>
    [
      `  - name: "${name}"`,
      `    environment: "${env}"`,
      '    spec:',
      `      image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/${SERVICE}:1.${n}.0"`,
      '      port: 8080',
      `      desired_count: ${1 + (n % 4)}`,
      '      task_size: "small"',
    ].join('\n');
  let text = [...head, entry(INSTANCE, 'dev', 1)].join('\n') + '\n';
  for (let n = 0; ; n++) {
    const next = `${entry(`extra-${n}`, 'dev', n)}\n`;
    if (text.length + next.length > size) break;
    text += next;
  }
  // Pad with a comment to the exact size.
  const pad = size - text.length;
  if (pad >= 3) text += `#${'x'.repeat(pad - 2)}\n`;
  else text += ' '.repeat(pad);
  return text;
}

function connection(url: string): ConnectionInfo {
  return { region: 'us-east-1', regionSource: 'setting', endpoint: url, isEmulator: true, label: 'Proton emulator · us-east-1' };
}

async function callCount(url: string): Promise<number> {
  return ((await (await fetch(`${url}/__emulator/calls`)).json()) as unknown[]).length;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const seed = writeGeneratedSeed(100);
  const emu = await startEmulator(['--seed', seed.file], 60_000);
  try {
    const cache = new ProtonCache((conn) => Promise.resolve(createGateway(conn)));
    cache.setConnection(connection(emu.url));
    await cache.load();
    // Warm the cache the way the diagnostics do: check, fetch what the check needs, check again.
    const big = specOfSize(51_200);
    for (let round = 0; round < 3; round++) {
      const { needs } = checkSpecDocument(big, { facts: cache });
      if (needs.length === 0) break;
      for (const n of needs) {
        if (n.kind === 'versionDetail') await cache.fetchVersionDetail(n.templateName, n.major, n.minor);
        else if (n.kind === 'deployedSpec') await cache.fetchDeployedSpec(n.serviceName, n.name);
        else await cache.load();
      }
    }
    const warm = checkSpecDocument(big, { facts: cache });
    log(`warm check: problems [${warm.problems.map((p) => p.code).join(", ")}], needs ${JSON.stringify(warm.needs)}, template ${BENCH_TEMPLATE}`);
    if (warm.needs.length) throw new Error(`the cache is not warm: ${JSON.stringify(warm.needs)}`);

    // 51,200 characters: checker vs the yaml parse floor, alternating.
    for (let i = 0; i < 5; i++) {
      checkSpecDocument(big, { facts: cache });
      parseDocument(big);
    }
    const checker: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 ? [0, 1] : [1, 0];
      for (const which of order) {
        if (which === 0) checker.push(time(() => checkSpecDocument(big, { facts: cache })));
        else floor.push(time(() => parseDocument(big)));
      }
    }
    const c = summarize(checker);
    const f = summarize(floor);
    report({ name: 'checker, 51,200-char spec, warm cache', value: c.median, unit: 'ms', note: spreadNote(c, 'ms') });
    report({ name: 'yaml parseDocument, same text (floor)', value: f.median, unit: 'ms', note: spreadNote(f, 'ms') });
    const ratio = c.median / f.median;
    report({ name: 'checker / yaml parse, 51,200 chars', value: ratio, unit: 'x', note: `target ≤ 1.3: ${ratio <= 1.3 ? 'met' : 'MISSED'}` });

    const small = specOfSize(5_000);
    for (let i = 0; i < 10; i++) checkSpecDocument(small, { facts: cache });
    const s = summarize(Array.from({ length: RUNS * 3 }, () => time(() => checkSpecDocument(small, { facts: cache }))));
    report({ name: 'checker, 5,000-char spec, warm cache', value: s.median, unit: 'ms', note: spreadNote(s, 'ms', { max: 10, label: '10 ms' }) });

    // 100 edits: type a new image tag character by character; each text is checked as the diagnostics would.
    const before = await callCount(emu.url);
    let needs = 0;
    let text = small;
    const at = text.indexOf(':1.1.0"') + 5;
    for (let i = 0; i < 100; i++) {
      text = `${text.slice(0, at + i)}${String(i % 10)}${text.slice(at + i)}`;
      needs += checkSpecDocument(text, { facts: cache }).needs.length;
    }
    const requests = (await callCount(emu.url)) - before;
    report({
      name: 'requests while checking 100 edits',
      value: requests,
      unit: 'requests',
      note: `facts missing across the 100 checks: ${needs}; target 0: ${requests === 0 && needs === 0 ? 'met' : 'MISSED'}`,
    });
  } finally {
    await emu.stop();
    seed.cleanup();
  }
}

runBenchmark(main);
