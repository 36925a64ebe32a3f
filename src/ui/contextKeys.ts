// Context keys for `when` clauses, sent only when their value changes: each setContext is a round trip to the
// workbench, and the connection and the view re-apply theirs on every change (and at activation, where an unset
// key already reads as false).
import * as vscode from 'vscode';

const sent = new Map<string, unknown>();

export function setContextKey(key: string, value: boolean | string): Thenable<unknown> {
  const previous = sent.has(key) ? sent.get(key) : false;
  if (previous === value) return Promise.resolve();
  sent.set(key, value);
  return vscode.commands.executeCommand('setContext', key, value);
}
