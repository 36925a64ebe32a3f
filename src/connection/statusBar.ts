// The status bar item that shows the window's connection; a click opens the connection menu
// (connectionPickers.ts, loaded on first use).
import * as vscode from 'vscode';
import type { ConnectionManager, ConnectionState } from './connectionManager';

function render(item: vscode.StatusBarItem, state: ConnectionState): void {
  const c = state.connection;
  if (!c) {
    item.text = '$(cloud) Proton: not connected';
    item.tooltip = 'No endpoint and no AWS credentials found. Click to select a profile or start the local emulator.';
  } else if (c.isEmulator) {
    item.text = '$(server-process) Proton emulator';
    item.tooltip = `Proton emulator at ${c.endpoint} · ${c.region}${state.localEmulator ? ' (started by this window)' : ''}`;
  } else {
    item.text = `$(cloud) ${c.label}`;
    const region = c.regionSource === 'default' ? `${c.region} (no region configured: the us-east-1 default)` : `${c.region} (from the ${c.regionSource})`;
    item.tooltip = `Proton · profile ${c.profile ?? 'default chain'} · region ${region}${c.endpoint ? ` · endpoint ${c.endpoint}` : ''}`;
  }
  if (state.settings.ignoredWorkspaceKeys.length) item.tooltip += `\nRestricted Mode: ignoring the workspace's ${state.settings.ignoredWorkspaceKeys.join(', ')}`;
}

export function registerConnectionStatus(manager: ConnectionManager): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('proton.connection', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Proton Connection';
  item.command = 'proton.showConnectionMenu';
  render(item, manager.state);
  item.show();
  return vscode.Disposable.from(item, manager.onDidChange((s) => render(item, s)));
}
