// Reads the proton.* settings as plain values for src/proton. Workspace trust is honoured here, in code: in
// Restricted Mode the workspace (and folder) values of the restricted settings are ignored, only the user's apply.
import * as vscode from 'vscode';
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

export function readSettings(trusted = vscode.workspace.isTrusted): EffectiveSettings {
  const config = vscode.workspace.getConfiguration('proton');
  // Trusted, every scope applies, so the effective value is all there is to know, and get() costs a fraction of
  // inspect() (which resolves every scope); this runs at activation.
  if (trusted) return effectiveSettings((key) => ({ globalValue: config.get(key) }), true);
  return effectiveSettings((key) => config.inspect(key), false);
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
