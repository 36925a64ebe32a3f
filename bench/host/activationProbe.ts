// Runs inside code-server's extension host as the window's extensionTestsPath (bench/activation.ts opens it):
// shows the Proton view, waits for the extension's activation, then lists which modules the host has loaded, to
// show that activation loaded no SDK code (dist/protonClient.js, @aws-sdk/*, @smithy/*). Writes a JSON report to
// the file named by PROTON_BENCH_PROBE. With PROTON_BENCH_PROFILE set, also writes a CPU profile of the activation
// there (open it in Chrome's DevTools), to find what an activation spends its time on.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as vscode from 'vscode';

const EXTENSION_ID = 'vscode-proton.vscode-proton';
const SDK_MODULE = /protonClient\.js$|[\\/]@aws-sdk[\\/]|[\\/]@smithy[\\/]|[\\/]@aws-crypto[\\/]/;

export async function run(): Promise<void> {
  const out = process.env.PROTON_BENCH_PROBE;
  const report: Record<string, unknown> = {};
  try {
    const profile = process.env.PROTON_BENCH_PROFILE ? await startProfile() : undefined;
    const t0 = performance.now();
    await vscode.commands.executeCommand('workbench.view.extension.proton');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
    await ext.activate();
    report.activateWallMs = performance.now() - t0;
    report.marks = extensionMarks();
    if (profile) writeFileSync(process.env.PROTON_BENCH_PROFILE!, JSON.stringify(await profile()));
    // Let whatever activation scheduled (the view's first render, timers of 0) run before looking.
    await new Promise((r) => setTimeout(r, 500));
    const keys = Object.keys(require.cache);
    report.active = ext.isActive;
    report.extensionPath = ext.extensionPath;
    report.modules = keys.length;
    report.extensionModules = keys.filter((k) => k.startsWith(ext.extensionPath));
    report.sdkModules = keys.filter((k) => SDK_MODULE.test(k));
  } catch (err) {
    report.error = String((err as Error)?.stack ?? err);
  }
  if (out) writeFileSync(out, JSON.stringify(report, null, 2));
}

/** Starts V8's CPU profiler in this process; the returned function stops it and returns the profile. */
async function startProfile(): Promise<() => Promise<unknown>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    return profile;
  };
}

/**
 * VS Code's own performance marks for this extension (the extension host keeps them on
 * globalThis.MonacoPerformanceMarks): from "willLoadExtensionCode" to each later mark, in ms.
 */
function extensionMarks(): Record<string, number> {
  const perf = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  const marks = (perf?.getMarks() ?? []).filter((m) => m.name.endsWith(`/${EXTENSION_ID}`));
  const start = marks.find((m) => m.name.includes('willLoadExtensionCode'))?.startTime;
  return Object.fromEntries(marks.map((m) => [m.name.replace(`/${EXTENSION_ID}`, ''), start === undefined ? m.startTime : m.startTime - start]));
}
