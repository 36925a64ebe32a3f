// The "Proton" LogOutputChannel: one per window, created on first use. Never log credentials or secrets: log
// operations, names and Proton's messages only.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function protonLog(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Proton', { log: true });
  return channel;
}

/** A plain logging function for code that must not see vscode (src/proton takes one). */
export function logTo(level: 'info' | 'warn' | 'error', message: string): void {
  protonLog()[level](message);
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
