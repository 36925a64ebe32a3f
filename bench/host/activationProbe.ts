// Runs inside code-server's extension host as the window's extensionTestsPath (bench/activation.ts opens it):
// shows the Proton view, waits for the extension's activation, then lists which modules the host has loaded, to
// show that activation loaded no SDK code (dist/protonClient.js, @aws-sdk/*, @smithy/*). Writes a JSON report to
// the file named by PROTON_BENCH_PROBE.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'vscode-proton.vscode-proton';
const SDK_MODULE = /protonClient\.js$|[\\/]@aws-sdk[\\/]|[\\/]@smithy[\\/]|[\\/]@aws-crypto[\\/]/;

export async function run(): Promise<void> {
  const out = process.env.PROTON_BENCH_PROBE;
  const report: Record<string, unknown> = {};
  try {
    await vscode.commands.executeCommand('workbench.view.extension.proton');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
    await ext.activate();
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
