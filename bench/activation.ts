// Activation in the real extension host: code-server's "Running Extensions" view reports, per extension, the
// activation time (code loading + the activate() call) that VS Code measured. The packaged .vsix is installed in a
// fresh code-server; the Proton view is opened (activation by onView) and the window reloaded for each sample.
//
// Needs PROTON_VSIX (npm test sets it) or packages the extension. Knobs: BENCH_RUNS (default 5).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench } from '../test/e2e/workbench';
import { ROOT } from './lib/emulator';
import { percentile } from './lib/measure';
import { log, report, runBenchmark } from './lib/report';

const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 5;

function vsix(): string {
  if (process.env.PROTON_VSIX && existsSync(process.env.PROTON_VSIX)) return process.env.PROTON_VSIX;
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, encoding: 'utf8' });
  return out.trim().split('\n').at(-1)!.replace(/ \(.*\)$/, '');
}

async function main(): Promise<void> {
  process.env.PROTON_VSIX = vsix();
  const wb = await openWorkbench();
  const { page } = wb;
  const ours: number[] = [];
  const emmet: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      if (run > 0) {
        await wb.runCommand('Developer: Reload Window');
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.statusbar').waitFor({ timeout: 60_000 });
      }
      // After a reload the workbench restores the open Proton view; the first time, open it from the activity bar.
      const shown = await wb.pane('Service Instances').waitFor({ timeout: 20_000 }).then(() => true, () => false);
      if (!shown) await page.locator('.activitybar .action-item a[aria-label^="Proton"]').click({ timeout: 60_000 });
      await wb.pane('Service Instances').locator('.welcome-view-content', { hasText: 'No AWS credentials' }).waitFor({ timeout: 60_000 });
      await wb.runCommand('Developer: Show Running Extensions');
      const row = (label: string) => page.locator(`.runtime-extensions-editor .monaco-list-row[aria-label="${label}"] .activation-time`);
      await row('vscode-proton').waitFor({ timeout: 30_000 });
      const ms = async (label: string) => Number(/(\d+)ms/.exec(await row(label).innerText())?.[1]);
      ours.push(await ms('vscode-proton'));
      if (await row('emmet').count()) emmet.push(await ms('emmet'));
      log(`run ${run + 1}: vscode-proton ${ours.at(-1)} ms, emmet ${emmet.at(-1)} ms`);
      await wb.runCommand('View: Close All Editors');
    }
  } finally {
    await wb.close();
  }
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  report({ name: 'activation (code load + activate), extension host', value: median(ours), unit: 'ms', note: `median of ${ours.length}: ${ours.join(', ')}` });
  if (emmet.length) report({ name: 'activation of the built-in Emmet, same runs (baseline)', value: median(emmet), unit: 'ms', note: emmet.join(', ') });
}

runBenchmark(main);
