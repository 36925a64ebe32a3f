// Reads the proton.* settings as plain values for src/proton. Workspace trust is honoured here, in code: in
// Restricted Mode the workspace (and folder) values of the restricted settings are ignored, only the user's apply.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parseJsonc } from '../core/jsonc';
import type { ConnectionSettings } from '../proton/connection';

export const RESTRICTED_KEYS = ['endpoint', 'profile', 'region'] as const;
type RestrictedKey = (typeof RESTRICTED_KEYS)[number];

export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export interface EffectiveSettings extends ConnectionSettings {
  /** Settings whose workspace value was ignored because the workspace is not trusted. */
  ignoredWorkspaceKeys: string[];
  pollIntervalSeconds: number;
}

export const MIN_POLL_SECONDS = 2;
export const DEFAULT_POLL_SECONDS = 10;

/** Pure core of the adapter: `inspect` and `trusted` are injectable so tests can play an untrusted workspace. */
export function effectiveSettings(inspect: <T>(key: string) => Inspected<T> | undefined, trusted: boolean): EffectiveSettings {
  const out: EffectiveSettings = { ignoredWorkspaceKeys: [], pollIntervalSeconds: DEFAULT_POLL_SECONDS };
  for (const key of RESTRICTED_KEYS) {
    const i = inspect<string>(key);
    const workspace = i?.workspaceFolderValue ?? i?.workspaceValue;
    let value: string | undefined;
    if (trusted) value = workspace ?? i?.globalValue ?? i?.defaultValue;
    else {
      value = i?.globalValue ?? i?.defaultValue;
      if (workspace !== undefined && workspace !== value) out.ignoredWorkspaceKeys.push(`proton.${key}`);
    }
    out[key as RestrictedKey] = typeof value === 'string' ? value : '';
  }
  const poll = inspect<number>('pollIntervalSeconds');
  const seconds = Number(poll?.workspaceFolderValue ?? poll?.workspaceValue ?? poll?.globalValue ?? poll?.defaultValue ?? DEFAULT_POLL_SECONDS);
  out.pollIntervalSeconds = Number.isFinite(seconds) ? Math.max(MIN_POLL_SECONDS, seconds) : DEFAULT_POLL_SECONDS;
  return out;
}

/** `inspect` defaults to VS Code's; the tests pass one that hides what an untrusted window hides. */
export function readSettings(trusted = vscode.workspace.isTrusted, inspect?: <T>(key: string) => Inspected<T> | undefined): EffectiveSettings {
  const config = vscode.workspace.getConfiguration('proton');
  // Trusted, every scope applies, so the effective value is all there is to know, and get() costs a fraction of
  // inspect() (which resolves every scope); this runs at activation.
  if (trusted) return effectiveSettings((key) => ({ globalValue: config.get(key) }), true);
  const inspectKey = inspect ?? (<T>(key: string) => config.inspect<T>(key));
  // In Restricted Mode VS Code leaves the restricted settings' workspace values out of inspect(), so whether the
  // workspace sets them (to say they are ignored) is read from its settings files. Their values are never used.
  const onDisk = workspaceSettingsOnDisk();
  return effectiveSettings(<T>(key: string) => {
    const i = inspectKey<T>(key);
    const value = onDisk[`proton.${key}`] as T | undefined;
    const restricted = (RESTRICTED_KEYS as readonly string[]).includes(key);
    if (!restricted || value === undefined || i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined) return i;
    return { ...i, workspaceValue: value };
  }, false);
}

/** The proton.* values the workspace's settings files hold: each folder's .vscode/settings.json, then the .code-workspace's. */
export function workspaceSettingsOnDisk(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const take = (settings: unknown) => {
    if (typeof settings !== 'object' || settings === null) return;
    for (const [k, v] of Object.entries(settings)) {
      if (k.startsWith('proton.')) out[k] = v;
      else if (k === 'proton' && typeof v === 'object' && v !== null) for (const [n, x] of Object.entries(v)) out[`proton.${n}`] = x;
    }
  };
  const read = (uri: vscode.Uri): unknown => {
    if (uri.scheme !== 'file') return undefined;
    try {
      return parseJsonc(readFileSync(uri.fsPath, 'utf8'));
    } catch {
      return undefined; // no file, or unreadable: nothing set there
    }
  };
  for (const folder of vscode.workspace.workspaceFolders ?? []) take(read(vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json')));
  const file = vscode.workspace.workspaceFile;
  if (file) take((read(file) as { settings?: unknown } | undefined)?.settings);
  return out;
}

/**
 * Writes a restricted setting where it takes effect: the workspace when it holds a value and is trusted (so the
 * user's choice is not shadowed), else the user settings. An empty value removes it.
 */
export async function writeSetting(key: RestrictedKey, value: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('proton');
  const i = config.inspect<string>(key);
  const target = vscode.workspace.isTrusted && i?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(key, value === '' ? undefined : value, target);
}
