// The local emulator's start time with a 5,000-instance seed (250 services): spawn to the listening line, which
// includes Node's start, reading and validating the seed and binding the port. Target ≤ 1 s.
import { startEmulator } from './lib/emulator';
import { log, report, runBenchmark } from './lib/report';
import { writeGeneratedSeed } from './lib/seed';
import { spreadNote, summarize } from './lib/stats';

const INSTANCES = Number(process.env.BENCH_INSTANCES || 5000);
const RUNS = Number(process.env.BENCH_RUNS || 5);

async function main(): Promise<void> {
  const seed = writeGeneratedSeed(INSTANCES);
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const emu = await startEmulator(['--seed', seed.file], 60_000);
      times.push(emu.startMs);
      log(`run ${i + 1}: ${emu.startMs.toFixed(0)} ms`);
      await emu.stop();
    }
    const s = summarize(times);
    report({
      name: `start with ${INSTANCES} instances (JSON seed)`,
      value: s.median,
      unit: 'ms',
      note: spreadNote(s, 'ms', { max: 1000, label: '1 s' }),
    });
  } finally {
    seed.cleanup();
  }
}

runBenchmark(main);
