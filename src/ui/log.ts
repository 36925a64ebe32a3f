// The "Proton" LogOutputChannel: one per window, created on first use. Never log credentials or secrets: log
// operations, names and Proton's messages only.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;
/** Set in a bundle loaded later (dist/specTools.js): the window's channel, so there is never a second "Proton". */
let windowChannel: (() => vscode.LogOutputChannel) | undefined;

export function protonLog(): vscode.LogOutputChannel {
  if (windowChannel) return windowChannel();
  channel ??= vscode.window.createOutputChannel('Proton', { log: true });
  return channel;
}

/** Makes this bundle's protonLog() write to the channel of the bundle that activated the extension. */
export function useWindowLog(get: () => vscode.LogOutputChannel): void {
  windowChannel = get;
}

/** A plain logging function for code that must not see vscode (src/proton takes one). */
export function logTo(level: 'info' | 'warn' | 'error', message: string): void {
  protonLog()[level](message);
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
