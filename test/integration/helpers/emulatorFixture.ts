// An emulator for integration tests, started from the built dist/emulator.js, with direct JSON calls (no SDK) and
// its /__emulator/calls introspection; plus pointing the extension at an endpoint through the real setting.
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { startEmulatorProcess, type EmulatorProcess } from '../../../src/proton/emulatorProcess';

export const ROOT = resolve(__dirname, '..', '..', '..', '..');

export interface CallRecord {
  operation: string;
  input: Record<string, unknown>;
  status: number | null;
  at: string;
}

export interface TestEmulator {
  url: string;
  proc: EmulatorProcess;
  calls(): Promise<CallRecord[]>;
  /** A Proton operation sent as plain JSON, retried while the emulator throttles. */
  call<T = Record<string, unknown>>(operation: string, input: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestEmulator(seed: string, args: string[] = []): Promise<TestEmulator> {
  const proc = await startEmulatorProcess({
    script: resolve(ROOT, 'dist', 'emulator.js'),
    args: ['--seed', resolve(ROOT, seed), ...args],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const url = proc.url;
  return {
    url,
    proc,
    async calls() {
      return (await (await fetch(`${url}/__emulator/calls`)).json()) as CallRecord[];
    },
    async call<T>(operation: string, input: Record<string, unknown>): Promise<T> {
      for (let i = 0; ; i++) {
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AwsProton20200720.${operation}` },
          body: JSON.stringify(input),
        });
        if ((r.status === 429 || r.status >= 500) && i < 30) continue;
        if (!r.ok) throw new Error(`${operation}: HTTP ${r.status} ${await r.text()}`);
        return (await r.json()) as T;
      }
    },
    async stop() {
      await proc.stop();
    },
  };
}

/** Points the extension at an endpoint (user settings) and waits until the change has been applied. */
export async function useEndpoint(url: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('proton');
  if (config.get('endpoint') === url) return;
  const applied = new Promise<void>((r) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('proton.endpoint')) {
        sub.dispose();
        r();
      }
    });
  });
  await config.update('endpoint', url, vscode.ConfigurationTarget.Global);
  await applied;
}
