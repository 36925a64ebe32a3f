// Helpers for the integration suites: the live extension objects (activate()'s return value), an emulator child
// process per suite with its /__emulator introspection, waits on the cache's events (never sleeps), and the
// settings the suites change, restored afterwards.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ProtonExtensionApi } from '../../../src/extension';
import { startEmulatorProcess, type EmulatorProcess } from '../../../src/proton/emulatorProcess';
import type { TreeNode } from '../../../src/views/instanceNodes';

export const EXTENSION_ID = 'vscode-proton.vscode-proton';

function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'vscode-proton') return dir;
    if (dirname(dir) === dir) throw new Error(`no vscode-proton package.json above ${__dirname}`);
  }
}

export const REPO_ROOT = repoRoot();
export const seedFile = (name: string): string => join(REPO_ROOT, 'test', 'fixtures', 'seeds', name);

export async function extensionApi(): Promise<ProtonExtensionApi> {
  const ext = vscode.extensions.getExtension<ProtonExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

export interface CallRecord {
  operation: string;
  input: Record<string, unknown>;
  status: number | null;
  at: string;
}

export interface TestEmulator {
  url: string;
  process: EmulatorProcess;
  calls(): Promise<CallRecord[]>;
  count(operation: string): Promise<number>;
  /** A Proton operation sent as plain JSON (no SDK, no extension), retried while the emulator injects faults. */
  call<T = Record<string, unknown>>(operation: string, input: Record<string, unknown>): Promise<T>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The fault dice for the 30% throttling tests: with this seed the first draw (0.156) throttles the first request, so
 * "the emulator did throttle" holds on every run, not on about nine in ten.
 */
export const THROTTLE_FIRST_REQUEST = ['--fault-seed', '8'];

/** Starts dist/emulator.js as a child process (ELECTRON_RUN_AS_NODE: an Electron extension host runs it as Node). */
export async function startTestEmulator(args: string[]): Promise<TestEmulator> {
  const proc = await startEmulatorProcess({
    script: join(REPO_ROOT, 'dist', 'emulator.js'),
    args,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const calls = async () => (await (await fetch(`${proc.url}/__emulator/calls`)).json()) as CallRecord[];
  return {
    url: proc.url,
    process: proc,
    calls,
    count: async (op) => (await calls()).filter((c) => c.operation === op).length,
    call: async <T>(operation: string, input: Record<string, unknown>): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        const r = await fetch(proc.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AwsProton20200720.${operation}` },
          body: JSON.stringify(input),
        });
        if ((r.status === 429 || r.status >= 500) && attempt < 50) continue; // the emulator's injected faults
        if (!r.ok) assert.fail(`${operation}: HTTP ${r.status} ${await r.text()}`);
        return (await r.json()) as T;
      }
    },
    reset: async () => {
      const res = await fetch(`${proc.url}/__emulator/reset`, { method: 'POST' });
      assert.ok(res.ok, `reset answered ${res.status}`);
    },
    stop: async () => void (await proc.stop()),
  };
}

/** Points the extension at `url` (the user setting) and waits until the change has been applied. */
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

/** Connects the window to `url`, waits for the connection, and asks for the rows as a shown view does (which loads). */
export async function connect(api: ProtonExtensionApi, url: string): Promise<void> {
  await vscode.workspace.getConfiguration('proton').update('endpoint', url, vscode.ConfigurationTarget.Global);
  await waitFor(api, () => api.connection.state.connection?.endpoint === url, `the connection to ${url}`);
  treeRows(api);
}

/** Resolves when `ready()` holds, re-checking on every cache or connection change; fails after `ms`. */
export async function waitFor<T>(api: ProtonExtensionApi, ready: () => T | undefined | false, what: string, ms = 15_000): Promise<T> {
  const now = ready();
  if (now) return now;
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      let v: T | undefined | false;
      try {
        v = ready();
      } catch (err) {
        finish();
        reject(err);
        return;
      }
      if (v) {
        finish();
        resolve(v);
      }
    };
    const subs = [api.cache.onDidChange(check), api.connection.onDidChange(check)];
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    function finish() {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
    }
  });
}

/** A row as people see it: label, description, icon id and contextValue. */
export interface Row {
  label: string;
  description?: string;
  icon?: string;
  contextValue?: string;
  id?: string;
  children?: Row[];
}

export function row(api: ProtonExtensionApi, node: TreeNode, withChildren = true): Row {
  const p = api.view.provider;
  const item = p.getTreeItem(node);
  const r: Row = {
    label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
    description: typeof item.description === 'string' ? item.description : undefined,
    icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
    contextValue: item.contextValue,
    id: item.id,
  };
  if (withChildren && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
    r.children = (p.getChildren(node) as TreeNode[]).map((c) => row(api, c, false));
  }
  return r;
}

/** The whole tree as rows (root rows with their children). */
export function treeRows(api: ProtonExtensionApi): Row[] {
  return (api.view.provider.getChildren() as TreeNode[]).map((n) => row(api, n));
}

type Key = 'endpoint' | 'profile' | 'region' | 'pollIntervalSeconds';

/** Sets user (global) settings; returns a function restoring the previous values. */
export async function setUserSettings(values: Partial<Record<Key, string | number | undefined>>): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('proton');
  const before: Partial<Record<Key, unknown>> = {};
  for (const key of Object.keys(values) as Key[]) {
    before[key] = config.inspect(key)?.globalValue;
    await config.update(key, values[key], vscode.ConfigurationTarget.Global);
  }
  return async () => {
    const c = vscode.workspace.getConfiguration('proton');
    for (const key of Object.keys(before) as Key[]) await c.update(key, before[key], vscode.ConfigurationTarget.Global);
  };
}

/** Writes a seed YAML with `services` services of `perService` instances each, all on one template. */
export function bigSeed(services: number, perService: number, servicePrefix = 'svc'): string {
  const lines = [
    'accountId: "111122223333"',
    'region: us-east-1',
    'environmentTemplates: [{ name: base }]',
    'environments: [{ name: dev, templateName: base, templateMajorVersion: "1", templateMinorVersion: "0" }]',
    'serviceTemplates:',
    '  - name: web',
    '    versions:',
    '      - majorVersion: "1"',
    '        minorVersion: "0"',
    '        status: PUBLISHED',
    '        compatibleEnvironmentTemplates: [{ templateName: base, majorVersion: "1" }]',
    '        schema: "schema:\\n  format:\\n    openapi: \\"3.0.0\\"\\n  service_input_type: \\"In\\"\\n  types:\\n    In:\\n      type: object\\n      properties: {}\\n"',
    'services:',
  ];
  for (let s = 0; s < services; s++) {
    const name = `${servicePrefix}${String(s).padStart(4, '0')}`;
    lines.push(`  - name: ${name}`, '    templateName: web', '    instances:');
    for (let i = 0; i < perService; i++) {
      lines.push(`      - { name: i${String(i).padStart(4, '0')}, environmentName: dev, templateMajorVersion: "1", templateMinorVersion: "0" }`);
    }
  }
  return lines.join('\n') + '\n';
}
