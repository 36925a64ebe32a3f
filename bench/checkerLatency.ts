// Checker latency (design §7): a 51,200-character spec (Proton's limit) checked with a warm cache of the demo
// account, median of 50 runs, against a plain `yaml` parse of the same text. Pure CPU: no emulator, no requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { checkSpecDocument } from '../src/core/checker';
import { parseSpecDocument } from '../src/core/specDocument';
import { SPEC_MAX_LENGTH } from '../src/core/protonModel';
import { factsFromSeed } from '../test/unit/helpers/seedFacts';
import { percentile } from './lib/measure';
import { report } from './lib/report';

const RUNS = 50;

/** The demo's email-sender spec with its two targets, grown with more instance entries to exactly 51,200 chars. */
export function bigSpec(): string {
  let text = '# proton-update: serviceName=email-sender name=dev deploymentType=MINOR_VERSION\n' +
    '# proton-update: serviceName=email-sender name=prod deploymentType=MINOR_VERSION\nproton: ServiceSpec\ninstances:\n';
  const entry = (name: string, env: string) =>
    `  - name: "${name}"\n    environment: "${env}"\n    spec:\n      image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/email-sender:2.4.0"\n` +
    '      task_size: "small"\n      worker_count: 2\n      queue_visibility_timeout: 60\n      max_receive_count: 5\n';
  text += entry('dev', 'dev') + entry('prod', 'prod');
  for (let i = 0; text.length + 400 < SPEC_MAX_LENGTH; i++) text += entry(`extra${String(i).padStart(4, '0')}`, 'dev');
  text += '#'.repeat(SPEC_MAX_LENGTH - text.length - 1) + '\n';
  return text;
}

/** Medians of the functions, run interleaved so that machine noise (2 shared cores) hits them alike. */
function medians(...fns: (() => void)[]): number[] {
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      times[k].push(performance.now() - t0);
    });
  }
  return times.map((t) => percentile(t.sort((a, b) => a - b), 50));
}

const text = bigSpec();
const facts = factsFromSeed(readFileSync(join(process.cwd(), 'demo', 'seed.yaml'), 'utf8'));
const warm = checkSpecDocument(text, { facts });
if (warm.needs.length || text.length !== SPEC_MAX_LENGTH) throw new Error(`not a warm 51,200-char check (${text.length}, needs ${warm.needs.length})`);
for (let i = 0; i < 5; i++) {
  checkSpecDocument(text, { facts });
  parseDocument(text);
}
const sd = parseSpecDocument(text);
const [full, checksOnly, yamlOnly] = medians(
  () => checkSpecDocument(text, { facts }),
  () => checkSpecDocument(sd, { facts }),
  () => parseDocument(text),
);
const note = `${text.length} chars, ${warm.problems.length} problems, demo seed, warm cache, median of ${RUNS}`;
report({ name: 'checker 51,200-char spec (parse + checks)', value: full, unit: 'ms', note });
report({ name: 'checker 51,200-char spec (checks on a reused parse)', value: checksOnly, unit: 'ms', note });
report({ name: 'yaml parseDocument of the same text', value: yamlOnly, unit: 'ms', note: `median of ${RUNS}` });
report({ name: 'checker / plain yaml parse', value: full / yamlOnly, unit: 'x' });
